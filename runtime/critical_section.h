// Per-object locks and critical sections: how the free-threaded build keeps containers (list,
// dict, set, instance dicts) consistent when threads mutate them in parallel. In the GIL build
// every type here is empty and every call compiles to nothing.
//
//   rt::CriticalSection cs(list);        // locks [list] for the scope
//   rt::CriticalSection2 cs(a, b);       // two objects, locked in address order
//   rt::LeafCriticalSection cs(list);    // a section that runs no Python code and never blocks
//
// While the process runs one thread (and with -X gil=1), no lock is taken at all: a section
// only records what it would hold. When that thread starts a second one (spawn_thread), it
// first locks what its open sections hold (object_locks_enable), so from then on every
// section holds its locks; when the last other thread has exited, sections go lockless again.
//
// As in CPython 3.13t (PEP 703): the lock is one byte in the object header (Object::mutex);
// a thread that has to wait parks (no spinning) and detaches from the VM while it waits, so a
// stop-the-world does not wait for it. Critical sections nest; a thread that detaches (blocks
// in a call, or waits for another lock) releases the locks of all its critical sections. It
// re-takes the innermost one when it attaches again after a blocking call; after waiting for
// a lock, only once it no longer holds that lock (when the section that took it ends, or at
// once for a leaf section, which lets go of it and tries again); the outer ones when the inner
// ones end. It never waits for one lock while holding another it had released, so two
// threads can never deadlock on per-object locks even when Python code runs inside a
// critical section (a user __eq__ called by list.index that appends to a list whose __eq__
// reads the dict). Locking an object the innermost critical section already holds is a
// no-op, so re-entering the same container (a __hash__ that reads the dict being updated)
// does not deadlock either.
#pragma once

#include "runtime/object.h"

namespace rt {

#if MINIPY_FREE_THREADED

}  // namespace rt
namespace vm {
extern bool gil_runtime_enabled;  // vm/gil.h
}  // namespace vm
namespace rt {

class CriticalSection;
// Whether critical sections take their locks: more than one thread runs and there is no GIL.
inline constinit std::atomic<bool> object_locks_on{false};
// Called by the thread that starts a second thread, before that thread exists: turns locking
// on and locks what the caller's open sections hold. And when the last other thread is gone.
void object_locks_enable();
void object_locks_disable();
// Whether other threads may touch objects concurrently (no GIL and more than one thread).
inline bool object_locks_active() { return object_locks_on.load(std::memory_order_acquire); }

// The calling thread's innermost critical section.
inline constinit thread_local CriticalSection* tls_cs_top = nullptr;

// The byte's bits: locked, and "a thread is parked waiting for it".
constexpr uint8_t kMutexLocked = 1;
constexpr uint8_t kMutexParked = 2;

// Contended: parks until [o] is unlocked, then locks it. A thread that has to park first
// releases the locks of its critical sections (they are then not held): returns true if it
// did. They are re-taken without holding [o]: when the section that took [o] ends, or at
// once by a leaf section, which lets go of [o] to do so and then tries again.
bool object_lock_slow(Object* o);
void object_unlock_slow(Object* o);  // waiters: wake them

inline void object_lock(Object* o) {
  uint8_t expected = 0;
  if (!atomic_field(o->mutex).compare_exchange_strong(expected, kMutexLocked, std::memory_order_acquire,
                                                      std::memory_order_relaxed))
    object_lock_slow(o);
}
inline void object_unlock(Object* o) {
  uint8_t expected = kMutexLocked;
  if (!atomic_field(o->mutex).compare_exchange_strong(expected, 0, std::memory_order_release,
                                                      std::memory_order_relaxed))
    object_unlock_slow(o);
}

class CriticalSection {
 public:
  // The common case inline: one object, free, no GIL: one compare-and-swap to enter, one to
  // leave. Everything else (contention, re-entry, two objects, a suspended outer section)
  // goes through begin()/end().
  explicit CriticalSection(Object* o) { enter(o); }
  explicit CriticalSection(Value v) { enter(v.is_obj() ? v.as_obj() : nullptr); }
  ~CriticalSection() {
    if (a_ == nullptr) return;
    if (held_ && b_ == nullptr && (prev_ == nullptr || prev_->held_)) {
      if (!lockless_) object_unlock(a_);
      tls_cs_top = prev_;
      return;
    }
    end();
  }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

 protected:
  CriticalSection() = default;
  // The section links itself into the thread's chain (tls_cs_top) and unlinks in its
  // destructor, which GCC's -Wdangling-pointer cannot see.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wdangling-pointer"
  void enter(Object* o) {
    if (o == nullptr) return;
    if (object_locks_on.load(std::memory_order_acquire)) {
      lock_enter(o);
      return;
    }
    a_ = o;  // one thread (or a GIL): record the section, take no lock
    prev_ = tls_cs_top;
    held_ = true;
    lockless_ = true;
    tls_cs_top = this;
  }
  void lock_enter(Object* o) {
    uint8_t expected = 0;
    if (!atomic_field(o->mutex).compare_exchange_strong(expected, kMutexLocked, std::memory_order_acquire,
                                                        std::memory_order_relaxed)) {
      begin(o, nullptr);
      return;
    }
    a_ = o;
    prev_ = tls_cs_top;
    held_ = true;
    tls_cs_top = this;
  }
#pragma GCC diagnostic pop
  void begin(Object* a, Object* b);
  void end();

 private:
  friend void critical_sections_suspend();
  friend void critical_sections_resume();
  friend void object_locks_enable();
  friend class LeafCriticalSection;
  // Whether [o] is locked by one of the calling thread's active critical sections.
  static bool held_by_thread(Object* o);
  void lock_all();
  void unlock_all();
  CriticalSection* prev_ = nullptr;
  Object* a_ = nullptr;  // null: nothing to lock (or the enclosing section holds it)
  Object* b_ = nullptr;
  bool held_ = false;      // the section holds its objects (locked, or lockless_)
  bool lockless_ = false;  // held without locking: the thread was alone when it began
};

// Releases the locks of the calling thread's sections (before it blocks), and re-takes those
// of the innermost one (after): vm::thread_detach / thread_attach (vm/gil.h), and a thread
// that had to wait for an object's lock, once it has released that lock.
void critical_sections_suspend();
void critical_sections_resume();

// A section inside which no Python code runs and nothing blocks: a read or a store of a few
// fields (the interpreter's inline list and dict paths, a list iterator's next). While the
// thread is alone it costs one load: no thread can start inside it, so it need not be
// recorded.
class LeafCriticalSection {
 public:
  explicit LeafCriticalSection(Object* o) {
    if (o != nullptr && object_locks_on.load(std::memory_order_acquire)) [[unlikely]]
      lock(o);
  }
  ~LeafCriticalSection() {
    if (locked_ != nullptr) [[unlikely]]
      object_unlock(locked_);
  }
  LeafCriticalSection(const LeafCriticalSection&) = delete;
  LeafCriticalSection& operator=(const LeafCriticalSection&) = delete;

 private:
  // Not linked into the thread's chain of sections: nothing can suspend it, since nothing
  // inside it blocks or runs a nested section.
  void lock(Object* o) {
    uint8_t expected = 0;
    if (!atomic_field(o->mutex).compare_exchange_strong(expected, kMutexLocked, std::memory_order_acquire,
                                                        std::memory_order_relaxed)) {
      if (CriticalSection::held_by_thread(o)) return;  // an enclosing section holds it
      lock_contended(o);
    }
    locked_ = o;
  }
  // Waits for [o]. If waiting released the locks of the thread's sections, it lets go of [o]
  // to re-take them, holding nothing else, and tries again.
  static void lock_contended(Object* o);
  Object* locked_ = nullptr;
};

class CriticalSection2 : public CriticalSection {
 public:
  CriticalSection2(Object* a, Object* b) { begin(a, b); }
  CriticalSection2(Value a, Value b) {
    begin(a.is_obj() ? a.as_obj() : nullptr, b.is_obj() ? b.as_obj() : nullptr);
  }
};

#else

class CriticalSection {
 public:
  explicit CriticalSection(Object*) {}
  explicit CriticalSection(Value) {}
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;
};
class LeafCriticalSection {
 public:
  explicit LeafCriticalSection(Object*) {}
  LeafCriticalSection(const LeafCriticalSection&) = delete;
  LeafCriticalSection& operator=(const LeafCriticalSection&) = delete;
};
class CriticalSection2 {
 public:
  CriticalSection2(Object*, Object*) {}
  CriticalSection2(Value, Value) {}
  CriticalSection2(const CriticalSection2&) = delete;
  CriticalSection2& operator=(const CriticalSection2&) = delete;
};
inline void critical_sections_suspend() {}
inline void critical_sections_resume() {}
inline void object_locks_enable() {}
inline void object_locks_disable() {}
inline bool object_locks_active() { return false; }

#endif

}  // namespace rt
