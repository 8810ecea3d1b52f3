// The slice type: slice(start, stop, step) objects and their resolution against a sequence
// length with CPython's PySlice_Unpack + PySlice_AdjustIndices semantics.
#include "runtime/containers.h"

namespace rt {

Type slice_type;

Value slice_new(Value start, Value stop, Value step) {
  Slice* s = alloc_object<Slice>(&slice_type);
  s->start = start.is_null() ? None() : start;
  s->stop = stop.is_null() ? None() : stop;
  s->step = step.is_null() ? None() : step;
  incref(s->start);
  incref(s->stop);
  incref(s->step);
  return Value::from_obj(s);
}

// _PyEval_SliceIndex: an int (clamped to the int64 range), or the TypeError.
static int64_t slice_index(Value v) {
  if (v.is_int()) return v.as_int();
  if (!int_check(v))
    raise_msg(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
  int64_t i;
  if (int_to_i64(v, &i)) return i;
  return compare_bool(v, Value::from_int(0), CmpOp::Lt) ? INT64_MIN : INT64_MAX;
}

int64_t slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step) {
  int64_t st = 1;
  if (s->step != None()) {
    st = slice_index(s->step);
    if (st == 0) raise_msg(&exc_ValueError, "slice step cannot be zero");
    if (st < -INT64_MAX) st = -INT64_MAX;
  }
  int64_t a = s->start == None() ? (st < 0 ? INT64_MAX : 0) : slice_index(s->start);
  int64_t b = s->stop == None() ? (st < 0 ? INT64_MIN : INT64_MAX) : slice_index(s->stop);
  if (a < 0) {
    a += length;
    if (a < 0) a = st < 0 ? -1 : 0;
  } else if (a >= length) {
    a = st < 0 ? length - 1 : length;
  }
  if (b < 0) {
    b += length;
    if (b < 0) b = st < 0 ? -1 : 0;
  } else if (b >= length) {
    b = st < 0 ? length - 1 : length;
  }
  *start = a;
  *stop = b;
  *step = st;
  if (st < 0) return b < a ? (a - b - 1) / (-st) + 1 : 0;
  return a < b ? (b - a - 1) / st + 1 : 0;
}

static void slice_dealloc(Object* o) {
  Slice* s = static_cast<Slice*>(o);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  object_free(o);
}

static Value slice_repr(Value self) {
  Slice* s = self.as<Slice>();
  std::string out = "slice(";
  append_repr(out, s->start);
  out += ", ";
  append_repr(out, s->stop);
  out += ", ";
  append_repr(out, s->step);
  out += ")";
  return str_value(out);
}

// Slices compare as the tuples (start, stop, step).
static Value slice_richcompare(Value a, Value b, CmpOp op) {
  if (!b.is_obj() || b.as_obj()->type != &slice_type) return NotImplemented();
  Slice* x = a.as<Slice>();
  Slice* y = b.as<Slice>();
  Value xs[3] = {x->start, x->stop, x->step};
  Value ys[3] = {y->start, y->stop, y->step};
  Ref tx = Ref::steal(Value::from_obj(tuple_from(xs, 3)));
  Ref ty = Ref::steal(Value::from_obj(tuple_from(ys, 3)));
  return compare(tx.get(), ty.get(), op);
}

static Value slice_getattr(Value self, Str* name) {
  Slice* s = self.as<Slice>();
  std::string_view n = name->view();
  Value v = Value::null();
  if (n == "start") v = s->start;
  else if (n == "stop") v = s->stop;
  else if (n == "step") v = s->step;
  if (!v.is_null()) {
    incref(v);
    return v;
  }
  return generic_getattr(self, name);
}

static Value slice_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "slice() takes no keyword arguments");
  if (nargs == 0) raise_msg(&exc_TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) raise_fmt(&exc_TypeError, "slice expected at most 3 arguments, got {}", nargs);
  if (nargs == 1) return slice_new(None(), args[0], None());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : None());
}

// slice.indices(length): the (start, stop, step) tuple resolved against [length].
static Value m_indices(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("slice.indices", nargs - 1, kw);
  int64_t length = index_value(args[1]);
  if (length < 0) raise_msg(&exc_ValueError, "length should not be negative");
  int64_t start, stop, step;
  slice_indices(args[0].as<Slice>(), length, &start, &stop, &step);
  Tuple* t = tuple_new(3);
  t->items()[0] = int_from_i64(start);
  t->items()[1] = int_from_i64(stop);
  t->items()[2] = int_from_i64(step);
  return Value::from_obj(t);
}

void init_slice_type() {
  Type* t = &slice_type;
  type_init_static(t, "slice", &object_type, sizeof(Slice));
  t->dealloc = slice_dealloc;
  t->repr = slice_repr;
  t->richcompare = slice_richcompare;
  t->getattr = slice_getattr;
  t->construct = slice_construct;
  type_ready(t);
  t->hash = nullptr;
  type_add_method(t, "indices", m_indices);
}

}  // namespace rt
