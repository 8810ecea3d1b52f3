// The _collections module: deque in C++ (a double-ended queue with an optional maxlen, its
// methods, iteration that detects mutation, repr and comparison). collections.py (runtime/lib)
// builds the rest of the collections module on top of it in Python.
// Every operation runs in a critical section on the deque (its iterators' steps too), so
// threads sharing one see each append, pop and rotate whole, as in CPython 3.13t.
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/class.h"
#include "runtime/containers.h"
#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

namespace rt {

namespace {

Type deque_type, deque_iter_type, deque_reviter_type;

struct Deque : Object {
  std::deque<Value>* items;  // owned references
  int64_t maxlen;            // -1: unbounded
  uint64_t state;            // bumped by every mutation, for iterators
};

struct DequeIter : Object {
  Deque* deque;
  size_t index;
  uint64_t state;
};

// [v] as the deque a method called [name] runs on (CPython's descriptor check).
Deque* as_deque(Value v, const char* name) {
  if (!isinstance(v, &deque_type))
    raise_fmt(&exc_TypeError, "descriptor '{}' for 'collections.deque' objects doesn't apply to a '{}' object", name,
              type_name(v));
  return v.as<Deque>();
}

// A start/stop argument of index() (_PyEval_SliceIndex): an int clamped to the int64 range.
int64_t slice_arg(Value v) {
  if (v.is_int()) return v.as_int();
  if (!int_check(v)) raise_msg(&exc_TypeError, "slice indices must be integers or have an __index__ method");
  int64_t i;
  if (int_to_i64(v, &i)) return i;
  return compare_bool(v, Value::from_int(0), CmpOp::Lt) ? INT64_MIN / 2 : INT64_MAX / 2;
}

void deque_clear_items(Deque* d) {
  std::deque<Value> old;
  {
    LeafCriticalSection cs(d);
    old.swap(*d->items);
    d->state++;
  }
  for (Value v : old) decref(v);
}

void deque_dealloc(Object* o) {
  Deque* d = static_cast<Deque*>(o);
  if (d->items) {
    deque_clear_items(d);
    delete d->items;
  }
  object_free(o);
}

// Appends [v] (borrowed) on the right or left, dropping from the other end past maxlen.
void push(Deque* d, Value v, bool left) {
  if (d->maxlen == 0) return;
  CriticalSection cs(d);
  incref(v);
  if (left) d->items->push_front(v);
  else d->items->push_back(v);
  d->state++;
  if (d->maxlen > 0 && int64_t(d->items->size()) > d->maxlen) {
    Value drop;
    if (left) {
      drop = d->items->back();
      d->items->pop_back();
    } else {
      drop = d->items->front();
      d->items->pop_front();
    }
    decref(drop);
  }
}

void extend(Deque* d, Value iterable, bool left) {
  // Extending a deque with itself iterates over a snapshot.
  Ref src = iterable.is_obj() && iterable.as_obj() == d ? Ref::steal(call1(Value::from_obj(&list_type), iterable))
                                                        : Ref::borrow(iterable);
  Ref it = Ref::steal(get_iter(src.get()));
  for (;;) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) break;
    push(d, x.get(), left);
  }
}

// A new empty deque of [t] (deque or a subclass, whose instances are larger).
Deque* deque_alloc(Type* t) {
  Deque* d = alloc_instance<Deque>(t);
  d->items = new std::deque<Value>();
  d->maxlen = -1;
  return d;
}

// deque.__init__(self, iterable=(), maxlen=None) on [self]: sets maxlen, empties the deque and
// extends it, as CPython's deque_init.
void deque_fill(Deque* self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("deque", args, nargs, kwnames, {"iterable", "maxlen"}, 0, 0, a);
  int64_t maxlen = -1;
  if (!a[1].is_null() && a[1] != None()) {
    if (!int_check(a[1])) raise_msg(&exc_TypeError, "an integer is required");
    maxlen = ssize_value(a[1]);
    if (maxlen < 0) raise_msg(&exc_ValueError, "maxlen must be non-negative");
  }
  {
    LeafCriticalSection cs(self);
    self->maxlen = maxlen;
  }
  deque_clear_items(self);
  if (!a[0].is_null()) extend(self, a[0], false);
}

// deque(...) called on the type itself. A subclass gets an empty deque from its __new__ (the
// arguments go to __init__, class.cpp's builtin_new), as CPython's deque_new.
Value deque_construct(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Ref owned = Ref::steal(Value::from_obj(deque_alloc(t)));
  deque_fill(owned.as<Deque>(), args, nargs, kwnames);
  return owned.release();
}

#define DEQUE_METHOD(NAME) Value NAME(const Value* args, size_t nargs, Tuple* kwnames)

// A shallow copy of [d]. A subclass is called as type(d)(d) or type(d)(d, maxlen), as CPython.
Value deque_copy(Deque* d) {
  if (d->type != &deque_type) {
    Value cls = Value::from_obj(d->type);
    Value self = Value::from_obj(d);
    Ref r;
    if (d->maxlen < 0) {
      r = Ref::steal(call1(cls, self));
    } else {
      Ref m = Ref::steal(int_from_i64(d->maxlen));
      Value a[2] = {self, m.get()};
      r = Ref::steal(call(cls, a, 2, nullptr));
    }
    if (!isinstance(r.get(), &deque_type))
      raise_fmt(&exc_TypeError, "{}() must return a deque, not {}", d->type->name, type_name(r.get()));
    return r.release();
  }
  Deque* c = deque_alloc(&deque_type);
  LeafCriticalSection cs(d);
  c->items->assign(d->items->begin(), d->items->end());
  for (Value v : *c->items) incref(v);
  c->maxlen = d->maxlen;
  return Value::from_obj(c);
}

DEQUE_METHOD(d_init) {
  deque_fill(as_deque(args[0], "__init__"), args + 1, nargs - 1, kwnames);
  return None();
}

DEQUE_METHOD(d_append) {
  check_onearg("deque.append", nargs - 1, kwnames);
  push(as_deque(args[0], "append"), args[1], false);
  return None();
}
DEQUE_METHOD(d_appendleft) {
  check_onearg("deque.appendleft", nargs - 1, kwnames);
  push(as_deque(args[0], "appendleft"), args[1], true);
  return None();
}
DEQUE_METHOD(d_extend) {
  check_onearg("deque.extend", nargs - 1, kwnames);
  extend(as_deque(args[0], "extend"), args[1], false);
  return None();
}
DEQUE_METHOD(d_extendleft) {
  check_onearg("deque.extendleft", nargs - 1, kwnames);
  extend(as_deque(args[0], "extendleft"), args[1], true);
  return None();
}
DEQUE_METHOD(d_pop) {
  check_noargs("deque.pop", nargs - 1, kwnames);
  Deque* d = as_deque(args[0], "pop");
  LeafCriticalSection cs(d);
  if (d->items->empty()) raise_msg(&exc_IndexError, "pop from an empty deque");
  Value v = d->items->back();
  d->items->pop_back();
  d->state++;
  return v;
}
DEQUE_METHOD(d_popleft) {
  check_noargs("deque.popleft", nargs - 1, kwnames);
  Deque* d = as_deque(args[0], "popleft");
  LeafCriticalSection cs(d);
  if (d->items->empty()) raise_msg(&exc_IndexError, "pop from an empty deque");
  Value v = d->items->front();
  d->items->pop_front();
  d->state++;
  return v;
}
DEQUE_METHOD(d_clear) {
  check_noargs("deque.clear", nargs - 1, kwnames);
  deque_clear_items(as_deque(args[0], "clear"));
  return None();
}
DEQUE_METHOD(d_rotate) {
  check_no_kw("deque.rotate", kwnames);
  check_positional("deque.rotate", nargs - 1, 0, 1);
  Deque* d = as_deque(args[0], "rotate");
  int64_t n = nargs > 1 ? ssize_value(args[1]) : 1;
  LeafCriticalSection cs(d);
  int64_t size = int64_t(d->items->size());
  if (size <= 1) return None();
  n %= size;
  if (n < 0) n += size;
  std::rotate(d->items->begin(), d->items->begin() + (size - n), d->items->end());
  d->state++;
  return None();
}
DEQUE_METHOD(d_reverse) {
  check_noargs("deque.reverse", nargs - 1, kwnames);
  Deque* d = as_deque(args[0], "reverse");
  LeafCriticalSection cs(d);
  std::reverse(d->items->begin(), d->items->end());
  d->state++;
  return None();
}
DEQUE_METHOD(d_copy) {
  check_noargs("deque.copy", nargs - 1, kwnames);
  return deque_copy(as_deque(args[0], "copy"));
}
// Finds [x] from [start] up to [stop] or the end: its index or -1. Raises RuntimeError if a
// comparison mutates it.
int64_t find(Deque* d, Value x, size_t start, size_t stop) {
  CriticalSection cs(d);
  uint64_t state = d->state;
  for (size_t i = start; i < stop && i < d->items->size(); ++i) {
    Value v = (*d->items)[i];
    incref(v);
    Ref hold = Ref::steal(v);
    bool eq = equal(v, x);
    if (d->state != state) raise_msg(&exc_RuntimeError, "deque mutated during iteration");
    if (eq) return int64_t(i);
  }
  return -1;
}
DEQUE_METHOD(d_count) {
  check_onearg("deque.count", nargs - 1, kwnames);
  Deque* d = as_deque(args[0], "count");
  CriticalSection cs(d);
  uint64_t state = d->state;
  int64_t n = 0;
  for (size_t i = 0; i < d->items->size(); ++i) {
    Ref v = Ref::borrow((*d->items)[i]);
    if (equal(v.get(), args[1])) ++n;
    if (d->state != state) raise_msg(&exc_RuntimeError, "deque mutated during iteration");
  }
  return int_from_i64(n);
}
DEQUE_METHOD(d_index) {
  check_no_kw("deque.index", kwnames);
  if (nargs < 2) raise_fmt(&exc_TypeError, "index() takes at least 1 argument ({} given)", nargs - 1);
  if (nargs > 4) raise_fmt(&exc_TypeError, "index() takes at most 3 arguments ({} given)", nargs - 1);
  Deque* d = as_deque(args[0], "index");
  int64_t start = nargs > 2 ? slice_arg(args[2]) : 0, stop = nargs > 3 ? slice_arg(args[3]) : INT64_MAX / 2;
  CriticalSection cs(d);
  int64_t size = int64_t(d->items->size());
  if (start < 0) start = std::max<int64_t>(0, start + size);
  if (stop < 0) stop = std::max<int64_t>(0, stop + size);
  stop = std::min(stop, size);
  start = std::min(start, stop);
  int64_t i = find(d, args[1], size_t(start), size_t(stop));
  if (i < 0) raise_fmt(&exc_ValueError, "{} is not in deque", repr_string(args[1]));
  return int_from_i64(i);
}
DEQUE_METHOD(d_remove) {
  check_onearg("deque.remove", nargs - 1, kwnames);
  Deque* d = as_deque(args[0], "remove");
  CriticalSection cs(d);
  int64_t i = find(d, args[1], 0, d->items->size());
  if (i < 0) raise_fmt(&exc_ValueError, "{} is not in deque", repr_string(args[1]));
  Value v = (*d->items)[size_t(i)];
  d->items->erase(d->items->begin() + i);
  d->state++;
  decref(v);
  return None();
}
DEQUE_METHOD(d_insert) {
  check_no_kw("deque.insert", kwnames);
  if (nargs != 3) raise_fmt(&exc_TypeError, "insert() takes exactly 2 arguments ({} given)", nargs - 1);
  Deque* d = as_deque(args[0], "insert");
  int64_t i = ssize_value(args[1]);
  CriticalSection cs(d);
  int64_t size = int64_t(d->items->size());
  if (d->maxlen >= 0 && size >= d->maxlen) raise_msg(&exc_IndexError, "deque already at its maximum size");
  if (i < 0) i = std::max<int64_t>(0, i + size);
  if (i > size) i = size;
  incref(args[2]);
  d->items->insert(d->items->begin() + i, args[2]);
  d->state++;
  return None();
}

int64_t deque_len(Value self) {
  LeafCriticalSection cs(self.as_obj());
  return int64_t(self.as<Deque>()->items->size());
}

// The index [key] resolved against the deque's size ("deque index out of range").
size_t deque_index(Deque* d, Value key) {
  if (!int_check(key)) raise_fmt(&exc_TypeError, "sequence index must be integer, not '{}'", type_name(key));
  int64_t i;
  if (!int_to_i64(key, &i)) raise_msg(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
  int64_t size = int64_t(d->items->size());
  if (i < 0) i += size;
  if (i < 0 || i >= size) raise_msg(&exc_IndexError, "deque index out of range");
  return size_t(i);
}

Value deque_getitem(Value self, Value key) {
  Deque* d = self.as<Deque>();
  CriticalSection cs(d);
  Value v = (*d->items)[deque_index(d, key)];
  incref(v);
  return v;
}

void deque_setitem(Value self, Value key, Value v) {
  Deque* d = self.as<Deque>();
  CriticalSection cs(d);
  size_t i = deque_index(d, key);
  Value old = (*d->items)[i];
  if (v.is_null()) {
    d->items->erase(d->items->begin() + int64_t(i));
    d->state++;
  } else {
    incref(v);
    (*d->items)[i] = v;
  }
  decref(old);
}

int deque_contains(Value self, Value item) {
  return find(self.as<Deque>(), item, 0, SIZE_MAX) >= 0 ? 1 : 0;  // find locks, stops at the end
}

Value deque_repr(Value self) {
  Deque* d = self.as<Deque>();
  ReprGuard g(d);
  if (g.recursive()) return str_value("[...]");
  CriticalSection cs(d);
  std::string s = std::string(type_of(self) == &deque_type ? "deque" : type_of(self)->name) + "([";
  for (size_t i = 0; i < d->items->size(); ++i) {
    if (i) s += ", ";
    Ref v = Ref::borrow((*d->items)[i]);
    s += repr_string(v.get());
  }
  s += "]";
  if (d->maxlen >= 0) s += fmt::format(", maxlen={}", d->maxlen);
  s += ")";
  return str_value(s);
}

// Compares two deques item by item, as sequences: as lists, through list's own slot (not
// compare(), which would count a second level of recursion for the same comparison).
Value deque_richcompare(Value a, Value b, CmpOp op) {
  if (!isinstance(b, &deque_type)) return NotImplemented();
  Ref la = Ref::steal(call1(Value::from_obj(&list_type), a));
  Ref lb = Ref::steal(call1(Value::from_obj(&list_type), b));
  return list_type.richcompare(la.get(), lb.get(), op);
}

Value deque_iter(Value self) {
  Deque* d = self.as<Deque>();
  DequeIter* it = alloc_object<DequeIter>(&deque_iter_type);
  incref(d);
  it->deque = d;
  LeafCriticalSection cs(d);
  it->state = d->state;
  return Value::from_obj(it);
}

Value deque_iter_next(Value self) {
  DequeIter* it = self.as<DequeIter>();
  Deque* d = it->deque;
  LeafCriticalSection cs(d);  // guards the iterator's position too
  if (d->state != it->state) raise_msg(&exc_RuntimeError, "deque mutated during iteration");
  if (it->index >= d->items->size()) return Value::null();
  size_t i = self.as_obj()->type == &deque_reviter_type ? d->items->size() - 1 - it->index : it->index;
  it->index++;
  Value v = (*d->items)[i];
  incref(v);
  return v;
}

void deque_iter_dealloc(Object* o) {
  decref(static_cast<DequeIter*>(o)->deque);
  object_free(o);
}

Value self_iter(Value self) {
  incref(self);
  return self;
}

DEQUE_METHOD(d_reversed) {
  check_noargs("deque.__reversed__", nargs - 1, kwnames);
  Value v = deque_iter(args[0]);
  v.as_obj()->type = &deque_reviter_type;
  return v;
}

Value deque_getattr(Value self, Str* name) {
  if (name->view() == "maxlen") {
    int64_t m = self.as<Deque>()->maxlen;
    return m < 0 ? None() : int_from_i64(m);
  }
  // A subclass's instances have a dict.
  return type_of(self)->dictoffset != 0 ? instance_getattr(self, name) : generic_getattr(self, name);
}

// Repeats the items of [d] [n] times in place, keeping the last maxlen items of the result.
void deque_inplace_repeat(Deque* d, int64_t n) {
  if (n <= 0) {
    deque_clear_items(d);
    return;
  }
  std::vector<Value> dropped;
  {
    LeafCriticalSection cs(d);
    size_t size = d->items->size();
    if (n == 1 || size == 0) return;
    if (size > size_t(INT64_MAX / 16) / size_t(n)) raise_msg(&exc_MemoryError, "");
    size_t total = size * size_t(n);
    size_t keep = d->maxlen >= 0 && total > size_t(d->maxlen) ? size_t(d->maxlen) : total;
    // The result is the last [keep] items of the items repeated n times.
    std::deque<Value> out;
    for (size_t k = total - keep; k < total; ++k) {
      Value v = (*d->items)[k % size];
      incref(v);
      out.push_back(v);
    }
    dropped.assign(d->items->begin(), d->items->end());
    d->items->swap(out);
    d->state++;
  }
  for (Value v : dropped) decref(v);
}

// The repeat count of `deque * n`: "can't multiply sequence by non-int of type 'float'".
int64_t repeat_count(Value n) {
  if (!int_check(n)) raise_fmt(&exc_TypeError, "can't multiply sequence by non-int of type '{}'", type_name(n));
  return index_value(n);
}

bool is_heap_value(Value v) { return v.is_obj() && (type_of(v)->flags & kTypeHeapType); }

// deque + deque, deque += iterable, deque * n, n * deque, deque *= n (CPython's sq_concat,
// sq_inplace_concat, sq_repeat, sq_inplace_repeat).
Value deque_binop(Value a, Value b, BinOp op, bool inplace) {
  if (op == BinOp::Add) {
    if (!isinstance(a, &deque_type)) return NotImplemented();
    if (inplace) {
      extend(a.as<Deque>(), b, false);
      incref(a);
      return a;
    }
    if (!isinstance(b, &deque_type)) {
      if (is_heap_value(b)) return NotImplemented();
      raise_fmt(&exc_TypeError, "can only concatenate deque (not \"{}\") to deque", type_name(b));
    }
    Ref c = Ref::steal(deque_copy(a.as<Deque>()));
    extend(c.as<Deque>(), b, false);
    return c.release();
  }
  if (op == BinOp::Mul) {
    bool left = isinstance(a, &deque_type);
    Value seq = left ? a : b, n = left ? b : a;
    if (is_heap_value(n)) return NotImplemented();
    int64_t count = repeat_count(n);
    if (inplace && left) {
      deque_inplace_repeat(a.as<Deque>(), count);
      incref(a);
      return a;
    }
    Ref c = Ref::steal(deque_copy(seq.as<Deque>()));
    deque_inplace_repeat(c.as<Deque>(), count);
    return c.release();
  }
  return NotImplemented();
}

Module* create_collections() {
  static bool ready = false;
  if (!ready) {
    ready = true;
    module_type_init(&deque_type, "collections.deque", sizeof(Deque), kTypeBaseType);
    deque_type.dealloc = deque_dealloc;
    deque_type.construct = deque_construct;
    deque_type.len = deque_len;
    deque_type.getitem = deque_getitem;
    deque_type.setitem = deque_setitem;
    deque_type.contains = deque_contains;
    deque_type.repr = deque_repr;
    deque_type.richcompare = deque_richcompare;
    deque_type.iter = deque_iter;
    deque_type.getattr = deque_getattr;
    deque_type.binop = deque_binop;
    type_ready(&deque_type);
    static const struct {
      const char* name;
      NativeFn fn;
    } kMethods[] = {{"__init__", d_init},   {"append", d_append},   {"appendleft", d_appendleft}, {"extend", d_extend},
                    {"extendleft", d_extendleft}, {"pop", d_pop},       {"popleft", d_popleft},
                    {"clear", d_clear},     {"rotate", d_rotate},         {"reverse", d_reverse},
                    {"copy", d_copy},       {"__copy__", d_copy},         {"count", d_count},
                    {"index", d_index},     {"remove", d_remove},         {"insert", d_insert},
                    {"__reversed__", d_reversed}};
    for (const auto& m : kMethods) type_add_method(&deque_type, m.name, m.fn);
    for (Type* t : {&deque_iter_type, &deque_reviter_type}) {
      module_type_init(t, t == &deque_iter_type ? "_collections._deque_iterator" : "_collections._deque_reverse_iterator",
                       sizeof(DequeIter));
      t->dealloc = deque_iter_dealloc;
      t->iter = self_iter;
      t->next = deque_iter_next;
      type_ready(t);
    }
  }
  Module* m = module_new("_collections");
  dict_set(m->dict, Value::from_obj(str_intern("deque")), Value::from_obj(&deque_type));
  return m;
}

}  // namespace

void init_collections_module() { register_builtin_module("_collections", create_collections); }

}  // namespace rt
