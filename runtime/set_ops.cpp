// The set algebra of set and frozenset (union, intersection, difference, symmetric
// difference, subset tests), their operators and methods, following CPython 3.11's
// setobject.c so that the results iterate in CPython's order.
#include "runtime/critical_section.h"
#include "runtime/set_internal.h"

namespace rt {

namespace {

bool is_frozen(Set* s) { return s->type == &frozenset_type || is_subtype(s->type, &frozenset_type); }

// The exact type a set operation returns for [s]: set or frozenset.
Type* base_type(Set* s) { return is_frozen(s) ? &frozenset_type : &set_type; }

Value as_value(Set* s) { return Value::from_obj(s); }

// set_copy: a new set of [s]'s base type with the same keys.
Set* set_copy(Set* s) { return set_make(base_type(s), as_value(s)); }

// set_intersection: the keys of [so] that are also in [other] (any iterable).
Set* set_intersection(Set* so, Value other) {
  if (other == as_value(so)) return set_copy(so);
  Set* result = set_alloc(base_type(so));
  Ref r = Ref::steal(as_value(result));
  if (anyset_check(other)) {
    Set* a = so;
    Set* b = other.as<Set>();
    if (set_used(b) > set_used(a)) std::swap(a, b);
    CriticalSection cs(b);
    size_t pos = 0;
    while (SetEntry* e = set_next_entry(b, &pos)) {
      Ref key = Ref::borrow(e->key);
      int64_t h = e->hash;
      if (set_contains_entry(a, key.get(), h)) set_add_entry(result, key.get(), h);
    }
    return r.release().as<Set>();
  }
  Ref it = Ref::steal(get_iter(other));
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) break;
    int64_t h = set_hash_key(key.get());
    if (set_contains_entry(so, key.get(), h)) set_add_entry(result, key.get(), h);
  }
  return r.release().as<Set>();
}

// set_clear_internal or discards of every key of [other], then drops excess dummies.
void difference_update_internal(Set* so, Value other) {
  if (other == as_value(so)) {
    set_clear_internal(so);
    return;
  }
  if (anyset_check(other)) {
    Ref o;
    if ((set_used(other.as<Set>()) >> 3) > set_used(so))
      o = Ref::steal(as_value(set_intersection(so, other)));
    else
      o = Ref::borrow(other);
    CriticalSection cs(o.get());
    size_t pos = 0;
    while (SetEntry* e = set_next_entry(o.as<Set>(), &pos)) {
      Ref key = Ref::borrow(e->key);
      set_discard_entry(so, key.get(), e->hash);
    }
  } else {
    Ref it = Ref::steal(get_iter(other));
    while (true) {
      Ref key = Ref::steal(iter_next(it.get()));
      if (!key) break;
      set_discard(so, key.get());
    }
  }
  CriticalSection cs(so);
  if ((so->fill - so->used) <= so->mask / 4) return;
  set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

// set_difference: the keys of [so] not in [other].
Set* set_difference(Set* so, Value other) {
  size_t other_size;
  bool other_dict = other.is_obj() && other.as_obj()->type == &dict_type;
  if (anyset_check(other)) {
    other_size = set_used(other.as<Set>());
  } else if (other_dict) {
    other_size = size_t(length(other));
  } else {
    Set* r = set_copy(so);
    Ref rr = Ref::steal(as_value(r));
    difference_update_internal(r, other);
    return rr.release().as<Set>();
  }
  if ((set_used(so) >> 2) > other_size) {
    Set* r = set_copy(so);
    Ref rr = Ref::steal(as_value(r));
    difference_update_internal(r, other);
    return rr.release().as<Set>();
  }
  Set* result = set_alloc(base_type(so));
  Ref r = Ref::steal(as_value(result));
  CriticalSection cs(so);
  size_t pos = 0;
  while (SetEntry* e = set_next_entry(so, &pos)) {
    Ref key = Ref::borrow(e->key);
    int64_t h = e->hash;
    bool found = other_dict ? !dict_get(other.as<Dict>(), key.get()).is_null()
                            : set_contains_entry(other.as<Set>(), key.get(), h);
    if (!found) set_add_entry(result, key.get(), h);
  }
  return r.release().as<Set>();
}

// set_symmetric_difference_update with any iterable.
void symmetric_difference_update(Set* so, Value other) {
  if (other == as_value(so)) {
    set_clear_internal(so);
    return;
  }
  if (other.is_obj() && other.as_obj()->type == &dict_type) {
    Dict* d = other.as<Dict>();
    CriticalSection cs(d);
    for (size_t i = 0; i < d->nentries; i++) {
      if (d->entries[i].key.is_null()) continue;
      Ref key = Ref::borrow(d->entries[i].key);
      int64_t h = d->entries[i].hash;
      if (!set_discard_entry(so, key.get(), h)) set_add_entry(so, key.get(), h);
    }
    return;
  }
  Ref o;
  if (anyset_check(other))
    o = Ref::borrow(other);
  else
    o = Ref::steal(as_value(set_make(base_type(so), other)));
  CriticalSection cs(o.get());
  size_t pos = 0;
  while (SetEntry* e = set_next_entry(o.as<Set>(), &pos)) {
    Ref key = Ref::borrow(e->key);
    int64_t h = e->hash;
    if (!set_discard_entry(so, key.get(), h)) set_add_entry(so, key.get(), h);
  }
}

Set* set_symmetric_difference(Set* so, Value other) {
  Set* r = set_make(base_type(so), other);
  Ref rr = Ref::steal(as_value(r));
  symmetric_difference_update(r, as_value(so));
  return rr.release().as<Set>();
}

bool set_issubset(Set* so, Value other) {
  if (!anyset_check(other)) {
    Ref tmp = Ref::steal(as_value(set_make(&set_type, other)));
    return set_issubset(so, tmp.get());
  }
  Set* o = other.as<Set>();
  CriticalSection cs(so);
  if (so->used > set_used(o)) return false;
  size_t pos = 0;
  while (SetEntry* e = set_next_entry(so, &pos)) {
    Ref key = Ref::borrow(e->key);
    if (!set_contains_entry(o, key.get(), e->hash)) return false;
  }
  return true;
}

bool set_issuperset(Set* so, Value other) {
  if (anyset_check(other)) return set_issubset(other.as<Set>(), as_value(so));
  Ref it = Ref::steal(get_iter(other));
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return true;
    if (!set_contains(so, key.get())) return false;
  }
}

bool set_isdisjoint(Set* so, Value other) {
  if (other == as_value(so)) return set_used(so) == 0;
  if (anyset_check(other)) {
    Set* a = so;
    Set* b = other.as<Set>();
    if (set_used(b) > set_used(a)) std::swap(a, b);
    CriticalSection cs(b);
    size_t pos = 0;
    while (SetEntry* e = set_next_entry(b, &pos)) {
      Ref key = Ref::borrow(e->key);
      if (set_contains_entry(a, key.get(), e->hash)) return false;
    }
    return true;
  }
  Ref it = Ref::steal(get_iter(other));
  while (true) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return true;
    if (set_contains(so, key.get())) return false;
  }
}

// ---- slots -----------------------------------------------------------------------------------

Value set_richcompare(Value a, Value b, CmpOp op) {
  if (!anyset_check(b)) return NotImplemented();
  Set* v = a.as<Set>();
  Set* w = b.as<Set>();
  switch (op) {
    case CmpOp::Eq:
    case CmpOp::Ne: {
      bool eq;
      int64_t hv = cached_hash_load(v->hash), hw = cached_hash_load(w->hash);  // -1: none (yet)
      if (set_used(v) != set_used(w) || (hv != -1 && hw != -1 && hv != hw))
        eq = false;
      else
        eq = set_issubset(v, b);
      return from_bool(op == CmpOp::Eq ? eq : !eq);
    }
    case CmpOp::Le: return from_bool(set_issubset(v, b));
    case CmpOp::Ge: return from_bool(set_issuperset(v, b));
    case CmpOp::Lt: return from_bool(set_used(v) < set_used(w) && set_issubset(v, b));
    case CmpOp::Gt: return from_bool(set_used(v) > set_used(w) && set_issuperset(v, b));
  }
  return NotImplemented();
}

Value set_binop(Value a, Value b, BinOp op, bool inplace) {
  if (!anyset_check(a) || !anyset_check(b)) return NotImplemented();
  Set* so = a.as<Set>();
  if (inplace && !is_frozen(so)) {
    switch (op) {
      case BinOp::Or: set_update_from(so, b); break;
      case BinOp::And: set_intersection_update_from(so, b); break;
      case BinOp::Sub: difference_update_internal(so, b); break;
      case BinOp::Xor: symmetric_difference_update(so, b); break;
      default: return NotImplemented();
    }
    return iter_self(a);
  }
  switch (op) {
    case BinOp::Or: {
      Set* r = set_copy(so);
      Ref rr = Ref::steal(as_value(r));
      if (a != b) set_update_from(r, b);
      return rr.release();
    }
    case BinOp::And: return as_value(set_intersection(so, b));
    case BinOp::Sub: return as_value(set_difference(so, b));
    case BinOp::Xor: return as_value(set_symmetric_difference(so, b));
    default: return NotImplemented();
  }
}

Value set_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool frozen = type == &frozenset_type || is_subtype(type, &frozenset_type);
  const char* name = frozen ? "frozenset" : "set";
  if (kwnames && kwnames->size) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", name);
  if (nargs > 1) raise_fmt(&exc_TypeError, "{} expected at most 1 argument, got {}", name, nargs);
  Value it = nargs ? args[0] : Value::null();
  if (type == &frozenset_type && !it.is_null() && it.is_obj() && it.as_obj()->type == &frozenset_type)
    return iter_self(it);
  return as_value(set_make(type, it));
}

// ---- methods ---------------------------------------------------------------------------------

Set* self_set(const Value* args) { return args[0].as<Set>(); }

Value m_add(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.add", nargs - 1, kw);
  set_add(self_set(args), args[1]);
  return None();
}

Value m_remove(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.remove", nargs - 1, kw);
  if (!set_discard(self_set(args), args[1])) raise_key_error(args[1]);
  return None();
}

Value m_discard(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.discard", nargs - 1, kw);
  set_discard(self_set(args), args[1]);
  return None();
}

// set.pop: resumes scanning at the finger, as CPython's.
Value m_pop(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("set.pop", nargs - 1, kw);
  Set* so = self_set(args);
  CriticalSection cs(so);
  if (so->used == 0) {
    Ref msg = Ref::steal(str_value("pop from an empty set"));
    raise_key_error(msg.get());
  }
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key.is_null() || entry->key == kSetDummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Value key = entry->key;
  entry->key = kSetDummy;
  entry->hash = -1;
  so->used--;
  so->finger = size_t(entry - so->table) + 1;
  return key;
}

Value m_clear(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("set.clear", nargs - 1, kw);
  set_clear_internal(self_set(args));
  return None();
}

Value m_copy(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("set.copy", nargs - 1, kw);
  Set* s = self_set(args);
  if (s->type == &frozenset_type) return iter_self(args[0]);
  return as_value(set_copy(s));
}

Value m_union(const Value* args, size_t nargs, Tuple* kw) {
  check_no_kw("set.union", kw);
  Set* so = self_set(args);
  Set* r = set_copy(so);
  Ref rr = Ref::steal(as_value(r));
  for (size_t i = 1; i < nargs; i++) {
    if (args[i] == args[0]) continue;
    set_update_from(r, args[i]);
  }
  return rr.release();
}

Value m_intersection(const Value* args, size_t nargs, Tuple* kw) {
  check_no_kw("set.intersection", kw);
  Set* so = self_set(args);
  if (nargs == 1) return as_value(set_copy(so));
  Ref result = Ref::borrow(args[0]);
  for (size_t i = 1; i < nargs; i++) result = Ref::steal(as_value(set_intersection(result.as<Set>(), args[i])));
  return result.release();
}

Value m_difference(const Value* args, size_t nargs, Tuple* kw) {
  check_no_kw("set.difference", kw);
  Set* so = self_set(args);
  if (nargs == 1) return as_value(set_copy(so));
  Set* r = set_difference(so, args[1]);
  Ref rr = Ref::steal(as_value(r));
  for (size_t i = 2; i < nargs; i++) difference_update_internal(r, args[i]);
  return rr.release();
}

Value m_symmetric_difference(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.symmetric_difference", nargs - 1, kw);
  return as_value(set_symmetric_difference(self_set(args), args[1]));
}

Value m_update(const Value* args, size_t nargs, Tuple* kw) {
  check_no_kw("set.update", kw);
  for (size_t i = 1; i < nargs; i++) set_update_from(self_set(args), args[i]);
  return None();
}

Value m_intersection_update(const Value* args, size_t nargs, Tuple* kw) {
  Ref tmp = Ref::steal(m_intersection(args, nargs, kw));
  set_swap_bodies(self_set(args), tmp.as<Set>());
  return None();
}

Value m_difference_update(const Value* args, size_t nargs, Tuple* kw) {
  check_no_kw("set.difference_update", kw);
  for (size_t i = 1; i < nargs; i++) difference_update_internal(self_set(args), args[i]);
  return None();
}

Value m_symmetric_difference_update(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.symmetric_difference_update", nargs - 1, kw);
  symmetric_difference_update(self_set(args), args[1]);
  return None();
}

Value m_issubset(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.issubset", nargs - 1, kw);
  return from_bool(set_issubset(self_set(args), args[1]));
}

Value m_issuperset(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.issuperset", nargs - 1, kw);
  return from_bool(set_issuperset(self_set(args), args[1]));
}

Value m_isdisjoint(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.isdisjoint", nargs - 1, kw);
  return from_bool(set_isdisjoint(self_set(args), args[1]));
}

Value m_contains(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("set.__contains__", nargs - 1, kw);
  return from_bool(set_contains(self_set(args), args[1]));
}

Value m_len(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("set.__len__", nargs - 1, kw);
  return int_from_i64(int64_t(set_used(self_set(args))));
}

}  // namespace

void set_difference_update_from(Set* s, Value other) { difference_update_internal(s, other); }

void set_symmetric_difference_update_from(Set* s, Value other) { symmetric_difference_update(s, other); }

void set_intersection_update_from(Set* s, Value other) {
  Ref tmp = Ref::steal(as_value(set_intersection(s, other)));
  set_swap_bodies(s, tmp.as<Set>());
}

void init_set_ops() {
  for (Type* t : {&set_type, &frozenset_type}) {
    t->richcompare = set_richcompare;
    t->binop = set_binop;
    t->construct = set_construct;
  }
}

void init_set_methods() {
  struct M {
    const char* name;
    NativeFn fn;
    bool mutating;
  };
  static const M methods[] = {
      {"add", m_add, true},
      {"remove", m_remove, true},
      {"discard", m_discard, true},
      {"pop", m_pop, true},
      {"clear", m_clear, true},
      {"update", m_update, true},
      {"intersection_update", m_intersection_update, true},
      {"difference_update", m_difference_update, true},
      {"symmetric_difference_update", m_symmetric_difference_update, true},
      {"copy", m_copy, false},
      {"union", m_union, false},
      {"intersection", m_intersection, false},
      {"difference", m_difference, false},
      {"symmetric_difference", m_symmetric_difference, false},
      {"issubset", m_issubset, false},
      {"issuperset", m_issuperset, false},
      {"isdisjoint", m_isdisjoint, false},
      {"__contains__", m_contains, false},
      {"__len__", m_len, false},
  };
  for (const M& m : methods) {
    type_add_method(&set_type, m.name, m.fn);
    if (!m.mutating) type_add_method(&frozenset_type, m.name, m.fn);
  }
}

}  // namespace rt
