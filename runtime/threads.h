// Native threads for the threading modules (_thread, threading, queue, concurrent.futures):
// starting an OS thread that runs Python code, the blocking primitives they share (which
// release the GIL while they wait and never spin), and waiting for threads at exit.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "runtime/objects.h"

namespace rt {

// Timeouts in seconds; a negative value waits forever.
using Seconds = double;

// Waits on [cv] (with [lock] held) until [ready]() or the timeout passes, with the GIL
// released. Returns ready(). Touches no Python object.
bool wait_released(std::condition_variable& cv, std::unique_lock<std::mutex>& lock, Seconds timeout,
                   const std::function<bool()>& ready);

// Locks [lock] (constructed deferred): without blocking if it is free, else waiting with the
// GIL released. A thread never blocks on a native mutex while holding the GIL, so the holder of
// the mutex may run Python code (and wait for the GIL) without a deadlock.
void lock_released(std::unique_lock<std::mutex>& lock);

// A lock that any thread may release (unlike std::mutex), as Python's Lock. The state is one
// atomic word, so an uncontended acquire or release is one atomic instruction; [m_] and [cv_]
// serve only threads that must wait (state 2: "locked, and someone may be waiting", which makes
// the release wake them).
class NativeLock {
 public:
  bool try_acquire() {
    int expected = kUnlocked;
    return state_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire,
                                          std::memory_order_relaxed);
  }
  // Blocks (GIL released) up to [timeout]; false if it timed out.
  bool acquire(Seconds timeout);
  // False if the lock was not held.
  bool release();
  bool locked() { return state_.load(std::memory_order_relaxed) != kUnlocked; }

 private:
  static constexpr int kUnlocked = 0, kLocked = 1, kContended = 2;
  std::atomic<int> state_{kUnlocked};
  std::mutex m_;
  std::condition_variable cv_;
};

// Parses a timeout argument: null or None -> -1 (forever); a number >= 0; otherwise
// ValueError "timeout value must be a non-negative number" (or [negative_ok]: -1).
Seconds timeout_arg(Value v);

// A timeout [v] converted as CPython's locks convert theirs (_PyTime_FromSecondsObject: an
// int or a float; "'str' object cannot be interpreted as an integer", OverflowError past
// 2**63 nanoseconds, ValueError for NaN). The sign is the caller's to check.
Seconds lock_timeout_seconds(Value v);

// The seconds of a timeout [v] that is a number. For another value, first evaluates the
// comparison that CPython's threading.py or queue.py makes with it, [v] [op] 0 (0 [op] [v]
// if [zero_left]), for its TypeError: "'<' not supported between instances of 'str' and 'int'".
Seconds timeout_number(Value v, CmpOp op, bool zero_left = false);

// Starts an OS thread running [body] with its own thread state, holding the GIL while it
// runs Python code. A non-[daemon] thread keeps the process alive (wait_for_threads).
// [body] must catch PyError itself.
// [after_exit], if given, runs once the thread has left the VM for good (its state freed and
// no longer counted): it must not touch Python objects.
void spawn_thread(std::function<void()> body, bool daemon, std::function<void()> after_exit = nullptr);
#if MINIPY_FREE_THREADED
// At the main thread's safe point (kBreakMergeRefs): once every other thread has exited, the
// module globals counted per thread become the main thread's again (refcount_unshare_all).
void threads_unshare_if_alone();
#endif

// At exit, before wait_for_threads: runs the calls registered with
// threading._register_atexit, last first (an exception is reported and ignored). Later
// registrations raise RuntimeError.
void run_threading_atexits();

// At exit: blocks until every non-daemon thread has finished. Returns true if daemon
// threads are still running (then the process must leave with _exit, without destructors).
bool wait_for_threads();

// The ident of the calling thread (threading.get_ident()).
uint64_t current_ident();

// Prints "Exception in thread NAME:" and the traceback of [exc] to stderr; SystemExit is
// ignored silently, as CPython's threading.excepthook.
void report_thread_exception(std::string_view name, Value exc);

// True if [v] can be called.
inline bool callable_check(Value v) {
  return type_of(v)->call != nullptr;
}
// Calls f(*args, **kwargs): [args] a Tuple, [kwargs] a Dict or null/None.
Value call_with_kwargs(Value f, Value args, Value kwargs);

// The _thread lock types (runtime/mod_thread.cpp), used by threading.
extern Type lock_type, rlock_type;
Value lock_new();   // an unlocked _thread.lock
Value rlock_new();  // an unlocked _thread.RLock

// Module registration (called once from runtime_init).
void init_thread_modules();

}  // namespace rt
