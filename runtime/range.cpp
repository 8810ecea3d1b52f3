// The range type and its iterators. Ranges whose bounds fit int64 (all real programs) take
// the fast paths; ranges of big ints iterate and test membership through the generic ops.
#include "runtime/containers.h"
#include "runtime/critical_section.h"

namespace rt {

Type range_type;
Type range_iterator_type;
static Type longrange_iterator_type;

// Iterates a range of big ints with generic arithmetic.
struct LongRangeIter : Object {
  Value cur, stop, step;
  bool up;
};

static bool range_i64(Range* r, int64_t* start, int64_t* stop, int64_t* step) {
  return r->length >= 0 && int_to_i64(r->start, start) && int_to_i64(r->stop, stop) && int_to_i64(r->step, step);
}

// A range argument: an int (bool becomes int), else "'float' object cannot be interpreted
// as an integer".
static Value range_arg(Value v) {
  if (v.is_int()) return v;
  if (!int_check(v)) raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
  int64_t i;
  if (int_to_i64(v, &i)) return int_from_i64(i);
  incref(v);
  return v;
}

// The length of a range with int64 bounds, or -1 if it overflows int64.
static int64_t length_i64(int64_t start, int64_t stop, int64_t step) {
  __int128 lo = start, hi = stop, st = step, n = 0;
  if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
  if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
  return n > INT64_MAX ? -1 : int64_t(n);
}

// Builds a range from owned int values.
static Value range_make(Value start, Value stop, Value step) {
  Range* r = alloc_object<Range>(&range_type);
  r->start = start;
  r->stop = stop;
  r->step = step;
  int64_t a, b, c;
  if (int_to_i64(start, &a) && int_to_i64(stop, &b) && int_to_i64(step, &c))
    r->length = length_i64(a, b, c);
  else
    r->length = -1;
  return Value::from_obj(r);
}

static Value range_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "range() takes no keyword arguments");
  if (nargs == 0) raise_msg(&exc_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) raise_fmt(&exc_TypeError, "range expected at most 3 arguments, got {}", nargs);
  if (nargs == 1) {
    Value stop = range_arg(args[0]);
    return range_make(Value::from_int(0), stop, Value::from_int(1));
  }
  Ref start = Ref::steal(range_arg(args[0]));
  Ref stop = Ref::steal(range_arg(args[1]));
  Ref step = Ref::steal(nargs == 3 ? range_arg(args[2]) : Value::from_int(1));
  if (step.get() == Value::from_int(0)) raise_msg(&exc_ValueError, "range() arg 3 must not be zero");
  return range_make(start.release(), stop.release(), step.release());
}

static void range_dealloc(Object* o) {
  Range* r = static_cast<Range*>(o);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  object_free(o);
}


static bool range_truthy(Value self) {
  Range* r = self.as<Range>();
  if (r->length >= 0) return r->length != 0;
  bool up = compare_bool(r->step, Value::from_int(0), CmpOp::Gt);
  return compare_bool(r->start, r->stop, up ? CmpOp::Lt : CmpOp::Gt);
}

static Value range_repr(Value self) {
  Range* r = self.as<Range>();
  std::string out = "range(" + int_to_string(r->start) + ", " + int_to_string(r->stop);
  if (r->step != Value::from_int(1)) out += ", " + int_to_string(r->step);
  out += ")";
  return str_value(out);
}

// The item at [i] (already bounds-checked) of an int64 range.
static Value range_item(Range* r, int64_t i) {
  int64_t start = 0, step = 1;
  int_to_i64(r->start, &start);
  int_to_i64(r->step, &step);
  return int_from_i64(start + i * step);
}

// The length of a range of big ints, as an int value: max(0, ceil((stop - start) / step)).
static Value range_length_value(Range* r) {
  bool up = compare_bool(r->step, Value::from_int(0), CmpOp::Gt);
  if (!compare_bool(r->start, r->stop, up ? CmpOp::Lt : CmpOp::Gt)) return Value::from_int(0);
  Ref diff = Ref::steal(binary_op(r->stop, r->start, BinOp::Sub));
  Ref adj = Ref::steal(binary_op(diff.get(), Value::from_int(up ? -1 : 1), BinOp::Add));
  Ref q = Ref::steal(binary_op(adj.get(), r->step, BinOp::FloorDiv));
  return binary_op(q.get(), Value::from_int(1), BinOp::Add);
}

// len(): a range whose bounds are big ints may still have a length that fits.
static int64_t range_len(Value self) {
  Range* r = self.as<Range>();
  if (r->length >= 0) return r->length;
  Ref n = Ref::steal(range_length_value(r));
  int64_t len;
  if (!int_to_i64(n.get(), &len)) raise_msg(&exc_OverflowError, "Python int too large to convert to C ssize_t");
  return len;
}

// Indexing a range of big ints with an int: start + i * step, bounds checked generically.
static Value range_getitem_big(Range* r, Value key) {
  if (!int_check(key)) raise_fmt(&exc_TypeError, "range indices must be integers or slices, not {}", type_name(key));
  Ref len = Ref::steal(range_length_value(r));
  Ref i = Ref::borrow(key);
  if (compare_bool(key, Value::from_int(0), CmpOp::Lt)) i = Ref::steal(binary_op(key, len.get(), BinOp::Add));
  if (compare_bool(i.get(), Value::from_int(0), CmpOp::Lt) || compare_bool(i.get(), len.get(), CmpOp::Ge))
    raise_msg(&exc_IndexError, "range object index out of range");
  Ref off = Ref::steal(binary_op(i.get(), r->step, BinOp::Mul));
  return binary_op(r->start, off.get(), BinOp::Add);
}

// A slice bound or step as an int (None stays null): CPython's _PyEval_SliceIndex error.
static Value slice_part(Value v) {
  if (v == None()) return Value::null();
  if (!int_check(v))
    raise_msg(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
  incref(v);
  return v;
}

// Clamps slice bound [v] (owned int, or null for the default [dflt]) into [lower, upper]
// after adding [len] to a negative one, as CPython's _PySlice_GetLongIndices.
static Value clamp_bound(Value v, Value len, Value lower, Value upper, Value dflt) {
  if (v.is_null()) {
    incref(dflt);
    return dflt;
  }
  Ref x = Ref::steal(v);
  if (compare_bool(x.get(), Value::from_int(0), CmpOp::Lt)) {
    x = Ref::steal(binary_op(x.get(), len, BinOp::Add));
    if (compare_bool(x.get(), lower, CmpOp::Lt)) x = Ref::borrow(lower);
  } else if (compare_bool(x.get(), upper, CmpOp::Gt)) {
    x = Ref::borrow(upper);
  }
  return x.release();
}

// r[slice] for any bounds, in int arithmetic: the slice's indices over r's length, mapped to
// r's values (CPython's compute_slice).
static Value range_slice_big(Range* r, Slice* sl) {
  Ref step = Ref::steal(slice_part(sl->step));
  if (!step) step = Ref::steal(Value::from_int(1));
  if (equal(step.get(), Value::from_int(0))) raise_msg(&exc_ValueError, "slice step cannot be zero");
  Ref start = Ref::steal(slice_part(sl->start));
  Ref stop = Ref::steal(slice_part(sl->stop));
  Ref len = Ref::steal(range_length_value(r));
  bool neg = compare_bool(step.get(), Value::from_int(0), CmpOp::Lt);
  Ref lower = Ref::steal(Value::from_int(neg ? -1 : 0));
  Ref upper = neg ? Ref::steal(binary_op(len.get(), lower.get(), BinOp::Add)) : len;
  Value lo = lower.get(), up = upper.get();
  Ref a = Ref::steal(clamp_bound(start.release(), len.get(), lo, up, neg ? up : lo));
  Ref b = Ref::steal(clamp_bound(stop.release(), len.get(), lo, up, neg ? lo : up));
  Ref a_off = Ref::steal(binary_op(a.get(), r->step, BinOp::Mul));
  Ref b_off = Ref::steal(binary_op(b.get(), r->step, BinOp::Mul));
  Ref new_start = Ref::steal(binary_op(r->start, a_off.get(), BinOp::Add));
  Ref new_stop = Ref::steal(binary_op(r->start, b_off.get(), BinOp::Add));
  Ref new_step = Ref::steal(binary_op(r->step, step.get(), BinOp::Mul));
  return range_make(new_start.release(), new_stop.release(), new_step.release());
}

static Value range_getitem(Value self, Value key) {
  Range* r = self.as<Range>();
  int64_t start, stop, step;
  bool is_slice = key.is_obj() && key.as_obj()->type == &slice_type;
  if (!range_i64(r, &start, &stop, &step)) {
    if (is_slice) return range_slice_big(r, key.as<Slice>());
    return range_getitem_big(r, key);
  }
  if (is_slice) {
    Slice* sl = key.as<Slice>();
    auto big = [](Value v) {
      int64_t x;
      return v != None() && int_check(v) && !int_to_i64(v, &x);
    };
    if (big(sl->start) || big(sl->stop) || big(sl->step)) return range_slice_big(r, sl);
    int64_t s0, s1, st;
    slice_indices(key.as<Slice>(), r->length, &s0, &s1, &st);
    __int128 a = __int128(start) + __int128(s0) * step;
    __int128 b = __int128(start) + __int128(s1) * step;
    __int128 c = __int128(step) * st;
    auto fits = [](__int128 v) { return v >= INT64_MIN && v <= INT64_MAX; };
    if (!fits(a) || !fits(b) || !fits(c)) return range_slice_big(r, key.as<Slice>());
    return range_make(int_from_i64(int64_t(a)), int_from_i64(int64_t(b)), int_from_i64(int64_t(c)));
  }
  if (!key.is_int() && !int_check(key))
    raise_fmt(&exc_TypeError, "range indices must be integers or slices, not {}", type_name(key));
  int64_t i = container_index(key, "range");
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) raise_msg(&exc_IndexError, "range object index out of range");
  return range_item(r, i);
}

// O(1) membership for ints; -1 (iterate) for other values.
static int range_contains(Value self, Value item) {
  Range* r = self.as<Range>();
  if (!int_check(item)) return -1;
  int64_t start, stop, step, x;
  if (range_i64(r, &start, &stop, &step)) {
    if (!int_to_i64(item, &x)) return 0;
    if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) return 0;
    return (__int128(x) - start) % step == 0 ? 1 : 0;
  }
  bool up = compare_bool(r->step, Value::from_int(0), CmpOp::Gt);
  if (up ? (compare_bool(item, r->start, CmpOp::Lt) || compare_bool(item, r->stop, CmpOp::Ge))
         : (compare_bool(item, r->start, CmpOp::Gt) || compare_bool(item, r->stop, CmpOp::Le)))
    return 0;
  Ref diff = Ref::steal(binary_op(item, r->start, BinOp::Sub));
  Ref rem = Ref::steal(binary_op(diff.get(), r->step, BinOp::Mod));
  return equal(rem.get(), Value::from_int(0)) ? 1 : 0;
}

// CPython's range_equals: equal lengths, then starts (unless empty), then steps (unless
// a single item).
static bool range_equal(Range* a, Range* b) {
  if (a == b) return true;
  if (a->length != b->length) return false;
  if (a->length == 0) return true;
  if (!equal(a->start, b->start)) return false;
  if (a->length == 1) return true;
  return equal(a->step, b->step);
}

static Value range_richcompare(Value a, Value b, CmpOp op) {
  if (!b.is_obj() || b.as_obj()->type != &range_type || (op != CmpOp::Eq && op != CmpOp::Ne))
    return NotImplemented();
  bool eq = range_equal(a.as<Range>(), b.as<Range>());
  return from_bool(op == CmpOp::Eq ? eq : !eq);
}

// hash((len, start, step)) with None for the parts that do not matter, as CPython's.
static int64_t range_hash(Value self) {
  Range* r = self.as<Range>();
  Tuple* t = tuple_new(3);
  Ref tr = Ref::steal(Value::from_obj(t));
  t->items()[0] = int_from_i64(r->length);
  if (r->length == 0) {
    t->items()[1] = None();
    t->items()[2] = None();
  } else {
    incref(r->start);
    t->items()[1] = r->start;
    if (r->length == 1) {
      t->items()[2] = None();
    } else {
      incref(r->step);
      t->items()[2] = r->step;
    }
  }
  return hash(tr.get());
}

// ---- iterators -----------------------------------------------------------------------------

static Value range_iter_new(int64_t start, int64_t step, int64_t n) {
  RangeIter* it = alloc_object<RangeIter>(&range_iterator_type);
  it->start = start;
  it->step = step;
  it->length = n;
  it->remaining = n;
  return Value::from_obj(it);
}

static Value longrange_iter_new(Value cur, Value stop, Value step) {
  LongRangeIter* it = alloc_object<LongRangeIter>(&longrange_iterator_type);
  incref(cur);
  incref(stop);
  incref(step);
  it->cur = cur;
  it->stop = stop;
  it->step = step;
  it->up = compare_bool(step, Value::from_int(0), CmpOp::Gt);
  return Value::from_obj(it);
}

static Value range_iter(Value self) {
  Range* r = self.as<Range>();
  int64_t start, stop, step;
  if (range_i64(r, &start, &stop, &step)) return range_iter_new(start, step, r->length);
  return longrange_iter_new(r->start, r->stop, r->step);
}

Value range_reversed_iter(Range* r) {
  int64_t start, stop, step;
  if (range_i64(r, &start, &stop, &step) && r->length > 0) {
    __int128 last = __int128(start) + __int128(r->length - 1) * step;
    if (last >= INT64_MIN && last <= INT64_MAX && step != INT64_MIN)
      return range_iter_new(int64_t(last), -step, r->length);
  }
  if (r->length == 0) return range_iter_new(0, 1, 0);
  // Big bounds: last = start + (len - 1) * step, counting down to start - step.
  Ref one = Ref::steal(Value::from_int(1));
  Ref lo = Ref::steal(binary_op(r->stop, r->start, BinOp::Sub));
  Ref n = Ref::steal(binary_op(lo.get(), r->step, BinOp::FloorDiv));
  Ref span = Ref::steal(binary_op(n.get(), r->step, BinOp::Mul));
  Ref last = Ref::steal(binary_op(r->start, span.get(), BinOp::Add));
  if (equal(last.get(), r->stop)) last = Ref::steal(binary_op(last.get(), r->step, BinOp::Sub));
  Ref neg = Ref::steal(unary_op(r->step, UnaryOp::Neg));
  Ref end = Ref::steal(binary_op(r->start, r->step, BinOp::Sub));
  return longrange_iter_new(last.get(), end.get(), neg.get());
}

static Value range_iter_next(Value self) {
  RangeIter* it = self.as<RangeIter>();
  int64_t r;
#if MINIPY_FREE_THREADED
  if (object_locks_active()) {  // threads may share the iterator: take an item atomically
    r = atomic_field(it->remaining).load(std::memory_order_relaxed);
    do {
      if (r <= 0) return Value::null();
    } while (!atomic_field(it->remaining).compare_exchange_weak(r, r - 1, std::memory_order_relaxed));
  } else
#endif
  {
    r = it->remaining;
    if (r <= 0) return Value::null();
    it->remaining = r - 1;
  }
  int64_t v = int64_t(uint64_t(it->start) + uint64_t(it->length - r) * uint64_t(it->step));
  return Value::fits_small_int(v) ? Value::from_int(v) : int_from_i64(v);
}

static Value longrange_iter_next(Value self) {
  LongRangeIter* it = self.as<LongRangeIter>();
  CriticalSection cs(self);  // threads sharing the iterator take each item once
  if (!compare_bool(it->cur, it->stop, it->up ? CmpOp::Lt : CmpOp::Gt)) return Value::null();
  Value v = it->cur;
  it->cur = binary_op(v, it->step, BinOp::Add);
  return v;
}

static void longrange_iter_dealloc(Object* o) {
  LongRangeIter* it = static_cast<LongRangeIter*>(o);
  decref(it->cur);
  decref(it->stop);
  decref(it->step);
  object_free(o);
}

static void plain_dealloc(Object* o) { object_free(o); }

// ---- attributes and methods ---------------------------------------------------------------------

static Value range_getattr(Value self, Str* name) {
  Range* r = self.as<Range>();
  std::string_view n = name->view();
  Value v = Value::null();
  if (n == "start") v = r->start;
  else if (n == "stop") v = r->stop;
  else if (n == "step") v = r->step;
  if (!v.is_null()) {
    incref(v);
    return v;
  }
  return generic_getattr(self, name);
}

static Value m_count(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("range.count", nargs - 1, kw);
  if (int_check(args[1])) return Value::from_int(range_contains(args[0], args[1]) == 1 ? 1 : 0);
  int64_t n = 0;
  Ref it = Ref::steal(get_iter(args[0]));
  while (true) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) break;
    if (equal(x.get(), args[1])) n++;
  }
  return int_from_i64(n);
}

static Value m_index(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("range.index", nargs - 1, kw);
  Range* r = args[0].as<Range>();
  if (int_check(args[1]) && range_contains(args[0], args[1]) == 1) {
    Ref diff = Ref::steal(binary_op(args[1], r->start, BinOp::Sub));
    return binary_op(diff.get(), r->step, BinOp::FloorDiv);
  }
  if (!int_check(args[1])) {
    int64_t i = 0;
    Ref it = Ref::steal(get_iter(args[0]));
    while (true) {
      Ref x = Ref::steal(iter_next(it.get()));
      if (!x) break;
      if (equal(x.get(), args[1])) return int_from_i64(i);
      i++;
    }
  }
  Ref rep = Ref::steal(repr(args[1]));
  raise_fmt(&exc_ValueError, "{} is not in range", as_str(rep.get())->view());
}

static Value m_reversed(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("range.__reversed__", nargs - 1, kw);
  return range_reversed_iter(args[0].as<Range>());
}

void init_range_type() {
  Type* t = &range_type;
  type_init_static(t, "range", &object_type, sizeof(Range));
  t->dealloc = range_dealloc;
  t->repr = range_repr;
  t->hash = range_hash;
  t->richcompare = range_richcompare;
  t->truthy = range_truthy;
  t->len = range_len;
  t->getattr = range_getattr;
  t->iter = range_iter;
  t->getitem = range_getitem;
  t->contains = range_contains;
  t->construct = range_construct;
  type_ready(t);
  type_add_method(t, "count", m_count);
  type_add_method(t, "index", m_index);
  type_add_method(t, "__reversed__", m_reversed);

  type_init_static(&range_iterator_type, "range_iterator", &object_type, sizeof(RangeIter));
  range_iterator_type.dealloc = plain_dealloc;
  range_iterator_type.iter = iter_self;
  range_iterator_type.next = range_iter_next;
  type_ready(&range_iterator_type);

  type_init_static(&longrange_iterator_type, "longrange_iterator", &object_type, sizeof(LongRangeIter));
  longrange_iterator_type.dealloc = longrange_iter_dealloc;
  longrange_iterator_type.iter = iter_self;
  longrange_iterator_type.next = longrange_iter_next;
  type_ready(&longrange_iterator_type);
}

}  // namespace rt
