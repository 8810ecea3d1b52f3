// The cycle collector: finds groups of container objects that are only reachable from each
// other (CPython's algorithm: subtract internal references from reference counts) and breaks
// them with the types' clear slots. See the essay at the top of runtime/gc.cpp.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace rt {

struct GcList;  // a list of tracked objects (runtime/gc.cpp)

// The header allocated in front of every container object (like CPython's PyGC_Head). Object's
// own layout is unchanged: an object with kGcHasHead in gc_bits has this header just before it.
// [next]/[prev] link the tracked objects in a circular list (null when untracked); [refs] is
// scratch space of a collection (the reference count minus the internal references).
// Free-threaded build: each thread has its own list, so [list] records the one the object is
// linked in (null when untracked): a thread freeing an object another one allocated must lock
// that list to unlink it.
struct GcHead {
  GcHead* next;
  GcHead* prev;
  int64_t refs;
#if MINIPY_FREE_THREADED
  GcList* list;  // accessed atomically (std::atomic_ref); written under the list's lock
#endif
};
static_assert(sizeof(GcHead) == (MINIPY_FREE_THREADED ? 32 : 24));

inline GcHead* gc_head(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }
inline Object* gc_object(GcHead* h) { return reinterpret_cast<Object*>(h + 1); }

// The visitor a traverse slot calls on each owned reference ([v] may be null or unboxed).
using GcVisitFn = void (*)(Value v, void* arg);

// Tracking. Objects of types with a traverse slot are tracked from allocation
// (alloc_object); gc_untrack takes one out of the collector's sight (an object that can never
// be part of a cycle), gc_track puts it back. Both are no-ops on objects without a GC header.
bool gc_is_tracked(Object* o);
void gc_track(Object* o);
void gc_untrack(Object* o);

#if MINIPY_FREE_THREADED
// Makes every tracked object marked by defer_refcount() immortal, and every one marked later
// from then on (runtime/object.h). Called when the first thread other than the main one
// starts.
void gc_immortalize_deferred();
#endif

// Runs a full collection now and returns the number of unreachable objects found (what
// gc.collect() returns). Must be called at a safe point by a thread holding the GIL (if there
// is one): it brackets the collection with vm::stop_the_world()/start_the_world() (vm/gil.h).
// Those must return only when every other thread is parked at a safe point (its eval_breaker
// saw kBreakStopWorld) or detached in a blocking call, so that no other thread touches a
// reference count or a container while the collector runs.
int64_t gc_collect();

// The automatic collection: runs gc_collect() if one was scheduled by the allocation
// counter. The interpreter calls it from its eval-breaker handler (bit kBreakGcScheduled).
void gc_collect_scheduled();

// gc.enable()/disable()/isenabled(): automatic collection only; gc_collect() always runs.
void gc_set_enabled(bool on);
bool gc_is_enabled();

// gc.get_count() / get_threshold() / set_threshold(): one generation. [count] is the number
// of tracked allocations minus deallocations since the last collection; a collection is
// scheduled when it exceeds the effective threshold: max(threshold, survivors / 2), so a
// program with many live containers does not pay a full collection every 700 allocations.
// Free-threaded build: each thread counts in its own list and schedules a collection when its
// own count passes the threshold; gc_get_count() is the sum over the lists.
int64_t gc_get_count();
int64_t gc_get_threshold();
void gc_set_threshold(int64_t t);  // 0 disables automatic collection, as CPython

// The number of objects currently tracked (tests, gc.get_objects-like diagnostics).
int64_t gc_tracked_count();

#if MINIPY_FREE_THREADED
// The calling thread's tracked list: gc_thread_start() gives the thread one (called by
// vm::thread_state_init; allocations before it go to the shared orphans list);
// gc_thread_exit() moves its objects to the orphans list (vm::thread_state_exit, while the
// thread is still attached). The GIL build has one list and no such calls.
void gc_thread_start();
void gc_thread_exit();
#endif

// The `gc` module (registered with the built-in modules).
struct Module;
Module* gc_module_init();

}  // namespace rt
