// The dict's views (dict_keys, dict_values, dict_items), its iterators and its methods
// (get, pop, popitem, setdefault, update, fromkeys...). The table itself is in dict.cpp.
#include "runtime/critical_section.h"
#include "runtime/dict_internal.h"

namespace rt {

namespace {

Type dict_keys_type, dict_values_type, dict_items_type;
Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;
Type dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type;

enum class Kind { Keys, Values, Items };

struct DictView : Object {
  Dict* dict;
};

struct DictIter : Object {
  Dict* dict;      // null once exhausted
  size_t pos;
  int64_t used;    // the dict's size when iteration started; -1 once it changed
  int64_t remaining;
};

Kind view_kind(Value v) {
  Type* t = v.as_obj()->type;
  return t == &dict_keys_type ? Kind::Keys : t == &dict_values_type ? Kind::Values : Kind::Items;
}

bool view_check(Value v) {
  if (!v.is_obj()) return false;
  Type* t = v.as_obj()->type;
  return t == &dict_keys_type || t == &dict_values_type || t == &dict_items_type;
}

Value view_new(Type* t, Dict* d) {
  DictView* v = alloc_object<DictView>(t);
  incref(d);
  v->dict = d;
  return Value::from_obj(v);
}

void view_dealloc(Object* o) {
  decref(static_cast<DictView*>(o)->dict);
  object_free(o);
}

Value iter_new(Type* t, Dict* d) {
  DictIter* it = alloc_object<DictIter>(t);
  incref(d);
  it->dict = d;
  CriticalSection cs(d);  // another thread may be resizing d
  bool reverse = t == &dict_reversekeyiterator_type || t == &dict_reversevalueiterator_type ||
                 t == &dict_reverseitemiterator_type;
  it->pos = reverse ? d->nentries : 0;
  it->used = int64_t(d->used);
  it->remaining = int64_t(d->used);
  return Value::from_obj(it);
}

void iter_dealloc(Object* o) {
  DictIter* it = static_cast<DictIter*>(o);
  if (it->dict) decref(it->dict);
  object_free(o);
}

// Advances [it] to its next entry, or returns null (exhausted or error raised). Caller locks
// the iterator's dict; when the iterator lets go of it, its reference moves to [dropped], for
// the caller to release after the critical section (the dict may die with it).
DictEntry* iter_advance(DictIter* it, Ref* dropped) {
  Dict* d = it->dict;
  if (d == nullptr) return nullptr;
  if (it->used != int64_t(d->used)) {
    it->used = -1;
    raise_msg(&exc_RuntimeError, "dictionary changed size during iteration");
  }
  size_t i = it->pos;
  while (i < d->nentries && d->entries[i].key.is_null()) i++;
  if (i >= d->nentries) {
    it->dict = nullptr;
    *dropped = Ref::steal(Value::from_obj(d));
    return nullptr;
  }
  if (it->remaining == 0) {
    it->dict = nullptr;
    *dropped = Ref::steal(Value::from_obj(d));
    raise_msg(&exc_RuntimeError, "dictionary keys changed during iteration");
  }
  it->pos = i + 1;
  it->remaining--;
  return &d->entries[i];
}

Value keyiter_next(Value self) {
  Ref dropped;
  CriticalSection cs(self.as<DictIter>()->dict);
  DictEntry* e = iter_advance(self.as<DictIter>(), &dropped);
  if (!e) return Value::null();
  incref(e->key);
  return e->key;
}

Value valueiter_next(Value self) {
  Ref dropped;
  CriticalSection cs(self.as<DictIter>()->dict);
  DictEntry* e = iter_advance(self.as<DictIter>(), &dropped);
  if (!e) return Value::null();
  incref(e->value);
  return e->value;
}

Value itemiter_next(Value self) {
  Ref dropped;
  CriticalSection cs(self.as<DictIter>()->dict);
  DictEntry* e = iter_advance(self.as<DictIter>(), &dropped);
  if (!e) return Value::null();
  Value kv[2] = {e->key, e->value};
  return Value::from_obj(tuple_from(kv, 2));
}

// Steps [it] back to the entry before its position, as iter_advance steps forward: null when
// exhausted or with an error raised; the caller locks the dict and releases [dropped] after.
DictEntry* reverse_advance(DictIter* it, Ref* dropped) {
  Dict* d = it->dict;
  if (d == nullptr) return nullptr;
  if (it->used != int64_t(d->used)) {
    it->used = -1;
    raise_msg(&exc_RuntimeError, "dictionary changed size during iteration");
  }
  size_t i = std::min(it->pos, d->nentries);
  while (i > 0 && d->entries[i - 1].key.is_null()) i--;
  if (i == 0) {
    it->dict = nullptr;
    *dropped = Ref::steal(Value::from_obj(d));
    return nullptr;
  }
  it->pos = i - 1;
  return &d->entries[i - 1];
}

Value reversekeyiter_next(Value self) {
  Ref dropped;
  CriticalSection cs(self.as<DictIter>()->dict);
  DictEntry* e = reverse_advance(self.as<DictIter>(), &dropped);
  if (!e) return Value::null();
  incref(e->key);
  return e->key;
}

Value reversevalueiter_next(Value self) {
  Ref dropped;
  CriticalSection cs(self.as<DictIter>()->dict);
  DictEntry* e = reverse_advance(self.as<DictIter>(), &dropped);
  if (!e) return Value::null();
  incref(e->value);
  return e->value;
}

Value reverseitemiter_next(Value self) {
  Ref dropped;
  CriticalSection cs(self.as<DictIter>()->dict);
  DictEntry* e = reverse_advance(self.as<DictIter>(), &dropped);
  if (!e) return Value::null();
  Value kv[2] = {e->key, e->value};
  return Value::from_obj(tuple_from(kv, 2));
}

// reversed(d.keys()), reversed(d.values()), reversed(d.items()) (view.__reversed__).
Value view_reversed(const Value* args, size_t nargs, Tuple* kw) {
  Type* t = args[0].as_obj()->type;
  const char* name = t == &dict_keys_type ? "dict_keys.__reversed__"
                     : t == &dict_values_type ? "dict_values.__reversed__"
                                              : "dict_items.__reversed__";
  check_noargs(name, nargs - 1, kw);
  Dict* d = args[0].as<DictView>()->dict;
  switch (view_kind(args[0])) {
    case Kind::Keys: return iter_new(&dict_reversekeyiterator_type, d);
    case Kind::Values: return iter_new(&dict_reversevalueiterator_type, d);
    case Kind::Items: return iter_new(&dict_reverseitemiterator_type, d);
  }
  return Value::null();
}

Value view_iter(Value self) {
  Dict* d = self.as<DictView>()->dict;
  switch (view_kind(self)) {
    case Kind::Keys: return iter_new(&dict_keyiterator_type, d);
    case Kind::Values: return iter_new(&dict_valueiterator_type, d);
    case Kind::Items: return iter_new(&dict_itemiterator_type, d);
  }
  return Value::null();
}

int64_t view_len(Value self) { return int64_t(self.as<DictView>()->dict->used); }

// "dict_keys(['a', 'b'])": the type name around the repr of a list of the items.
Value view_repr(Value self) {
  ReprGuard guard(self.as_obj());
  if (guard.recursive()) return str_value("...");
  List* l = list_new(0);
  Ref lr = Ref::steal(Value::from_obj(l));
  list_extend(l, self);
  std::string out = self.as_obj()->type->name;
  out += "(";
  append_repr(out, lr.get());
  out += ")";
  return str_value(out);
}

int view_contains(Value self, Value item) {
  Dict* d = self.as<DictView>()->dict;
  switch (view_kind(self)) {
    case Kind::Keys: return dict_get(d, item).is_null() ? 0 : 1;
    case Kind::Items: {
      if (!tuple_check(item) || item.as<Tuple>()->size != 2) return 0;
      Value v = dict_get(d, item.as<Tuple>()->item(0));
      if (v.is_null()) return 0;
      Ref hold = Ref::borrow(v);
      return equal(v, item.as<Tuple>()->item(1)) ? 1 : 0;
    }
    case Kind::Values: return -1;
  }
  return -1;
}

// Every item of [a] is in [b].
bool all_contained_in(Value a, Value b) {
  Ref it = Ref::steal(get_iter(a));
  while (true) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) return true;
    if (!contains(b, x.get())) return false;
  }
}

// Comparisons of keys/items views with sets and other views, as sets.
Value view_richcompare(Value a, Value b, CmpOp op) {
  if (view_kind(a) == Kind::Values) return NotImplemented();
  if (!anyset_check(b) && !(view_check(b) && view_kind(b) != Kind::Values)) return NotImplemented();
  int64_t la = length(a), lb = length(b);
  bool r = false;
  switch (op) {
    case CmpOp::Eq:
    case CmpOp::Ne: r = la == lb && all_contained_in(a, b); if (op == CmpOp::Ne) r = !r; break;
    case CmpOp::Lt: r = la < lb && all_contained_in(a, b); break;
    case CmpOp::Le: r = la <= lb && all_contained_in(a, b); break;
    case CmpOp::Gt: r = la > lb && all_contained_in(b, a); break;
    case CmpOp::Ge: r = la >= lb && all_contained_in(b, a); break;
  }
  return from_bool(r);
}

// view | other, view & other, view - other, view ^ other (either side a view): a new set.
Value view_binop(Value a, Value b, BinOp op, bool inplace) {
  if (op != BinOp::Or && op != BinOp::And && op != BinOp::Sub && op != BinOp::Xor) return NotImplemented();
  if (view_check(a) && view_kind(a) == Kind::Values) return NotImplemented();
  if (view_check(b) && view_kind(b) == Kind::Values) return NotImplemented();
  Set* s = set_make(&set_type, a);
  Ref r = Ref::steal(Value::from_obj(s));
  switch (op) {
    case BinOp::Or: set_update_from(s, b); break;
    case BinOp::And: set_intersection_update_from(s, b); break;
    case BinOp::Sub: set_difference_update_from(s, b); break;
    default: set_symmetric_difference_update_from(s, b); break;
  }
  return r.release();
}

// ---- methods ---------------------------------------------------------------------------------

Dict* self_dict(const Value* args) { return args[0].as<Dict>(); }

Value m_get(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("dict.get", nargs - 1, kw, 1, 2);
  Value v = dict_get_ref(self_dict(args), args[1]);
  if (v.is_null()) {
    v = nargs > 2 ? args[2] : None();
    incref(v);
  }
  return v;
}

Value m_keys(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.keys", nargs - 1, kw);
  return view_new(&dict_keys_type, self_dict(args));
}

Value m_values(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.values", nargs - 1, kw);
  return view_new(&dict_values_type, self_dict(args));
}

Value m_items(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.items", nargs - 1, kw);
  return view_new(&dict_items_type, self_dict(args));
}

Value m_pop(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("dict.pop", nargs - 1, kw, 1, 2);
  Dict* d = self_dict(args);
  CriticalSection cs(d);
  size_t slot;
  int64_t ix = d->used ? dict_lookup(d, args[1], dict_hash_key(args[1]), &slot) : -1;
  if (ix < 0) {
    if (d->used == 0) dict_hash_key(args[1]);
    if (nargs > 2) {
      incref(args[2]);
      return args[2];
    }
    raise_key_error(args[1]);
  }
  Value k, v;
  dict_unlink(d, ix, slot, &k, &v);
  decref(k);
  return v;
}

Value m_popitem(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.popitem", nargs - 1, kw);
  Dict* d = self_dict(args);
  CriticalSection cs(d);
  if (d->used == 0) {
    Ref msg = Ref::steal(str_value("popitem(): dictionary is empty"));
    raise_key_error(msg.get());
  }
  size_t i = d->nentries;
  while (d->entries[i - 1].key.is_null()) i--;
  DictEntry* e = &d->entries[i - 1];
  size_t slot = 0;
  dict_lookup(d, e->key, e->hash, &slot);
  Tuple* t = tuple_new(2);
  Value k, v;
  dict_unlink(d, int64_t(i - 1), slot, &k, &v);
  d->nentries = i - 1;
  t->items()[0] = k;
  t->items()[1] = v;
  return Value::from_obj(t);
}

Value m_setdefault(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("dict.setdefault", nargs - 1, kw, 1, 2);
  Dict* d = self_dict(args);
  CriticalSection cs(d);
  Value v = dict_get(d, args[1]);
  if (v.is_null()) {
    v = nargs > 2 ? args[2] : None();
    dict_set(d, args[1], v);
  }
  incref(v);
  return v;
}

Value m_update(const Value* args, size_t nargs, Tuple* kw) {
  size_t npos = nargs - 1;
  if (npos > 1) raise_fmt(&exc_TypeError, "update expected at most 1 argument, got {}", npos);
  Dict* d = self_dict(args);
  if (npos == 1) dict_update(d, args[1]);
  size_t nkw = kw ? kw->size : 0;
  for (size_t i = 0; i < nkw; i++) dict_set(d, kw->item(i), args[nargs + i]);
  return None();
}

Value m_copy(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.copy", nargs - 1, kw);
  return dict_copy(self_dict(args));
}

Value m_clear(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.clear", nargs - 1, kw);
  dict_clear(self_dict(args));
  return None();
}

// dict.fromkeys(iterable, value=None), a class method: args[0] is the class.
Value m_fromkeys(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("dict.fromkeys", nargs - 1, kw, 1, 2);
  Value value = nargs > 2 ? args[2] : None();
  Ref r = Ref::steal(call0(args[0]));
  Ref it = Ref::steal(get_iter(args[1]));
  bool exact = r.get().is_obj() && r.get().as_obj()->type == &dict_type;
  while (true) {
    Ref k = Ref::steal(iter_next(it.get()));
    if (!k) break;
    if (exact)
      dict_set(r.as<Dict>(), k.get(), value);
    else
      setitem(r.get(), k.get(), value);
  }
  return r.release();
}

Value m_reversed(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.__reversed__", nargs - 1, kw);
  return iter_new(&dict_reversekeyiterator_type, self_dict(args));
}

Value m_getitem(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("dict.__getitem__", nargs - 1, kw);
  // dict's own lookup (and __missing__), not the type's slot: a subclass's __getitem__
  // calling super().__getitem__ would call itself.
  return dict_type.getitem(args[0], args[1]);
}

Value m_setitem(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("dict.__setitem__", nargs - 1, kw, 2, 2);
  dict_set(self_dict(args), args[1], args[2]);
  return None();
}

Value m_delitem(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("dict.__delitem__", nargs - 1, kw);
  if (!dict_del(self_dict(args), args[1])) raise_key_error(args[1]);
  return None();
}

Value m_contains(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("dict.__contains__", nargs - 1, kw);
  return from_bool(!dict_get(self_dict(args), args[1]).is_null());
}

Value m_len(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("dict.__len__", nargs - 1, kw);
  CriticalSection cs(self_dict(args));
  return int_from_i64(int64_t(self_dict(args)->used));
}

}  // namespace

Value dict_iter_keys(Value self) { return iter_new(&dict_keyiterator_type, self.as<Dict>()); }

void init_dict_methods() {
  Type* t = &dict_type;
  type_add_method(t, "get", m_get);
  type_add_method(t, "keys", m_keys);
  type_add_method(t, "values", m_values);
  type_add_method(t, "items", m_items);
  type_add_method(t, "pop", m_pop);
  type_add_method(t, "popitem", m_popitem);
  type_add_method(t, "setdefault", m_setdefault);
  type_add_method(t, "update", m_update);
  type_add_method(t, "copy", m_copy);
  type_add_method(t, "clear", m_clear);
  type_add_method(t, "__reversed__", m_reversed);
  type_add_method(t, "__getitem__", m_getitem);
  type_add_method(t, "__setitem__", m_setitem);
  type_add_method(t, "__delitem__", m_delitem);
  type_add_method(t, "__contains__", m_contains);
  type_add_method(t, "__len__", m_len);
  type_add_classmethod(t, "fromkeys", m_fromkeys);

  struct {
    Type* t;
    const char* name;
  } views[] = {{&dict_keys_type, "dict_keys"}, {&dict_values_type, "dict_values"}, {&dict_items_type, "dict_items"}};
  for (auto& v : views) {
    type_init_static(v.t, v.name, &object_type, sizeof(DictView));
    v.t->dealloc = view_dealloc;
    v.t->repr = view_repr;
    v.t->len = view_len;
    v.t->iter = view_iter;
    v.t->contains = view_contains;
    v.t->richcompare = view_richcompare;
    v.t->binop = view_binop;
    type_ready(v.t);
    v.t->hash = nullptr;
    type_add_method(v.t, "__reversed__", view_reversed);
  }
  struct {
    Type* t;
    const char* name;
    Value (*next)(Value);
  } iters[] = {{&dict_keyiterator_type, "dict_keyiterator", keyiter_next},
               {&dict_valueiterator_type, "dict_valueiterator", valueiter_next},
               {&dict_itemiterator_type, "dict_itemiterator", itemiter_next},
               {&dict_reversekeyiterator_type, "dict_reversekeyiterator", reversekeyiter_next},
               {&dict_reversevalueiterator_type, "dict_reversevalueiterator", reversevalueiter_next},
               {&dict_reverseitemiterator_type, "dict_reverseitemiterator", reverseitemiter_next}};
  for (auto& i : iters) {
    type_init_static(i.t, i.name, &object_type, sizeof(DictIter));
    i.t->dealloc = iter_dealloc;
    i.t->iter = iter_self;
    i.t->next = i.next;
    type_ready(i.t);
  }
}

}  // namespace rt
