// The cycle collector (CPython's algorithm, one generation) and the `gc` module.
//
// Notes about the implementation
// ------------------------------
// Reference counting frees everything but cycles. Every object of a container type (a type
// with a traverse slot: list, dict, set, tuple, function, cell, method, exceptions, class
// instances...) is allocated with a GcHead in front of it (alloc_object -> gc_alloc_object)
// and linked into a list of tracked objects (a GcList). A collection:
//   1. copies each tracked object's reference count into its head's [refs];
//   2. traverses every tracked object, decrementing [refs] of each tracked object it refers
//      to: what is left is the number of references from outside the tracked set (the VM
//      stacks, C++ locals, untracked objects such as static types and code objects);
//   3. objects with refs > 0 are roots; everything reachable from a root (traverse again) is
//      alive; the rest is garbage: only reachable from each other;
//   4. clears the garbage (the clear slot drops an object's references), one object at a time
//      while holding a reference to it, so the cycles fall apart and plain reference counting
//      frees them. An object that survives its clear (possible only for types without one,
//      such as tuple) goes back to a tracked list.
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
// GIL build: one global GcList, no locks (the GIL serialises every allocation and free), and
// the GcHead is 24 bytes (next, prev, refs).
//
// Free-threaded build: one GcList per thread, so that threads allocating in parallel do not
// fight over one list, one lock and shared counters.
//   - Each list has a sentinel head, its own counters ([count]: allocations minus frees since
//     the last collection, which schedules the automatic collection per thread; [tracked]) and
//     a one-byte spinlock. The calling thread's list is reached through a thread-local pointer
//     (tls_list), set by gc_thread_start() from vm::thread_state_init(); allocation appends
//     to it under its lock, which nobody else wants in the common case.
//   - An object can be freed (or untracked) by another thread than the one that allocated it,
//     so the GcHead grows a [list] field (32 bytes): the list the object is linked in, null
//     when untracked. Unlinking reads it, locks that list and checks again that the object
//     is still there (it may have moved to the orphans list meanwhile), else retries.
//   - At thread exit (gc_thread_exit(), from vm::thread_state_exit() while still attached),
//     the thread's objects are relabelled and spliced onto the shared "orphans" list; later
//     frees unlink them from there. GcList structs are never freed: an exited thread's list
//     is kept for reuse by a later thread, so a stale [list] pointer read by a concurrent free
//     always points at a valid list (the re-check under the lock rejects it).
//   - The registry of lists (a vector under lists_mutex) is touched only at thread start and
//     exit, by a collection and by the diagnostics (gc.get_count(), gc_tracked_count(): sums
//     over the lists, each read under its lock).
//   - A collection walks the lists in turn (the world is stopped: nobody else allocates or
//     frees). Garbage moves to a dedicated list (garbage_list) while it is cleared; objects
//     that survive their clear go to the collecting thread's list. Every other survivor stays
//     where it was. Lock order: lists_mutex, then a thread's list, then orphans.
//
// A collection must see no other thread running: gc_collect() calls vm::stop_the_world()
// first (vm/gil.h), which sets kBreakStopWorld in every attached thread's eval_breaker and
// waits until each has parked at a safe point (or is detached in a blocking call), and
// vm::start_the_world() at the end to release them. With the GIL, the collecting thread holds
// it and the other threads are parked at safe points already, so stop_the_world() only checks
// that the GIL is held. No thread holds a list lock across a safe point, so the collector never
// waits on one. Reference counts must be exact while the world is stopped: with PEP 703's
// biased counts the collector reads the merged count (local + shared) where it reads refcnt.
#include "runtime/gc.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/refcount.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

namespace rt {

// A list of tracked objects: circular, with a sentinel head.
struct GcList {
  GcHead head;
  int64_t count = 0;    // tracked allocations minus deallocations since the last collection
  int64_t tracked = 0;  // objects linked in this list
#if MINIPY_FREE_THREADED
  bool scheduled = false;           // this thread asked for a collection (owner and collector)
  std::atomic<bool> busy{false};    // the spinlock guarding the links and the counters
  bool taken = false;               // lock() took [busy]; read only by the thread holding it

  constexpr GcList() : head{&head, &head, 0, this} {}

  // While one thread runs (object_locks_active() false) no other thread can touch a list:
  // lock() takes nothing, as critical sections do (runtime/critical_section.h).
  void lock() {
    if (!object_locks_active()) return;
    while (busy.exchange(true, std::memory_order_acquire)) [[unlikely]] {
      int spins = 0;
      while (busy.load(std::memory_order_relaxed)) {
        if (++spins < 100) {
#if defined(__x86_64__) || defined(__i386__)
          __builtin_ia32_pause();
#elif defined(__aarch64__)
          asm volatile("yield");
#endif
        } else {
          std::this_thread::yield();
        }
      }
    }
    taken = true;
  }
  void unlock() {
    if (!taken) return;
    taken = false;
    busy.store(false, std::memory_order_release);
  }
#else
  constexpr GcList() : head{&head, &head, 0} {}
#endif
};

namespace {

constexpr int64_t kDefaultThreshold = 700;
constexpr int64_t kReached = INT64_MIN;  // [refs] of an object found reachable

struct GcState {
#if !MINIPY_FREE_THREADED
  GcList list;  // the tracked objects
  bool scheduled = false;
#endif
  // Settings, read by every thread's allocations (relaxed atomics: plain loads on x86).
  std::atomic<int64_t> threshold{kDefaultThreshold};
  std::atomic<int64_t> effective_threshold{kDefaultThreshold};
  std::atomic<bool> enabled{true};
  std::atomic<bool> collecting{false};
};
GcState gc;

inline int64_t threshold() { return gc.threshold.load(std::memory_order_relaxed); }
inline int64_t effective_threshold() { return gc.effective_threshold.load(std::memory_order_relaxed); }
inline bool enabled() { return gc.enabled.load(std::memory_order_relaxed); }
inline bool collecting() { return gc.collecting.load(std::memory_order_relaxed); }

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

#if MINIPY_FREE_THREADED

constinit thread_local GcList* tls_list = nullptr;  // the calling thread's list
std::mutex lists_mutex;        // guards [lists] and [spare]
std::vector<GcList*> lists;    // the lists of the live threads
std::vector<GcList*> spare;    // lists of exited threads (empty), reused; never freed
constinit GcList orphans;      // objects of exited threads (and of code before thread init)
constinit GcList garbage_list; // the garbage being cleared by a collection

inline GcList* load_list(GcHead* h) {
  return std::atomic_ref<GcList*>(h->list).load(std::memory_order_relaxed);
}
inline void store_list(GcHead* h, GcList* l) {
  std::atomic_ref<GcList*>(h->list).store(l, std::memory_order_relaxed);
}

// Locks the list [h] is linked in and returns it, or null if [h] is not tracked.
GcList* lock_list_of(GcHead* h) {
  for (;;) {
    GcList* l = load_list(h);
    if (l == nullptr) return nullptr;
    l->lock();
    if (load_list(h) == l) [[likely]] return l;
    l->unlock();  // moved (to orphans) meanwhile
  }
}

// Links [h] into [l]; the caller holds l's lock.
inline void link_locked(GcList* l, GcHead* h) {
  list_append(&l->head, h);
  store_list(h, l);
  ++l->tracked;
}

// The calling thread's list (orphans for a thread without a state).
inline GcList* home_list() {
  GcList* l = tls_list;
  return l != nullptr ? l : &orphans;
}

// Every list a collection walks, plus (for sums) garbage_list.
std::vector<GcList*> all_lists(bool with_garbage) {
  std::lock_guard<std::mutex> lock(lists_mutex);
  std::vector<GcList*> out(lists);
  out.push_back(&orphans);
  if (with_garbage) out.push_back(&garbage_list);
  return out;
}

#endif

// Asks the running thread to collect at its next safe point.
void schedule_collection() {
#if MINIPY_FREE_THREADED
  tls_list->scheduled = true;
#else
  gc.scheduled = true;
#endif
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

// Calls fn(list, head) on every object of the tracked lists [ls]; fn may unlink the head it
// is given.
template <class Fn>
void for_each_tracked(GcList* const* ls, size_t nls, Fn fn) {
  for (size_t i = 0; i < nls; ++i) {
    GcHead* list = &ls[i]->head;
    for (GcHead* h = list->next; h != list;) {
      GcHead* next = h->next;
      fn(ls[i], h);
      h = next;
    }
  }
}

// Moves the unreachable objects of the tracked lists [ls] to [garbage]; returns how many.
// The world is stopped: nobody else links or unlinks.
int64_t find_garbage(GcList* const* ls, size_t nls, GcHead* garbage) {
  for_each_tracked(ls, nls, [](GcList*, GcHead* h) { h->refs = refcount(gc_object(h)); });
  for_each_tracked(ls, nls, [](GcList*, GcHead* h) { traverse(h, visit_decref, nullptr); });
  std::vector<GcHead*> stack;
  for_each_tracked(ls, nls, [&stack](GcList*, GcHead* h) {
    if (h->refs > 0) {
      h->refs = kReached;
      stack.push_back(h);
    }
  });
  while (!stack.empty()) {
    GcHead* h = stack.back();
    stack.pop_back();
    traverse(h, visit_reach, &stack);
  }
  int64_t n = 0;
  for_each_tracked(ls, nls, [&](GcList* l, GcHead* h) {
    if (h->refs == kReached) return;
    list_remove(h);
    list_append(garbage, h);
#if MINIPY_FREE_THREADED
    // Frees of garbage now unlink it from garbage_list (and count there).
    store_list(h, &garbage_list);
    --l->tracked;
    ++garbage_list.tracked;
#endif
    n += 1 - owned_instance_dicts(gc_object(h));
  });
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
#if MINIPY_FREE_THREADED
      --garbage_list.tracked;
      GcList* l = home_list();
      l->lock();
      link_locked(l, h);
      l->unlock();
#else
      list_append(&gc.list.head, h);
#endif
    }
    decref(o);
  }
}

// A zeroed object of [size] bytes with its GcHead in front, header initialised, not linked.
GcHead* new_gc_block(Type* t, size_t size) {
  void* mem = alloc_bytes(sizeof(GcHead) + size);
  std::memset(mem, 0, sizeof(GcHead) + size);
  GcHead* h = static_cast<GcHead*>(mem);
  init_header(gc_object(h), t, kGcHasHead);
  return h;
}

// Whether a list that has counted [count] allocations should ask for a collection.
inline bool over_threshold(int64_t count, bool scheduled) {
  return count > effective_threshold() && !scheduled && enabled() && threshold() > 0 && !collecting();
}

}  // namespace

#if MINIPY_FREE_THREADED

Object* gc_alloc_object(Type* t, size_t size) {
  GcHead* h = new_gc_block(t, size);
  GcList* l = home_list();
  l->lock();
  link_locked(l, h);
  int64_t count = ++l->count;
  l->unlock();
  // A thread without a state (orphans) never collects by itself.
  if (l != &orphans && over_threshold(count, l->scheduled)) [[unlikely]] schedule_collection();
  return gc_object(h);
}

namespace {
// Unlinks [h] from its list if it is tracked; [freed] also takes it off the allocation count.
// While one thread runs, no list can change under the caller: no lock, no second look.
inline void untrack_head(GcHead* h, bool freed) {
  GcList* l = load_list(h);
  if (l == nullptr) return;
  if (object_locks_active()) [[unlikely]] {
    l = lock_list_of(h);
    if (l == nullptr) return;
  }
  list_remove(h);
  store_list(h, nullptr);
  --l->tracked;
  if (freed && l->count > 0) --l->count;
  l->unlock();
}
}  // namespace

void gc_free_object(Object* o) {
  GcHead* h = gc_head(o);
  untrack_head(h, true);
  free_bytes(h);
}

bool gc_is_tracked(Object* o) {
  return (o->gc_bits & kGcHasHead) && load_list(gc_head(o)) != nullptr;
}

void gc_track(Object* o) {
  if (!(o->gc_bits & kGcHasHead)) return;
  GcHead* h = gc_head(o);
  GcList* l = home_list();
  l->lock();
  if (load_list(h) == nullptr) link_locked(l, h);
  l->unlock();
}

void gc_untrack(Object* o) {
  if (o->gc_bits & kGcHasHead) untrack_head(gc_head(o), false);
}

void gc_thread_start() {
  if (tls_list != nullptr) return;
  std::lock_guard<std::mutex> lock(lists_mutex);
  GcList* l;
  if (!spare.empty()) {
    l = spare.back();
    spare.pop_back();
  } else {
    l = new GcList();
  }
  lists.push_back(l);
  tls_list = l;
}

void gc_thread_exit() {
  GcList* l = tls_list;
  if (l == nullptr) return;
  tls_list = nullptr;
  std::lock_guard<std::mutex> lock(lists_mutex);
  l->lock();
  orphans.lock();
  if (!list_empty(&l->head)) {
    for (GcHead* h = l->head.next; h != &l->head; h = h->next) store_list(h, &orphans);
    GcHead* first = l->head.next;
    GcHead* last = l->head.prev;
    GcHead* tail = orphans.head.prev;
    tail->next = first;
    first->prev = tail;
    last->next = &orphans.head;
    orphans.head.prev = last;
    l->head.next = l->head.prev = &l->head;
  }
  orphans.tracked += l->tracked;
  orphans.count += l->count;
  l->tracked = 0;
  l->count = 0;
  l->scheduled = false;
  orphans.unlock();
  l->unlock();
  std::erase(lists, l);
  spare.push_back(l);
}

int64_t gc_collect() {
  if (collecting()) return 0;
  vm::stop_the_world();
  gc.collecting.store(true, std::memory_order_relaxed);
#if MINIPY_FREE_THREADED
  refcount_fold_shared();  // exact counts of the module globals counted per thread
#endif
  GcHead* garbage = &garbage_list.head;
  std::vector<GcList*> ls = all_lists(false);
  int64_t n = find_garbage(ls.data(), ls.size(), garbage);
  delete_garbage(garbage);  // freeing an object decrements its list's [tracked]
  int64_t tracked = 0;
  for (GcList* l : all_lists(true)) {
    l->lock();
    l->count = 0;
    l->scheduled = false;
    tracked += l->tracked;
    l->unlock();
  }
  gc.effective_threshold.store(std::max(threshold(), tracked / 2), std::memory_order_relaxed);
  gc.collecting.store(false, std::memory_order_relaxed);
  vm::start_the_world();
  return n;
}

void gc_collect_scheduled() {
  GcList* l = tls_list;
  if (l == nullptr || !l->scheduled) return;
  l->scheduled = false;
  if (enabled() && threshold() > 0) gc_collect();
}

// The sum of one counter over every list, each read under its lock.
static int64_t sum_over_lists(int64_t GcList::*counter) {
  int64_t n = 0;
  for (GcList* l : all_lists(true)) {
    l->lock();
    n += l->*counter;
    l->unlock();
  }
  return n;
}

int64_t gc_get_count() { return sum_over_lists(&GcList::count); }

int64_t gc_tracked_count() { return sum_over_lists(&GcList::tracked); }

#else  // !MINIPY_FREE_THREADED

Object* gc_alloc_object(Type* t, size_t size) {
  GcHead* h = new_gc_block(t, size);
  list_append(&gc.list.head, h);
  ++gc.list.tracked;
  if (over_threshold(++gc.list.count, gc.scheduled)) [[unlikely]] schedule_collection();
  return gc_object(h);
}

void gc_free_object(Object* o) {
  GcHead* h = gc_head(o);
  if (h->next != nullptr) {
    list_remove(h);
    --gc.list.tracked;
    if (gc.list.count > 0) --gc.list.count;
  }
  free_bytes(h);
}

bool gc_is_tracked(Object* o) { return (o->gc_bits & kGcHasHead) && gc_head(o)->next != nullptr; }

void gc_track(Object* o) {
  if (!(o->gc_bits & kGcHasHead) || gc_head(o)->next != nullptr) return;
  list_append(&gc.list.head, gc_head(o));
  ++gc.list.tracked;
}

void gc_untrack(Object* o) {
  if (!gc_is_tracked(o)) return;
  list_remove(gc_head(o));
  --gc.list.tracked;
}

int64_t gc_collect() {
  if (collecting()) return 0;
  vm::stop_the_world();
  gc.collecting.store(true, std::memory_order_relaxed);
  GcHead garbage{&garbage, &garbage, 0};
  GcList* l = &gc.list;
  int64_t n = find_garbage(&l, 1, &garbage);
  delete_garbage(&garbage);  // freeing an object decrements gc.list.tracked
  gc.list.count = 0;
  gc.effective_threshold.store(std::max(threshold(), gc.list.tracked / 2), std::memory_order_relaxed);
  gc.scheduled = false;
  gc.collecting.store(false, std::memory_order_relaxed);
  vm::start_the_world();
  return n;
}

void gc_collect_scheduled() {
  if (!gc.scheduled) return;
  gc.scheduled = false;
  if (enabled() && threshold() > 0) gc_collect();
}

int64_t gc_get_count() { return gc.list.count; }
int64_t gc_tracked_count() { return gc.list.tracked; }

#endif

void gc_set_enabled(bool on) { gc.enabled.store(on, std::memory_order_relaxed); }
bool gc_is_enabled() { return enabled(); }
int64_t gc_get_threshold() { return threshold(); }

void gc_set_threshold(int64_t t) {
  gc.threshold.store(t, std::memory_order_relaxed);
  gc.effective_threshold.store(std::max<int64_t>(t, gc_tracked_count() / 2), std::memory_order_relaxed);
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

void defer_function_refcount(Object* o) {
  if (!immortalize_deferred.load(std::memory_order_acquire) && (o->gc_bits & kGcHasHead))
    o->gc_bits |= kGcDeferred;
}

void gc_immortalize_deferred() {
  if (immortalize_deferred.exchange(true)) return;
  for (GcList* l : all_lists(false)) {
    l->lock();
    for (GcHead* h = l->head.next; h != &l->head; h = h->next) {
      Object* o = gc_object(h);
      if (o->gc_bits & kGcDeferred) make_immortal(o);
    }
    l->unlock();
  }
}
#endif

}  // namespace rt
