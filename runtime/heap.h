// The binary-heap sifts of CPython's heapq (Modules/_heapqmodule.c), shared by the _heapq
// module (a list) and queue.PriorityQueue (its deque): items move by the same swaps and are
// compared in the same order as CPython's, so equal priorities come out in CPython's order and
// a comparison that raises leaves the heap as CPython's would.
//
// [Heap] is a sequence of Values with size() and operator[] (std::deque<Value>, or ListHeap
// for a list, whose item array a comparison may reallocate). A comparison runs with its two
// items held, and raises RuntimeError if it changed the heap's size.
#pragma once

#include <cstddef>
#include <utility>

#include "runtime/objects.h"
#include "runtime/ops.h"

namespace rt {

// A list seen as a heap: its items are read through the list each time.
struct ListHeap {
  List* list;
  size_t size() const { return list->size; }
  Value& operator[](size_t i) { return list->items[i]; }
};

// a < b with a fast path for two small ints or two floats; the items are held while Python
// code may run.
inline bool heap_less(Value a, Value b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
  if (a.is_double() && b.is_double()) return a.as_double() < b.as_double();
  Ref ha = Ref::borrow(a), hb = Ref::borrow(b);
  return compare_bool(a, b, CmpOp::Lt);
}

namespace heap_detail {

[[noreturn]] inline void changed_size() { raise_msg(&exc_RuntimeError, "list changed size during iteration"); }

}  // namespace heap_detail

// Moves the item at [pos] up towards [startpos] while it is smaller than its parent.
template <class Heap>
void heap_siftdown(Heap& heap, size_t startpos, size_t pos) {
  size_t size = heap.size();
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    bool less = heap_less(heap[pos], heap[parentpos]);
    if (size != heap.size()) heap_detail::changed_size();
    if (!less) break;
    std::swap(heap[pos], heap[parentpos]);
    pos = parentpos;
  }
}

// Moves the item at [pos] down to a leaf along smaller children, then heap_siftdown
// (CPython's siftup: fewer comparisons than a textbook sift).
template <class Heap>
void heap_siftup(Heap& heap, size_t pos) {
  size_t endpos = heap.size(), startpos = pos;
  size_t limit = endpos >> 1;
  while (pos < limit) {
    size_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      bool less = heap_less(heap[childpos], heap[childpos + 1]);
      if (!less) childpos += 1;
      if (endpos != heap.size()) heap_detail::changed_size();
    }
    std::swap(heap[pos], heap[childpos]);
    pos = childpos;
  }
  heap_siftdown(heap, startpos, pos);
}

}  // namespace rt
