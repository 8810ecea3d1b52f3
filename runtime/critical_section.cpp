// Per-object locks and critical sections (free-threaded build). Design: critical_section.h.
//
// Notes about the implementation
// ------------------------------
// - The lock is the header's [mutex] byte. Uncontended locking is one compare-and-swap, and
//   unlocking another. A thread that finds it locked spins briefly (critical sections are
//   short: an append, a dict store), then sets kMutexParked and sleeps on one of 64 condition
//   variables chosen by the object's address (a "parking lot", as WebKit's and CPython's). The
//   unlocker sees kMutexParked, clears the byte under that bucket's mutex and wakes the
//   bucket's sleepers, who race for the lock again.
// - Before sleeping a thread releases the locks of all its critical sections and detaches
//   (so a stop-the-world does not wait for it); after taking the lock it attaches and re-takes
//   the innermost enclosing section's locks. Every thread that waits therefore holds at most
//   the first lock of a two-object section, and those are taken in address order: no cycle of
//   waiting threads can form.
#include "runtime/critical_section.h"

#if MINIPY_FREE_THREADED

#include <condition_variable>
#include <mutex>
#include <thread>

#include "vm/gil.h"
#include "vm/trace.h"
#include "vm/thread_state.h"

namespace rt {

namespace {

struct Bucket {
  std::mutex mutex;
  std::condition_variable cond;
};
Bucket buckets[64];

Bucket& bucket_of(const Object* o) {
  auto a = reinterpret_cast<uintptr_t>(o);
  return buckets[(a >> 4 ^ a >> 10) & 63];
}

thread_local bool tls_resuming = false;           // inside critical_sections_resume

}  // namespace

bool object_lock_slow(Object* o) {
  std::atomic_ref<uint8_t> m = atomic_field(o->mutex);
  // Critical sections are short (an append, a dict store): spin a while before parking, which
  // costs system calls and a detach.
  for (int i = 0; i < 200; ++i) {
    uint8_t v = m.load(std::memory_order_relaxed);
    if (!(v & kMutexLocked) && m.compare_exchange_weak(v, v | kMutexLocked, std::memory_order_acquire))
      return false;
    __builtin_ia32_pause();
  }
  vm::LockWaitTrace wait_trace;  // -X gilstats / -X timeline: a wait for a per-object lock
  vm::ThreadState* ts = vm::current_thread();
  bool detached = false, suspended = false;
  Bucket& b = bucket_of(o);
  for (;;) {
    uint8_t v = m.load(std::memory_order_relaxed);
    if (!(v & kMutexLocked)) {
      if (m.compare_exchange_weak(v, v | kMutexLocked, std::memory_order_acquire)) break;
      continue;
    }
    if (!detached && ts->status.load(std::memory_order_relaxed) == vm::kAttached) {
      // Hold nothing while asleep; let a stop-the-world proceed without this thread.
      if (!tls_resuming) {
        critical_sections_suspend();
        suspended = true;
      }
      ts->status.store(vm::kDetached, std::memory_order_release);
      vm::thread_status_changed();
      detached = true;
      continue;  // the holder may have finished meanwhile
    }
    std::unique_lock<std::mutex> lock(b.mutex);
    v = m.load(std::memory_order_relaxed);
    if (!(v & kMutexLocked)) continue;
    if (!(v & kMutexParked) && !m.compare_exchange_strong(v, v | kMutexParked, std::memory_order_relaxed))
      continue;
    b.cond.wait(lock, [&] { return !(m.load(std::memory_order_relaxed) & kMutexParked); });
  }
  if (detached) vm::thread_attach_status(ts);
  // The suspended sections are not re-locked here, while [o] is held: a thread holding one of
  // their objects may be waiting for [o] (a dict's __eq__ appending to a list whose own
  // __eq__ reads the dict). They are re-locked when the section that takes [o] ends.
  return suspended;
}

void LeafCriticalSection::lock_contended(Object* o) {
  while (object_lock_slow(o)) {
    object_unlock(o);
    critical_sections_resume();
    uint8_t expected = 0;
    if (atomic_field(o->mutex).compare_exchange_strong(expected, kMutexLocked, std::memory_order_acquire,
                                                       std::memory_order_relaxed))
      return;
  }
}

void object_unlock_slow(Object* o) {
  Bucket& b = bucket_of(o);
  {
    std::lock_guard<std::mutex> lock(b.mutex);
    atomic_field(o->mutex).store(0, std::memory_order_release);
  }
  b.cond.notify_all();
}

bool CriticalSection::held_by_thread(Object* o) {
  for (CriticalSection* cs = tls_cs_top; cs != nullptr; cs = cs->prev_)
    if (cs->held_ && (cs->a_ == o || cs->b_ == o)) return true;
  return false;
}

void CriticalSection::begin(Object* a, Object* b) {
  if (vm::gil_enabled()) return;  // -X gil=1: the GIL already serializes everything
  if (a == b) b = nullptr;
  if (a != nullptr && held_by_thread(a)) a = nullptr;
  if (b != nullptr && held_by_thread(b)) b = nullptr;
  if (a == nullptr) std::swap(a, b);
  if (a == nullptr) return;
  if (b != nullptr && b < a) std::swap(a, b);
  a_ = a;
  b_ = b;
  prev_ = tls_cs_top;
  if (object_locks_on.load(std::memory_order_acquire))
    lock_all();
  else
    lockless_ = true;
  held_ = true;
  tls_cs_top = this;
}

void CriticalSection::end() {
  if (a_ == nullptr) return;
  if (held_ && !lockless_) unlock_all();
  held_ = false;
  tls_cs_top = prev_;
  if (prev_ != nullptr && !prev_->held_) {
    tls_resuming = true;
    prev_->lock_all();
    tls_resuming = false;
    prev_->held_ = true;
  }
}

void object_locks_enable() {
  if (vm::gil_enabled() || object_locks_on.load(std::memory_order_relaxed)) return;
  object_locks_on.store(true, std::memory_order_release);
  // The caller is the only thread: nobody else holds or waits for these locks.
  for (CriticalSection* cs = tls_cs_top; cs != nullptr; cs = cs->prev_) {
    if (cs->lockless_) {
      cs->lock_all();
      cs->lockless_ = false;
    }
  }
}

void object_locks_disable() { object_locks_on.store(false, std::memory_order_release); }

void CriticalSection::lock_all() {
  object_lock(a_);
  if (b_ != nullptr) object_lock(b_);
}

void CriticalSection::unlock_all() {
  if (b_ != nullptr) object_unlock(b_);
  object_unlock(a_);
}

void critical_sections_suspend() {
  for (CriticalSection* cs = tls_cs_top; cs != nullptr; cs = cs->prev_) {
    if (cs->held_ && !cs->lockless_) {
      cs->unlock_all();
      cs->held_ = false;
    }
  }
}

void critical_sections_resume() {
  CriticalSection* cs = tls_cs_top;
  if (cs == nullptr || cs->held_ || tls_resuming) return;
  tls_resuming = true;
  cs->lock_all();
  tls_resuming = false;
  cs->held_ = true;
}


}  // namespace rt

#endif
