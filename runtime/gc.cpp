// The cycle collector (CPython's algorithm, one generation) and the `gc` module.
//
// Notes about the implementation
// ------------------------------
// Reference counting frees everything but cycles. Every object of a container type (a type
// with a traverse slot: list, dict, set, tuple, function, cell, method, exceptions, class
// instances...) is allocated with a GcHead in front of it (alloc_object -> gc_alloc_object)
// and linked into one list of tracked objects. A collection:
//   1. copies each tracked object's reference count into its head's [refs];
//   2. traverses every tracked object, decrementing [refs] of each tracked object it refers
//      to: what is left is the number of references from outside the tracked set (the VM
//      stacks, C++ locals, untracked objects such as static types and code objects);
//   3. objects with refs > 0 are roots; everything reachable from a root (traverse again) is
//      alive; the rest is garbage: only reachable from each other;
//   4. clears the garbage (the clear slot drops an object's references), one object at a time
//      while holding a reference to it, so the cycles fall apart and plain reference counting
//      frees them. An object that survives its clear (possible only for types without one,
//      such as tuple) goes back to the tracked list.
// Immortal objects simply look referenced from outside; unboxed values are not objects.
//
// When: gc_alloc_object counts tracked allocations (minus deallocations, as CPython's
// generation-0 count). When the count passes the threshold, the allocation does NOT collect:
// it sets kBreakGcScheduled in the running thread's eval-breaker word, and the interpreter
// loop collects at its next safe point (a backward jump or a call). So a collection never
// runs inside a runtime function that is halfway through mutating a container. The allocation
// fast path costs one increment and one compare. The effective threshold grows with the
// number of survivors (max(threshold, survivors / 2)), so programs that keep many containers
// alive do amortised constant work per allocation instead of a full scan every 700.
//
// Free-threaded build: the tracked list is shared by all threads, so linking and unlinking
// take a mutex (ListLock; nothing with the GIL build). A collection must see no other thread
// running: gc_collect() calls vm::stop_the_world() first (vm/gil.h), which sets
// kBreakStopWorld in every attached thread's eval_breaker and waits until each has parked at
// a safe point (or is detached in a blocking call), and vm::start_the_world() at the end to
// release them. With the GIL, the collecting thread holds it and the other threads are parked
// at safe points already, so stop_the_world() only checks that the GIL is held. Reference
// counts must be exact while the world is stopped: with PEP 703's biased counts the
// collector reads the merged count (local + shared) where it reads refcnt here.
#include "runtime/gc.h"

#include <atomic>
#include <mutex>
#include <vector>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

namespace rt {

namespace {

constexpr int64_t kDefaultThreshold = 700;
constexpr int64_t kReached = INT64_MIN;  // [refs] of an object found reachable

struct GcState {
  GcHead list{&list, &list, 0};  // the tracked objects (circular, sentinel)
  int64_t count = 0;             // tracked allocations minus deallocations since the last run
  int64_t threshold = kDefaultThreshold;
  int64_t effective_threshold = kDefaultThreshold;
  int64_t tracked = 0;
  bool enabled = true;
  bool scheduled = false;
  bool collecting = false;
};
GcState gc;

#if MINIPY_FREE_THREADED
std::mutex gc_list_mutex;
struct ListLock {
  ListLock() { gc_list_mutex.lock(); }
  ~ListLock() { gc_list_mutex.unlock(); }
};
#else
struct ListLock {
  ListLock() {}
  ~ListLock() {}
};
#endif

inline void list_append(GcHead* list, GcHead* h) {
  GcHead* last = list->prev;
  h->prev = last;
  h->next = list;
  last->next = h;
  list->prev = h;
}

inline void list_remove(GcHead* h) {
  h->prev->next = h->next;
  h->next->prev = h->prev;
  h->next = nullptr;
  h->prev = nullptr;
}

inline bool list_empty(const GcHead* list) { return list->next == list; }

// Asks the running thread to collect at its next safe point.
void schedule_collection() {
  gc.scheduled = true;
  vm::current_thread()->eval_breaker.fetch_or(vm::kBreakGcScheduled, std::memory_order_relaxed);
}

// The tracked head of [v], or null for unboxed values, untracked and header-less objects.
inline GcHead* tracked_head(Value v) {
  if (!v.is_obj()) return nullptr;
  Object* o = v.as_obj();
  if (!(o->gc_bits & kGcHasHead)) return nullptr;
  GcHead* h = gc_head(o);
  return h->next != nullptr ? h : nullptr;
}

void visit_decref(Value v, void*) {
  if (GcHead* h = tracked_head(v)) --h->refs;
}

void visit_reach(Value v, void* arg) {
  GcHead* h = tracked_head(v);
  if (h == nullptr || h->refs == kReached) return;
  h->refs = kReached;
  static_cast<std::vector<GcHead*>*>(arg)->push_back(h);
}

// 1 if [o] is a class instance whose attribute dict is garbage and referenced only by [o].
// CPython 3.11 keeps such attributes inline in the instance (no dict object), so gc.collect()
// does not count the dict there; minipy reports the same number.
int64_t owned_instance_dicts(Object* o) {
  Type* t = o->type;
  if (!is_heap_type(t) || t->dictoffset == 0) return 0;
  if (static_cast<HeapType*>(t)->solid->dictoffset != 0) return 0;
  Dict* d = *instance_dict_slot(Value::from_obj(o));
  if (d == nullptr || refcount(d) != 1) return 0;
  GcHead* h = tracked_head(Value::from_obj(d));
  return h != nullptr && h->refs != kReached ? 1 : 0;
}

void traverse(GcHead* h, GcVisitFn visit, void* arg) {
  Object* o = gc_object(h);
  if (o->type->traverse != nullptr) o->type->traverse(o, visit, arg);
}

// Moves the unreachable objects of the tracked list to [garbage]; returns how many.
int64_t find_garbage(GcHead* garbage) {
  GcHead* list = &gc.list;
  for (GcHead* h = list->next; h != list; h = h->next) h->refs = refcount(gc_object(h));
  for (GcHead* h = list->next; h != list; h = h->next) traverse(h, visit_decref, nullptr);
  std::vector<GcHead*> stack;
  for (GcHead* h = list->next; h != list; h = h->next) {
    if (h->refs > 0) {
      h->refs = kReached;
      stack.push_back(h);
    }
  }
  while (!stack.empty()) {
    GcHead* h = stack.back();
    stack.pop_back();
    traverse(h, visit_reach, &stack);
  }
  int64_t n = 0;
  for (GcHead* h = list->next; h != list;) {
    GcHead* next = h->next;
    if (h->refs != kReached) {
      list_remove(h);
      list_append(garbage, h);
      n += 1 - owned_instance_dicts(gc_object(h));
    }
    h = next;
  }
  return n;
}

// Clears the objects of [garbage] until the list is empty: each clear drops references, and
// reference counting frees what falls to zero (unlinking it from [garbage]).
void delete_garbage(GcHead* garbage) {
  while (!list_empty(garbage)) {
    GcHead* h = garbage->next;
    Object* o = gc_object(h);
    incref(o);
    if (o->type->clear != nullptr) o->type->clear(o);
    if (garbage->next == h) {
      list_remove(h);
      list_append(&gc.list, h);
    }
    decref(o);
  }
}

}  // namespace

Object* gc_alloc_object(Type* t, size_t size) {
  void* mem = alloc_bytes(sizeof(GcHead) + size);
  std::memset(mem, 0, sizeof(GcHead) + size);
  GcHead* h = static_cast<GcHead*>(mem);
  Object* o = gc_object(h);
  init_header(o, t, kGcHasHead);
  {
    ListLock lock;
    list_append(&gc.list, h);
    ++gc.tracked;
    if (++gc.count > gc.effective_threshold && !gc.scheduled && gc.enabled && gc.threshold > 0 &&
        !gc.collecting) [[unlikely]] {
      schedule_collection();
    }
  }
  return o;
}

void gc_free_object(Object* o) {
  GcHead* h = gc_head(o);
  if (h->next != nullptr) {
    ListLock lock;
    list_remove(h);
    --gc.tracked;
    if (gc.count > 0) --gc.count;
  }
  free_bytes(h);
}

#if MINIPY_FREE_THREADED
namespace {
std::atomic<bool> immortalize_deferred{false};
}

void defer_refcount(Object* o) {
  if (immortalize_deferred.load(std::memory_order_acquire)) {
    make_immortal(o);
  } else if (o->gc_bits & kGcHasHead) {
    o->gc_bits |= kGcDeferred;
  }
}

void gc_immortalize_deferred() {
  if (immortalize_deferred.exchange(true)) return;
  ListLock lock;
  for (GcHead* h = gc.list.next; h != &gc.list; h = h->next) {
    Object* o = gc_object(h);
    if (o->gc_bits & kGcDeferred) make_immortal(o);
  }
}
#endif

bool gc_is_tracked(Object* o) { return (o->gc_bits & kGcHasHead) && gc_head(o)->next != nullptr; }

void gc_track(Object* o) {
  if (!(o->gc_bits & kGcHasHead) || gc_head(o)->next != nullptr) return;
  ListLock lock;
  list_append(&gc.list, gc_head(o));
  ++gc.tracked;
}

void gc_untrack(Object* o) {
  if (!gc_is_tracked(o)) return;
  ListLock lock;
  list_remove(gc_head(o));
  --gc.tracked;
}

int64_t gc_collect() {
  if (gc.collecting) return 0;
  vm::stop_the_world();
  gc.collecting = true;
  GcHead garbage{&garbage, &garbage, 0};
  int64_t n = find_garbage(&garbage);
  delete_garbage(&garbage);  // freeing an object decrements gc.tracked
  gc.count = 0;
  gc.effective_threshold = std::max(gc.threshold, gc.tracked / 2);
  gc.scheduled = false;
  gc.collecting = false;
  vm::start_the_world();
  return n;
}

void gc_collect_scheduled() {
  if (!gc.scheduled) return;
  gc.scheduled = false;
  if (gc.enabled && gc.threshold > 0) gc_collect();
}

void gc_set_enabled(bool on) { gc.enabled = on; }
bool gc_is_enabled() { return gc.enabled; }
int64_t gc_get_count() { return gc.count; }
int64_t gc_get_threshold() { return gc.threshold; }
int64_t gc_tracked_count() { return gc.tracked; }

void gc_set_threshold(int64_t t) {
  gc.threshold = t;
  gc.effective_threshold = std::max<int64_t>(t, gc.tracked / 2);
}

// ---- the gc module ---------------------------------------------------------------------------

namespace {

Value m_collect(const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nargs + nkw > 1) {
    raise_fmt(&exc_TypeError, "collect() takes at most 1 argument ({} given)", nargs + nkw);
  }
  if (nkw == 1 && as_str(kwnames->item(0))->view() != "generation") {
    raise_fmt(&exc_TypeError, "'{}' is an invalid keyword argument for collect()",
              as_str(kwnames->item(0))->view());
  }
  if (nargs + nkw == 1) {
    int64_t g = index_value(args[0]);
    if (g < 0 || g > 2) raise_msg(&exc_ValueError, "invalid generation");
  }
  return int_from_i64(gc_collect());
}

void no_args(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size != 0) {
    raise_fmt(&exc_TypeError, "gc.{}() takes no keyword arguments", name);
  }
  if (nargs != 0) raise_fmt(&exc_TypeError, "gc.{}() takes no arguments ({} given)", name, nargs);
}

Value m_enable(const Value*, size_t nargs, Tuple* kwnames) {
  no_args("enable", nargs, kwnames);
  gc_set_enabled(true);
  return None();
}

Value m_disable(const Value*, size_t nargs, Tuple* kwnames) {
  no_args("disable", nargs, kwnames);
  gc_set_enabled(false);
  return None();
}

Value m_isenabled(const Value*, size_t nargs, Tuple* kwnames) {
  no_args("isenabled", nargs, kwnames);
  return from_bool(gc_is_enabled());
}

// A 3-tuple of ints: CPython's three generations; minipy has one, the others read 0 / 10.
Value int_triple(int64_t a, int64_t b, int64_t c) {
  Tuple* t = tuple_new(3);
  t->items()[0] = int_from_i64(a);
  t->items()[1] = int_from_i64(b);
  t->items()[2] = int_from_i64(c);
  return Value::from_obj(t);
}

Value m_get_count(const Value*, size_t nargs, Tuple* kwnames) {
  no_args("get_count", nargs, kwnames);
  return int_triple(gc_get_count(), 0, 0);
}

Value m_get_threshold(const Value*, size_t nargs, Tuple* kwnames) {
  no_args("get_threshold", nargs, kwnames);
  return int_triple(gc_get_threshold(), 10, 10);
}

// set_threshold(threshold0[, threshold1[, threshold2]]): only the first one matters here.
Value m_set_threshold(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size != 0) {
    raise_msg(&exc_TypeError, "set_threshold() takes no keyword arguments");
  }
  if (nargs < 1) raise_msg(&exc_TypeError, "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > 3) {
    raise_fmt(&exc_TypeError, "set_threshold() takes at most 3 arguments ({} given)", nargs);
  }
  int64_t t0 = index_value(args[0]);
  for (size_t i = 1; i < nargs; ++i) index_value(args[i]);
  gc_set_threshold(t0);
  return None();
}

// gc.is_tracked(obj): whether the collector watches [obj].
Value m_is_tracked(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size != 0) {
    raise_msg(&exc_TypeError, "gc.is_tracked() takes no keyword arguments");
  }
  if (nargs != 1) {
    raise_fmt(&exc_TypeError, "gc.is_tracked() takes exactly one argument ({} given)", nargs);
  }
  return from_bool(args[0].is_obj() && gc_is_tracked(args[0].as_obj()));
}

}  // namespace

Module* gc_module_init() {
  Module* m = module_new("gc");
  module_set(m->dict, "collect", builtin_function_new("collect", m_collect));
  module_set(m->dict, "enable", builtin_function_new("enable", m_enable));
  module_set(m->dict, "disable", builtin_function_new("disable", m_disable));
  module_set(m->dict, "isenabled", builtin_function_new("isenabled", m_isenabled));
  module_set(m->dict, "get_count", builtin_function_new("get_count", m_get_count));
  module_set(m->dict, "get_threshold", builtin_function_new("get_threshold", m_get_threshold));
  module_set(m->dict, "set_threshold", builtin_function_new("set_threshold", m_set_threshold));
  module_set(m->dict, "is_tracked", builtin_function_new("is_tracked", m_is_tracked));
  return m;
}

void init_gc_module() { register_builtin_module("gc", gc_module_init); }

}  // namespace rt
