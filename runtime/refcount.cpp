// Reference counting's slow paths: PEP 703's biased reference counts (free-threaded build)
// and resurrection in dealloc slots (both builds). The fast paths are inline in object.h.
//
// Notes about the implementation (free-threaded build)
// ----------------------------------------------------
// Most objects are only ever touched by the thread that created them, so that thread (the
// owner) counts in [refcnt] with plain loads and stores, and only other threads pay for an
// atomic add on [shared]. The logical count is refcnt + (shared >> 2); the low two bits of
// [shared] are a state:
//   0       not merged: the owner counts locally, others in [shared]
//   queued  a non-owner's decrement found the shared count at zero: it could not know
//           whether the object is dead (the local count is the owner's), so instead of
//           decrementing it queued the object to the owner, which merges at its next safe
//           point (eval-breaker bit) and applies the pending decrement. The queued reference
//           keeps the object alive until then.
//   merged  owner 0: everyone counts in [shared]; it reaching zero frees the object.
// When the owner's local count drops to zero: if [shared] is zero nobody else holds a
// reference and the object dies at once (the common case, no atomic read-modify-write);
// otherwise the owner gives the object up (owner = 0, state merged) and the last thread to
// decrement [shared] frees it.
// A thread that exits merges its queue; an object queued for a thread that has already exited
// is merged by the queuing thread itself (nobody touches a dead owner's local count).
// Thread ids are never reused, so an exited owner's objects are never mistaken for a new
// thread's.
//
// Module globals shared by threads (a list they all append to, a lock they all take) would
// make every thread but the owner add to one atomic [shared]: the cache line would move
// between cores on every load of the global. When a program starts its second thread, the
// values of module dicts (up to 255) get owner kOwnerPerThread instead: each thread counts its
// references in its own array (tls_ref_deltas, indexed by the object's [reserved] byte), with
// no atomic and no shared write. Such an object is never freed by a decrement: the cycle
// collector, with the world stopped, adds every thread's counts into [shared] and frees those
// at zero (refcount_fold_shared); an exiting thread adds its own. Once the main thread is alone
// again (the last thread exited, or was joined), the objects become its own with their exact
// count (refcount_unshare_all), so single-threaded code frees them as promptly as CPython.
// CPython 3.14t counts heap types and code objects per thread the same way.
#include <mutex>
#include <unordered_map>
#include <vector>

#include "runtime/object.h"
#include "runtime/refcount.h"
#include "vm/trace.h"

namespace rt {

#if !MINIPY_FREE_THREADED

void resurrect(Object* o) { o->refcnt = 1; }
bool unresurrect(Object* o) { return --o->refcnt == 0; }

#else

namespace {

struct MergeQueue {
  std::atomic<uint32_t>* eval_breaker;
  uint32_t breaker_bit;
  std::vector<Object*> objects;
};

// The live threads' queues by thread id. Only the slow paths take the lock.
std::mutex queues_mutex;
std::unordered_map<uint32_t, MergeQueue> queues;

// Objects counted per thread (refcount_share), by their [reserved] index (1..255), and every
// registered thread's array of counts (tls_ref_deltas). Guarded by shared_mutex.
std::mutex shared_mutex;
Object* shared_objects[256];
int shared_used = 0;
std::vector<int32_t*> delta_arrays;

// Adds [deltas] into the shared objects' counts and zeroes them; shared_mutex held.
void fold_deltas(int32_t* deltas) {
  for (int i = 1; i <= shared_used; ++i) {
    if (deltas[i] == 0) continue;
    if (Object* o = shared_objects[i])
      atomic_field(o->shared).fetch_add(int32_t(uint32_t(deltas[i]) << 2), std::memory_order_relaxed);
    deltas[i] = 0;
  }
}

// Merges [o]'s counts into [shared] (state merged, owner 0) adding [extra]; returns the
// resulting count. Called by the owner, or by anyone once the owner has exited.
// The local count and the owner are cleared before the merged state is published: once it is,
// another thread's decrement may free the object.
int64_t explicit_merge(Object* o, int32_t extra) {
  int32_t local = int32_t(atomic_field(o->refcnt).load(std::memory_order_relaxed));
  atomic_field(o->refcnt).store(0, std::memory_order_relaxed);
  atomic_field(o->owner).store(0, std::memory_order_relaxed);
  vm::stats_count_refcount_merge();
  int32_t shared = atomic_field(o->shared).load(std::memory_order_relaxed);
  int32_t count, desired;
  do {
    count = (shared >> 2) + local + extra;
    desired = int32_t(uint32_t(count) << 2) | kSharedMerged;
  } while (!atomic_field(o->shared).compare_exchange_weak(shared, desired, std::memory_order_acq_rel,
                                                         std::memory_order_relaxed));
  return count;
}

}  // namespace

// The owner's local count reached zero. Returns true if no reference is left at all (the
// caller deallocates); otherwise hands the object to the shared count (owner 0, merged), whose
// last decrement will free it.
static bool local_count_reached_zero(Object* o) {
  int32_t shared = atomic_field(o->shared).load(std::memory_order_acquire);
  if (shared == 0) return true;  // no other thread holds a reference
  atomic_field(o->owner).store(0, std::memory_order_relaxed);
  vm::stats_count_refcount_merge();
  int32_t desired;
  do {
    desired = shared | kSharedMerged;
  } while (!atomic_field(o->shared).compare_exchange_weak(shared, desired, std::memory_order_acq_rel,
                                                         std::memory_order_relaxed));
  return desired == kSharedMerged;
}

void refcount_merge_zero_local(Object* o) {
  if (local_count_reached_zero(o)) dealloc(o);
}

void refcount_incref_shared(Object* o) {
  if (atomic_field(o->owner).load(std::memory_order_relaxed) == kOwnerPerThread)
    ++tls_ref_deltas[o->reserved];
  else
    atomic_field(o->shared).fetch_add(kSharedOne, std::memory_order_relaxed);
}

void refcount_decref_shared(Object* o) {
  if (atomic_field(o->owner).load(std::memory_order_relaxed) == kOwnerPerThread) {
    --tls_ref_deltas[o->reserved];  // never frees: the collector does (refcount_fold_shared)
    return;
  }
  int32_t shared = atomic_field(o->shared).load(std::memory_order_relaxed);
  bool queue;
  int32_t desired;
  do {
    queue = shared == 0;
    desired = queue ? kSharedQueued : shared - kSharedOne;
  } while (!atomic_field(o->shared).compare_exchange_weak(shared, desired, std::memory_order_acq_rel,
                                                         std::memory_order_relaxed));
  if (queue) {
    uint32_t owner = atomic_field(o->owner).load(std::memory_order_relaxed);
    {
      std::lock_guard<std::mutex> lock(queues_mutex);
      auto it = queues.find(owner);
      if (it != queues.end()) {
        it->second.objects.push_back(o);
        it->second.eval_breaker->fetch_or(it->second.breaker_bit, std::memory_order_relaxed);
        return;
      }
    }
    // The owner has exited: merge here, applying the queued decrement.
    if (explicit_merge(o, -1) == 0) dealloc(o);
  } else if (desired == kSharedMerged) {
    dealloc(o);
  }
}

void resurrect(Object* o) {
  atomic_field(o->owner).store(tls_thread_id, std::memory_order_relaxed);
  atomic_field(o->shared).store(0, std::memory_order_relaxed);
  atomic_field(o->refcnt).store(1, std::memory_order_relaxed);
}

bool unresurrect(Object* o) {
  if (atomic_field(o->owner).load(std::memory_order_relaxed) != tls_thread_id) {
    // Another thread took a reference and the counts were merged meanwhile.
    int32_t shared = atomic_field(o->shared).fetch_sub(kSharedOne, std::memory_order_acq_rel) - kSharedOne;
    return shared == kSharedMerged;
  }
  uint32_t local = atomic_field(o->refcnt).load(std::memory_order_relaxed) - 1;
  atomic_field(o->refcnt).store(local, std::memory_order_relaxed);
  if (local != 0) return false;
  return local_count_reached_zero(o);
}

void refcount_thread_start(uint32_t id, std::atomic<uint32_t>* eval_breaker, uint32_t breaker_bit) {
  {
    std::lock_guard<std::mutex> lock(shared_mutex);
    delta_arrays.push_back(tls_ref_deltas);
  }
  std::lock_guard<std::mutex> lock(queues_mutex);
  queues[id] = MergeQueue{eval_breaker, breaker_bit, {}};
}

bool refcount_share(Object* o) {
  if (is_immortal(o) || atomic_field(o->owner).load(std::memory_order_relaxed) != tls_thread_id) return false;
  std::lock_guard<std::mutex> lock(shared_mutex);
  if (shared_used == 255) return false;
  int32_t shared = atomic_field(o->shared).load(std::memory_order_relaxed);
  int32_t count = int32_t(atomic_field(o->refcnt).load(std::memory_order_relaxed)) + (shared >> 2);
  shared_objects[++shared_used] = o;
  o->reserved = uint8_t(shared_used);
  atomic_field(o->shared).store(int32_t(uint32_t(count) << 2) | kSharedMerged, std::memory_order_relaxed);
  atomic_field(o->refcnt).store(0, std::memory_order_relaxed);
  atomic_field(o->owner).store(kOwnerPerThread, std::memory_order_relaxed);
  return true;
}

void refcount_unshare_all() {
  std::vector<Object*> dead;
  {
    std::lock_guard<std::mutex> lock(shared_mutex);
    fold_deltas(tls_ref_deltas);
    for (int i = 1; i <= shared_used; ++i) {
      Object* o = shared_objects[i];
      shared_objects[i] = nullptr;
      if (o == nullptr || is_immortal(o)) continue;
      int32_t count = atomic_field(o->shared).load(std::memory_order_relaxed) >> 2;
      if (count == 0) {
        dead.push_back(o);
        continue;
      }
      atomic_field(o->shared).store(0, std::memory_order_relaxed);
      atomic_field(o->refcnt).store(uint32_t(count), std::memory_order_relaxed);
      atomic_field(o->owner).store(tls_thread_id, std::memory_order_relaxed);
    }
    shared_used = 0;  // every thread's counts are zero: the slots can be used again
  }
  for (Object* o : dead) dealloc(o);
}

bool refcount_shared_full() {
  std::lock_guard<std::mutex> lock(shared_mutex);
  return shared_used == 255;
}

void refcount_fold_shared() {
  std::vector<Object*> dead;
  {
    std::lock_guard<std::mutex> lock(shared_mutex);
    for (int32_t* deltas : delta_arrays) fold_deltas(deltas);
    for (int i = 1; i <= shared_used; ++i) {
      Object* o = shared_objects[i];
      if (o == nullptr || is_immortal(o)) continue;
      if ((atomic_field(o->shared).load(std::memory_order_relaxed) >> 2) == 0) {
        shared_objects[i] = nullptr;  // reused only after refcount_unshare_all
        dead.push_back(o);
      }
    }
  }
  for (Object* o : dead) dealloc(o);
}

void refcount_merge_queued() {
  std::vector<Object*> objects;
  {
    std::lock_guard<std::mutex> lock(queues_mutex);
    auto it = queues.find(tls_thread_id);
    if (it == queues.end()) return;
    objects.swap(it->second.objects);
  }
  for (Object* o : objects)
    if (explicit_merge(o, -1) == 0) dealloc(o);
}

void refcount_thread_exit() {
  refcount_merge_queued();
  {
    std::lock_guard<std::mutex> lock(shared_mutex);
    fold_deltas(tls_ref_deltas);
    std::erase(delta_arrays, tls_ref_deltas);
  }
  std::vector<Object*> objects;
  {
    std::lock_guard<std::mutex> lock(queues_mutex);
    auto it = queues.find(tls_thread_id);
    if (it == queues.end()) return;
    objects.swap(it->second.objects);
    queues.erase(it);
    tls_thread_id = 0;  // from now on this thread counts like any non-owner
  }
  for (Object* o : objects)
    if (explicit_merge(o, -1) == 0) dealloc(o);
}


#endif

}  // namespace rt
