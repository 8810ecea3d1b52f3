// The _heapq and bisect modules, as CPython's _heapq and _bisect: binary heaps on lists
// (heappush, heappop, heapify, heappushpop, heapreplace; heapq.py in runtime/lib adds merge,
// nlargest and nsmallest, as CPython's) and binary search over sorted sequences
// (bisect_left/right, insort_left/right, with lo, hi and key).
// Each heap operation runs in a critical section on the heap, as in CPython 3.13t: threads
// sharing a heap without a lock of their own see each push and pop whole.
#include "runtime/builtins_internal.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

namespace rt {

namespace {

// The list argument of [fname] ("heappush() argument 1 must be list, not tuple"; for the
// one-argument functions "heappop() argument must be list, not int").
List* heap_arg(const char* fname, Value v, bool only_arg = false) {
  if (type_of(v) != &list_type && !isinstance(v, &list_type))
    raise_fmt(&exc_TypeError, "{}() argument{} must be list, not {}", fname, only_arg ? "" : " 1",
              v == None() ? "None" : type_name(v));
  return v.as<List>();
}

Value h_heappush(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("heappush", kwnames);
  check_positional("heappush", nargs, 2, 2);
  List* heap = heap_arg("heappush", args[0]);
  CriticalSection cs(heap);
  list_append(heap, args[1]);
  ListHeap h{heap};
  heap_siftdown(h, 0, heap->size - 1);
  return None();
}

// Removes and returns the last item of [heap] (the caller owns it).
Value pop_last(List* heap) {
  if (heap->size == 0) raise_msg(&exc_IndexError, "index out of range");
  return heap->items[--heap->size];
}

Value h_heappop(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("_heapq.heappop", nargs, kwnames);
  List* heap = heap_arg("heappop", args[0], true);
  CriticalSection cs(heap);
  Value last = pop_last(heap);
  if (heap->size == 0) return last;
  Value ret = heap->items[0];
  heap->items[0] = last;
  Ref owned = Ref::steal(ret);
  ListHeap h{heap};
  heap_siftup(h, 0);
  return owned.release();
}

Value h_heapreplace(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("heapreplace", kwnames);
  check_positional("heapreplace", nargs, 2, 2);
  List* heap = heap_arg("heapreplace", args[0]);
  CriticalSection cs(heap);
  if (heap->size == 0) raise_msg(&exc_IndexError, "index out of range");
  Value ret = heap->items[0];
  incref(args[1]);
  heap->items[0] = args[1];
  Ref owned = Ref::steal(ret);
  ListHeap h{heap};
  heap_siftup(h, 0);
  return owned.release();
}

Value h_heappushpop(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("heappushpop", kwnames);
  check_positional("heappushpop", nargs, 2, 2);
  List* heap = heap_arg("heappushpop", args[0]);
  CriticalSection cs(heap);
  Value item = args[1];
  // The comparison may run Python code, which may pop the top item: hold it meanwhile.
  if (heap->size == 0 || !heap_less(heap->items[0], item)) {
    incref(item);
    return item;
  }
  if (heap->size == 0) raise_msg(&exc_IndexError, "index out of range");
  Value ret = heap->items[0];
  incref(item);
  heap->items[0] = item;
  Ref owned = Ref::steal(ret);
  ListHeap h{heap};
  heap_siftup(h, 0);
  return owned.release();
}

Value h_heapify(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("_heapq.heapify", nargs, kwnames);
  List* heap = heap_arg("heapify", args[0], true);
  CriticalSection cs(heap);
  ListHeap h{heap};
  for (size_t i = heap->size / 2; i-- > 0;) heap_siftup(h, i);
  return None();
}

Module* create_heapq() {
  Module* m = module_new("_heapq");
  Dict* d = m->dict;
  add_function(d, "heappush", h_heappush);
  add_function(d, "heappop", h_heappop);
  add_function(d, "heapify", h_heapify);
  add_function(d, "heapreplace", h_heapreplace);
  add_function(d, "heappushpop", h_heappushpop);
  return m;
}

// ---- bisect -----------------------------------------------------------------------------

struct BisectArgs {
  Value a, x, key;
  int64_t lo, hi;
};

BisectArgs bisect_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  Value v[5];
  parse_args(fname, args, nargs, kwnames, {"a", "x", "lo", "hi", "key"}, 2, v);
  BisectArgs b;
  b.a = v[0];
  b.x = v[1];
  b.key = v[4].is_null() ? None() : v[4];
  b.lo = 0;
  if (!v[2].is_null()) b.lo = ssize_value(v[2]);
  // As CPython 3.11's _bisect: hi is a C ssize_t whose default (None) is -1, so an explicit
  // -1 also means len(a); another negative hi searches nothing.
  b.hi = -1;
  if (!v[3].is_null() && v[3] != None()) {
    if (!int_check(v[3])) raise_fmt(&exc_TypeError, "argument should be integer or None, not '{}'", type_name(v[3]));
    if (!int_to_i64(v[3], &b.hi)) raise_msg(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  if (b.lo < 0) raise_msg(&exc_ValueError, "lo must be non-negative");
  if (b.hi == -1) b.hi = length(b.a);
  return b;
}

// The insertion point for [x] (already mapped through key) in [b].a.
int64_t bisect_point(const BisectArgs& b, Value x, bool right) {
  int64_t lo = b.lo, hi = b.hi;
  while (lo < hi) {
    int64_t mid = int64_t((uint64_t(lo) + uint64_t(hi)) / 2);
    Ref item;
    if (type_of(b.a) == &list_type) {
      List* l = b.a.as<List>();
      LeafCriticalSection cs(l);
      if (size_t(mid) < l->size) item = Ref::borrow(l->items[mid]);
    }
    if (!item) item = Ref::steal(getitem(b.a, Value::from_int(mid)));
    if (b.key != None()) item = Ref::steal(call1(b.key, item.get()));
    bool go_right = right ? !heap_less(x, item.get()) : heap_less(item.get(), x);
    if (go_right) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

Value bisect_impl(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, bool right) {
  BisectArgs b = bisect_args(fname, args, nargs, kwnames);
  return int_from_i64(bisect_point(b, b.x, right));
}

Value insort_impl(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, bool right) {
  BisectArgs b = bisect_args(fname, args, nargs, kwnames);
  Ref kx = b.key == None() ? Ref::borrow(b.x) : Ref::steal(call1(b.key, b.x));
  int64_t i = bisect_point(b, kx.get(), right);
  Ref insert = Ref::steal(getattr(b.a, str_intern("insert")));
  Ref idx = Ref::steal(int_from_i64(i));
  decref(call2(insert.get(), idx.get(), b.x));
  return None();
}

Value b_bisect_left(const Value* args, size_t nargs, Tuple* kwnames) {
  return bisect_impl("bisect_left", args, nargs, kwnames, false);
}
Value b_bisect_right(const Value* args, size_t nargs, Tuple* kwnames) {
  return bisect_impl("bisect_right", args, nargs, kwnames, true);
}
Value b_insort_left(const Value* args, size_t nargs, Tuple* kwnames) {
  return insort_impl("insort_left", args, nargs, kwnames, false);
}
Value b_insort_right(const Value* args, size_t nargs, Tuple* kwnames) {
  return insort_impl("insort_right", args, nargs, kwnames, true);
}

Module* create_bisect() {
  Module* m = module_new("bisect");
  Dict* d = m->dict;
  add_function(d, "bisect_left", b_bisect_left);
  add_function(d, "bisect_right", b_bisect_right);
  add_function(d, "insort_left", b_insort_left);
  add_function(d, "insort_right", b_insort_right);
  Value br = dict_get_str(d, str_intern("bisect_right"));
  Value ir = dict_get_str(d, str_intern("insort_right"));
  incref(br);
  incref(ir);
  module_set(d, "bisect", br);
  module_set(d, "insort", ir);
  return m;
}

}  // namespace

void init_heapq_module() { register_builtin_module("_heapq", create_heapq); }
void init_bisect_module() { register_builtin_module("bisect", create_bisect); }

}  // namespace rt
