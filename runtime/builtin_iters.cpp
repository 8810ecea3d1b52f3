// The iterator types behind built-in functions: enumerate, zip, map, filter, reversed (for
// sequences without their own reverse iterator) and callable_iterator (iter(f, sentinel)).
// Each is a type whose construct slot is the builtin, as in CPython.

#include "runtime/builtins_internal.h"
#include "runtime/core.h"
#include "runtime/ops.h"

namespace rt {

Type enumerate_type, zip_type, map_type, filter_type, reversed_type, callable_iterator_type;

namespace {

struct Enumerate : Object {
  Value it;
  Value count;   // the next index: a small int or a BigInt
  Tuple* cache;  // the last result, reused when nobody else holds it
};

struct Zip : Object {
  Tuple* iters;
  bool strict;
  Tuple* cache;
};

struct Map : Object {
  Value func;
  Tuple* iters;
};

struct Filter : Object {
  Value func;  // None: keep true items
  Value it;
};

struct Reversed : Object {
  Value seq;      // null once exhausted
  int64_t index;  // the next index to fetch
};

struct CallableIter : Object {
  Value func;  // null once exhausted
  Value sentinel;
};

Value self_iter(Value self) {
  incref(self);
  return self;
}

void release_tuple(Tuple* t) {
  if (t) decref(t);
}

// A 2- or n-tuple for a result: [cache] when only the iterator holds it (the caller dropped
// the previous result), else a new tuple. The returned tuple's items are to be overwritten.
Tuple* result_tuple(Tuple** cache, size_t n) {
#if !MINIPY_FREE_THREADED
  Tuple* t = *cache;
  if (t && t->refcnt == 1) {
    for (size_t i = 0; i < n; i++) {
      decref(t->items()[i]);
      t->items()[i] = Value::null();
    }
    incref(t);
    return t;
  }
  if (t) decref(t);
  t = tuple_new(n);
  incref(t);
  *cache = t;
  return t;
#else
  (void)cache;
  return tuple_new(n);
#endif
}

// ---- enumerate --------------------------------------------------------------------------

Value enumerate_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0 && kw_count(kwnames) == 0)
    raise_msg(&exc_TypeError, "enumerate() missing required argument 'iterable'");
  Value a[2];
  clinic_args("enumerate", args, nargs, kwnames, {"iterable", "start"}, 0, 1, a);
  Ref start = Ref::steal(Value::from_int(0));
  if (!a[1].is_null()) {
    if (type_of(a[1]) == &bool_type) start = Ref::steal(Value::from_int(a[1] == True()));
    else if (int_check(a[1])) start = Ref::borrow(a[1]);
    else start = Ref::steal(int_from_i64(int_arg(a[1])));
  }
  Ref it = Ref::steal(get_iter(a[0]));
  Enumerate* e = alloc_object<Enumerate>(type);
  e->it = it.release();
  e->count = start.release();
  return Value::from_obj(e);
}

Value enumerate_next(Value self) {
  Enumerate* e = self.as<Enumerate>();
  Value item = iter_next(e->it);
  if (item.is_null()) return item;
  Value index = e->count;
  if (index.is_int() && index.as_int() < Value::kIntMax) {
    e->count = Value::from_int(index.as_int() + 1);
  } else {
    try {
      e->count = binary_op(index, Value::from_int(1), BinOp::Add);
    } catch (...) {
      decref(item);
      throw;
    }
  }
  Tuple* t = result_tuple(&e->cache, 2);
  t->items()[0] = index;  // the reference e->count held
  t->items()[1] = item;
  return Value::from_obj(t);
}

void enumerate_dealloc(Object* o) {
  Enumerate* e = static_cast<Enumerate*>(o);
  decref(e->it);
  decref(e->count);
  release_tuple(e->cache);
  object_free(o);
}

// ---- zip ---------------------------------------------------------------------------------

Value zip_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  for (size_t k = 0; k < kw_count(kwnames); k++) {
    Str* kw = kw_name(kwnames, k);
    if (kw->view() != "strict") raise_bad_keyword(kw, "zip");
    strict = truthy(args[nargs + k]);
  }
  Ref iters = Ref::steal(Value::from_obj(tuple_new(nargs)));
  for (size_t i = 0; i < nargs; i++) iters.as<Tuple>()->items()[i] = get_iter(args[i]);
  Zip* z = alloc_object<Zip>(type);
  z->iters = iters.release().as<Tuple>();
  z->strict = strict;
  return Value::from_obj(z);
}

// zip(strict=True) found iterator [i] exhausted: raises if the others are not all exhausted.
void zip_check_strict(Zip* z, size_t i) {
  if (i > 0)
    raise_fmt(&exc_ValueError, "zip() argument {} is shorter than argument{}{}", i + 1, i == 1 ? " " : "s 1-", i);
  for (size_t j = 1; j < z->iters->size; j++) {
    Value item = iter_next(z->iters->item(j));
    if (!item.is_null()) {
      decref(item);
      raise_fmt(&exc_ValueError, "zip() argument {} is longer than argument{}{}", j + 1, j == 1 ? " " : "s 1-", j);
    }
  }
}

Value zip_next(Value self) {
  Zip* z = self.as<Zip>();
  size_t n = z->iters->size;
  if (n == 0) return Value::null();
  Tuple* t = result_tuple(&z->cache, n);
  for (size_t i = 0; i < n; i++) {
    Value item;
    try {
      item = iter_next(z->iters->item(i));
    } catch (...) {
      decref(t);
      throw;
    }
    if (item.is_null()) {
      decref(t);
      if (z->strict) zip_check_strict(z, i);
      return Value::null();
    }
    t->items()[i] = item;
  }
  return Value::from_obj(t);
}

void zip_dealloc(Object* o) {
  Zip* z = static_cast<Zip*>(o);
  decref(z->iters);
  release_tuple(z->cache);
  object_free(o);
}

// ---- map ---------------------------------------------------------------------------------

Value map_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "map() takes no keyword arguments");
  if (nargs < 2) raise_msg(&exc_TypeError, "map() must have at least two arguments.");
  Ref iters = Ref::steal(Value::from_obj(tuple_new(nargs - 1)));
  for (size_t i = 1; i < nargs; i++) iters.as<Tuple>()->items()[i - 1] = get_iter(args[i]);
  Map* m = alloc_object<Map>(type);
  incref(args[0]);
  m->func = args[0];
  m->iters = iters.release().as<Tuple>();
  return Value::from_obj(m);
}

Value map_next(Value self) {
  Map* m = self.as<Map>();
  size_t n = m->iters->size;
  // A StopIteration from the function ends the iteration, as CPython's map_next returns
  // NULL with it set.
  try {
    if (n == 1) {
      Ref item = Ref::steal(iter_next(m->iters->item(0)));
      if (!item) return Value::null();
      return call1(m->func, item.get());
    }
    Ref items = Ref::steal(Value::from_obj(tuple_new(n)));
    Tuple* t = items.as<Tuple>();
    for (size_t i = 0; i < n; i++) {
      Value item = iter_next(m->iters->item(i));
      if (item.is_null()) return Value::null();
      t->items()[i] = item;
    }
    return call(m->func, t->items(), n);
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_StopIteration))) throw;
    stop_iteration_keep(e);
    return Value::null();
  }
}

void map_dealloc(Object* o) {
  Map* m = static_cast<Map*>(o);
  decref(m->func);
  decref(m->iters);
  object_free(o);
}

// ---- filter ------------------------------------------------------------------------------

Value filter_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "filter() takes no keyword arguments");
  check_positional("filter", nargs, 2, 2);
  Ref it = Ref::steal(get_iter(args[1]));
  Filter* f = alloc_object<Filter>(type);
  incref(args[0]);
  f->func = args[0];
  f->it = it.release();
  return Value::from_obj(f);
}

Value filter_next(Value self) {
  Filter* f = self.as<Filter>();
  bool plain = f->func == None() || f->func == Value::from_obj(&bool_type);
  for (;;) {
    Ref item = Ref::steal(iter_next(f->it));
    if (!item) return Value::null();
    bool keep;
    try {  // a StopIteration from the predicate ends the iteration, as in map_next
      if (plain) {
        keep = truthy(item.get());
      } else {
        Ref r = Ref::steal(call1(f->func, item.get()));
        keep = truthy(r.get());
      }
    } catch (PyError& e) {
      if (!exception_matches(e.exc(), Value::from_obj(&exc_StopIteration))) throw;
      stop_iteration_keep(e);
      return Value::null();
    }
    if (keep) return item.release();
  }
}

void filter_dealloc(Object* o) {
  Filter* f = static_cast<Filter*>(o);
  decref(f->func);
  decref(f->it);
  object_free(o);
}

// ---- reversed ----------------------------------------------------------------------------

// reversed(seq): the list and range reverse iterators, __reversed__, or the sequence
// protocol (len and integer getitem) through a reversed object.
Value reversed_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "reversed() takes no keyword arguments");
  check_positional("reversed", nargs, 1, 1);
  Value seq = args[0];
  Type* t = type_of(seq);
  if (t == &list_type) return list_reversed_iter(seq.as<List>());
  if (t == &range_type) return range_reversed_iter(seq.as<Range>());
  Value method = type_lookup(t, str_intern("__reversed__"));
  if (!method.is_null()) {
    if (method == None()) raise_fmt(&exc_TypeError, "'{}' object is not reversible", t->name);
    Ref bound = Ref::steal(getattr(seq, str_intern("__reversed__")));
    return call0(bound.get());
  }
  if (!t->getitem || (t->flags & kTypeDictSubclass) || is_subtype(t, &set_type) || is_subtype(t, &frozenset_type))
    raise_fmt(&exc_TypeError, "'{}' object is not reversible", t->name);
  int64_t n = length(seq);
  Reversed* r = alloc_object<Reversed>(type);
  incref(seq);
  r->seq = seq;
  r->index = n - 1;
  return Value::from_obj(r);
}

Value reversed_next(Value self) {
  Reversed* r = self.as<Reversed>();
  if (r->seq.is_null() || r->index < 0) {
    decref(r->seq);
    r->seq = Value::null();
    return Value::null();
  }
  try {
    Value v = getitem(r->seq, int_from_i64(r->index));
    r->index--;
    return v;
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_IndexError)) &&
        !exception_matches(e.exc(), Value::from_obj(&exc_StopIteration)))
      throw;
    decref(r->seq);
    r->seq = Value::null();
    return Value::null();
  }
}

void reversed_dealloc(Object* o) {
  decref(static_cast<Reversed*>(o)->seq);
  object_free(o);
}

// ---- callable_iterator ---------------------------------------------------------------------

Value callable_iter_next(Value self) {
  CallableIter* c = self.as<CallableIter>();
  if (c->func.is_null()) return Value::null();
  Value v;
  try {
    v = call0(c->func);
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_StopIteration))) throw;
    v = Value::null();
  }
  if (!v.is_null()) {
    bool stop;
    try {
      stop = equal(v, c->sentinel);
    } catch (...) {
      decref(v);
      throw;
    }
    if (!stop) return v;
    decref(v);
  }
  Value f = c->func;
  c->func = Value::null();
  decref(f);
  return Value::null();
}

void callable_iter_dealloc(Object* o) {
  CallableIter* c = static_cast<CallableIter*>(o);
  decref(c->func);
  decref(c->sentinel);
  object_free(o);
}

// Readies one iterator type: [construct] may be null (not callable from Python).
void init_iter_type(Type* t, const char* name, size_t size, void (*dealloc)(Object*), Value (*next)(Value),
                    Value (*construct)(Type*, const Value*, size_t, Tuple*)) {
  type_init_static(t, name, &object_type, size, construct ? uint32_t(kTypeBaseType) : 0u);
  t->dealloc = dealloc;
  t->iter = self_iter;
  t->next = next;
  t->construct = construct;
  type_ready(t);
}

}  // namespace

Value callable_iter_new(Value f, Value sentinel) {
  CallableIter* c = alloc_object<CallableIter>(&callable_iterator_type);
  incref(f);
  incref(sentinel);
  c->func = f;
  c->sentinel = sentinel;
  return Value::from_obj(c);
}

void init_builtin_iters(Dict* d) {
  init_iter_type(&enumerate_type, "enumerate", sizeof(Enumerate), enumerate_dealloc, enumerate_next,
                 enumerate_construct);
  init_iter_type(&zip_type, "zip", sizeof(Zip), zip_dealloc, zip_next, zip_construct);
  init_iter_type(&map_type, "map", sizeof(Map), map_dealloc, map_next, map_construct);
  init_iter_type(&filter_type, "filter", sizeof(Filter), filter_dealloc, filter_next, filter_construct);
  init_iter_type(&reversed_type, "reversed", sizeof(Reversed), reversed_dealloc, reversed_next,
                 reversed_construct);
  init_iter_type(&callable_iterator_type, "callable_iterator", sizeof(CallableIter), callable_iter_dealloc,
                 callable_iter_next, nullptr);
  for (Type* t : {&enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type})
    dict_set(d, Value::from_obj(str_intern(t->name)), Value::from_obj(t));
}

}  // namespace rt
