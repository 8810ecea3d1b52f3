// The tuple type: immutable sequences with CPython's repr, xxHash-based hash (so sets of
// tuples iterate in CPython's order), lexicographic comparison, indexing and slicing,
// concatenation and repetition, count/index, and the tuple_iterator type.
#include <fmt/format.h>

#include <vector>

#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"

namespace rt {

Type tuple_type, tuple_iterator_type;

static Tuple empty_tuple = {{MINIPY_STATIC_HEADER(&tuple_type)}, 0};

Tuple* tuple_empty() { return &empty_tuple; }

Tuple* tuple_new(size_t n) {
  if (n == 0) return &empty_tuple;
  if (n > kMaxItems) raise_memory_error();
  Tuple* t = alloc_object<Tuple>(&tuple_type, n * sizeof(Value));
  t->size = n;
  Value* items = t->items();
  for (size_t i = 0; i < n; ++i) items[i] = Value::null();
  return t;
}

Tuple* tuple_from(const Value* items, size_t n) {
  Tuple* t = tuple_new(n);
  for (size_t i = 0; i < n; ++i) {
    incref(items[i]);
    t->items()[i] = items[i];
  }
  return t;
}

// Allocates an empty tuple of [type] (tuple or a subclass) with [n] null items.
static Tuple* tuple_alloc(Type* type, size_t n) {
  if (type == &tuple_type) return tuple_new(n);
  if (n > kMaxItems) raise_memory_error();
  size_t extra = type->basicsize > sizeof(Tuple) ? type->basicsize - sizeof(Tuple) : 0;
  Tuple* t = alloc_object<Tuple>(type, extra + n * sizeof(Value));
  t->size = n;
  for (size_t i = 0; i < n; ++i) t->items()[i] = Value::null();
  return t;
}

// The cycle collector's traverse slot. Tuples have no clear slot (as CPython's): they are
// immutable, so a garbage cycle through a tuple also goes through a mutable container.
static void tuple_traverse(Object* o, GcVisitFn visit, void* arg) {
  Tuple* t = static_cast<Tuple*>(o);
  for (size_t i = 0; i < t->size; ++i) visit(t->items()[i], arg);
}

static void tuple_dealloc(Object* o) {
  Tuple* t = static_cast<Tuple*>(o);
  for (size_t i = 0; i < t->size; ++i) decref(t->items()[i]);
  object_free(o);
}

// "(1, 2)", "(1,)", "()".
static Value tuple_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  if (t->size == 0) return str_value("()");
  ReprGuard guard(t);
  if (guard.recursive()) return str_value("(...)");
  std::string out = "(";
  for (size_t i = 0; i < t->size; ++i) {
    if (i > 0) out += ", ";
    out += repr_string(t->item(i));
  }
  if (t->size == 1) out += ",";
  out += ")";
  return str_value(out);
}

// CPython 3.11's tuplehash (an xxHash variant over the items' hashes).
static int64_t tuple_hash(Value self) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  Tuple* t = self.as<Tuple>();
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < t->size; ++i) {
    uint64_t lane = static_cast<uint64_t>(hash(t->item(i)));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += t->size ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

// Lexicographic comparison: the first differing items decide, else the lengths.
static Value tuple_richcompare(Value a, Value b, CmpOp op) {
  if (!isinstance(a, &tuple_type) || !isinstance(b, &tuple_type)) return NotImplemented();
  Tuple* v = a.as<Tuple>();
  Tuple* w = b.as<Tuple>();
  size_t i = 0;
  bool depth_checked = false;
  for (; i < v->size && i < w->size; ++i) {
    if (!equal_item(v->item(i), w->item(i), &depth_checked)) break;
  }
  if (i >= v->size || i >= w->size) {
    size_t x = v->size, y = w->size;
    bool r = false;
    switch (op) {
      case CmpOp::Lt: r = x < y; break;
      case CmpOp::Le: r = x <= y; break;
      case CmpOp::Eq: r = x == y; break;
      case CmpOp::Ne: r = x != y; break;
      case CmpOp::Gt: r = x > y; break;
      case CmpOp::Ge: r = x >= y; break;
    }
    return from_bool(r);
  }
  if (op == CmpOp::Eq) return False();
  if (op == CmpOp::Ne) return True();
  return compare(v->item(i), w->item(i), op);
}

static int64_t tuple_len(Value self) { return static_cast<int64_t>(self.as<Tuple>()->size); }

// t[i] with negative indexes, or t[slice].
static Value tuple_getitem(Value self, Value key) {
  Tuple* t = self.as<Tuple>();
  int64_t n = static_cast<int64_t>(t->size);
  if (key.is_int() || int_check(key)) {
    int64_t i = key.is_int() ? key.as_int() : index_value(key);
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_msg(&exc_IndexError, "tuple index out of range");
    Value v = t->item(static_cast<size_t>(i));
    incref(v);
    return v;
  }
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step;
    int64_t len = slice_indices(key.as<Slice>(), n, &start, &stop, &step);
    if (step == 1 && len == n && type_of(self) == &tuple_type) {
      incref(self);
      return self;
    }
    Tuple* r = tuple_new(static_cast<size_t>(len));
    for (int64_t k = 0, i = start; k < len; ++k, i += step) {
      Value v = t->item(static_cast<size_t>(i));
      incref(v);
      r->items()[k] = v;
    }
    return Value::from_obj(r);
  }
  raise_fmt(&exc_TypeError, "tuple indices must be integers or slices, not {}", type_name(key));
}

static int tuple_contains(Value self, Value item) {
  Tuple* t = self.as<Tuple>();
  for (size_t i = 0; i < t->size; ++i) {
    if (equal(t->item(i), item)) return 1;
  }
  return 0;
}

// [t] repeated [count] times (count <= 0: empty).
static Value tuple_repeat(Tuple* t, Value count) {
  int64_t n;
  if (!int_to_i64(count, &n)) {
    raise_fmt(&exc_OverflowError, "cannot fit '{}' into an index-sized integer", type_name(count));
  }
  if (n <= 0 || t->size == 0) return Value::from_obj(tuple_empty());
  if (n == 1 && t->type == &tuple_type) {
    incref(t);
    return Value::from_obj(t);
  }
  if (static_cast<size_t>(n) > kMaxItems / t->size) raise_memory_error();
  size_t total = t->size * static_cast<size_t>(n);
  Tuple* r = tuple_new(total);
  for (size_t i = 0; i < total; ++i) {
    Value v = t->item(i % t->size);
    incref(v);
    r->items()[i] = v;
  }
  return Value::from_obj(r);
}

// tuple + tuple, and tuple * int in either order; anything else is NotImplemented.
static Value tuple_binop(Value a, Value b, BinOp op, bool) {
  if (op == BinOp::Add) {
    if (!isinstance(a, &tuple_type) || !isinstance(b, &tuple_type)) return NotImplemented();
    Tuple* x = a.as<Tuple>();
    Tuple* y = b.as<Tuple>();
    if (y->size == 0 && x->type == &tuple_type) {
      incref(a);
      return a;
    }
    if (x->size == 0 && y->type == &tuple_type) {
      incref(b);
      return b;
    }
    Tuple* r = tuple_new(x->size + y->size);
    for (size_t i = 0; i < x->size; ++i) {
      incref(x->item(i));
      r->items()[i] = x->item(i);
    }
    for (size_t i = 0; i < y->size; ++i) {
      incref(y->item(i));
      r->items()[x->size + i] = y->item(i);
    }
    return Value::from_obj(r);
  }
  if (op == BinOp::Mul) {
    if (isinstance(a, &tuple_type) && int_check(b)) return tuple_repeat(a.as<Tuple>(), b);
    if (isinstance(b, &tuple_type) && int_check(a)) return tuple_repeat(b.as<Tuple>(), a);
  }
  return NotImplemented();
}

// tuple(), tuple(iterable).
static Value tuple_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &tuple_type) no_kwargs("tuple", kwnames);
  if (nargs > 1) raise_fmt(&exc_TypeError, "tuple expected at most 1 argument, got {}", nargs);
  if (nargs == 0) return Value::from_obj(tuple_alloc(type, 0));
  Value src = args[0];
  if (type == &tuple_type && type_of(src) == &tuple_type) {
    incref(src);
    return src;
  }
  std::vector<Ref> items;
  // Exact tuples and lists only: a subclass may override __iter__ (PySequence_Tuple).
  if (type_of(src) == &tuple_type) {
    Tuple* s = src.as<Tuple>();
    for (size_t i = 0; i < s->size; ++i) items.push_back(Ref::borrow(s->item(i)));
  } else if (type_of(src) == &list_type) {
    List* l = src.as<List>();
    LeafCriticalSection cs(l);  // another thread may be resizing l
    for (size_t i = 0; i < l->size; ++i) items.push_back(Ref::borrow(l->items[i]));
  } else {
    if (type_of(src) == &range_type) {
      // CPython allocates the tuple from len() first: a range too long for an index or for
      // memory raises before it is iterated.
      int64_t n = length(src);  // OverflowError if it does not fit (not r->length: -1 for big bounds)
      if (size_t(n) > kMaxItems || allocation_too_large(size_t(n) * sizeof(Value))) raise_memory_error();
      items.reserve(size_t(n));
    }
    Ref it = Ref::steal(get_iter(src));
    for (;;) {
      Value v = iter_next(it.get());
      if (v.is_null()) break;
      items.push_back(Ref::steal(v));
    }
  }
  Tuple* r = tuple_alloc(type, items.size());
  for (size_t i = 0; i < items.size(); ++i) r->items()[i] = items[i].release();
  return Value::from_obj(r);
}

// tuple.count(x)
static Value tuple_count(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("tuple.count", kwnames);
  if (nargs != 2) {
    raise_fmt(&exc_TypeError, "tuple.count() takes exactly one argument ({} given)", nargs - 1);
  }
  Tuple* t = args[0].as<Tuple>();
  int64_t n = 0;
  for (size_t i = 0; i < t->size; ++i) {
    if (equal(t->item(i), args[1])) ++n;
  }
  return Value::from_int(n);
}

// A start/stop argument of index(): an int clamped to [0, len] after adding len to negatives.
static int64_t clamp_index(Value v, int64_t len) {
  if (!int_check(v)) {
    raise_msg(&exc_TypeError, "slice indices must be integers or have an __index__ method");
  }
  int64_t i;
  if (!int_to_i64(v, &i)) i = truthy(compare(v, Value::from_int(0), CmpOp::Lt)) ? INT64_MIN / 2 : INT64_MAX / 2;
  if (i < 0) {
    i += len;
    if (i < 0) i = 0;
  }
  if (i > len) i = len;
  return i;
}

// tuple.index(x[, start[, stop]])
static Value tuple_index(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("index", kwnames);
  if (nargs < 2) raise_fmt(&exc_TypeError, "index expected at least 1 argument, got {}", nargs - 1);
  if (nargs > 4) raise_fmt(&exc_TypeError, "index expected at most 3 arguments, got {}", nargs - 1);
  Tuple* t = args[0].as<Tuple>();
  int64_t len = static_cast<int64_t>(t->size);
  int64_t start = nargs > 2 ? clamp_index(args[2], len) : 0;
  int64_t stop = nargs > 3 ? clamp_index(args[3], len) : len;
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(t->size); ++i) {
    if (equal(t->item(static_cast<size_t>(i)), args[1])) return Value::from_int(i);
  }
  raise_msg(&exc_ValueError, "tuple.index(x): x not in tuple");
}

// ---- tuple_iterator -----------------------------------------------------------------------

struct TupleIterator : Object {
  Tuple* tuple;  // null once exhausted
  size_t index;
};

static Value tuple_iter(Value self) {
  TupleIterator* it = alloc_object<TupleIterator>(&tuple_iterator_type);
  Tuple* t = self.as<Tuple>();
  incref(t);
  it->tuple = t;
  it->index = 0;
  return Value::from_obj(it);
}

static void tuple_iterator_dealloc(Object* o) {
  TupleIterator* it = static_cast<TupleIterator*>(o);
  if (it->tuple != nullptr) decref(it->tuple);
  object_free(o);
}

static Value tuple_iterator_next(Value self) {
  TupleIterator* it = self.as<TupleIterator>();
  Tuple* t = it->tuple;
  if (t == nullptr) return Value::null();
  if (it->index < t->size) {
    Value v = t->item(it->index++);
    incref(v);
    return v;
  }
  it->tuple = nullptr;
  decref(t);
  return Value::null();
}

static Value iterator_self(Value self) {
  incref(self);
  return self;
}

void init_tuple_type() {
  type_init_static(&tuple_type, "tuple", nullptr, sizeof(Tuple),
                   kTypeBaseType | kTypeTupleSubclass);
  tuple_type.dealloc = tuple_dealloc;
  tuple_type.traverse = tuple_traverse;
  tuple_type.repr = tuple_repr;
  tuple_type.hash = tuple_hash;
  tuple_type.richcompare = tuple_richcompare;
  tuple_type.len = tuple_len;
  tuple_type.getitem = tuple_getitem;
  tuple_type.contains = tuple_contains;
  tuple_type.iter = tuple_iter;
  tuple_type.binop = tuple_binop;
  tuple_type.construct = tuple_construct;
  type_ready(&tuple_type);
  type_add_method(&tuple_type, "count", tuple_count);
  type_add_method(&tuple_type, "index", tuple_index);

  type_init_static(&tuple_iterator_type, "tuple_iterator", nullptr, sizeof(TupleIterator));
  tuple_iterator_type.dealloc = tuple_iterator_dealloc;
  tuple_iterator_type.iter = iterator_self;
  tuple_iterator_type.next = tuple_iterator_next;
  type_ready(&tuple_iterator_type);
}

}  // namespace rt
