// The Global Interpreter Lock (CPython 3.2+'s "new GIL"), compiled into both builds: always on
// in minipy, on in minipy-ft only with -X gil=1 or PYTHON_GIL=1. Also the stop-the-world hook.
//
// Notes about the implementation
// ------------------------------
// - The GIL is a flag ([locked]) protected by a mutex, with a condition variable ([cond]) on
//   which threads that want it wait. Only the thread holding it runs bytecode or touches
//   Python objects; a thread that blocks (sleep, lock acquire, join, I/O) drops it first
//   through the GilRelease guard and takes it back afterwards.
//
// - A thread that wants the GIL waits on [cond] for at most the switch interval
//   (sys.setswitchinterval, default 5 ms). If the interval passes and nobody released it in the
//   meantime (the switch counter did not move), it sets the drop request bit (kBreakGilDrop)
//   in the holder's eval-breaker word and waits again. The holder sees the bit at its next
//   safe point: a backward jump or a call (the interpreter loop checks the word there; one
//   load and a branch when nothing is pending), drops the GIL, and takes it again.
//
//   Contrast with the old GIL (CPython < 3.2) which switched every N instructions: a thread
//   doing a long C++ call (a big sort) then held it for the whole call, and the holder could
//   re-take the lock before the woken waiter was even scheduled, so on multi-core machines
//   the waiter almost never won. Time-based requests make the interval independent of what
//   the bytecode does.
//
// - Forced switching. After dropping the GIL on request, the holder does not immediately try
//   to take it back: it waits on [switch_cond] until another thread has taken it (the switch
//   counter moved). Otherwise the dropping thread, already running on its core, would often
//   win the race against the waiter it just woke, and the request would achieve nothing.
//   The wait happens only if someone is waiting ([waiters] > 0), so a stale request can not
//   make the holder wait forever.
//
// - The convoy effect. A CPU-bound thread and an I/O-bound thread: each time the I/O thread
//   blocks it drops the GIL, and when its I/O completes it must wait up to one interval for
//   the CPU thread to reach a safe point and honour the drop request. So I/O-heavy threads
//   run at most one operation per interval under contention. This is inherent in the design
//   (CPython has it too); a smaller switch interval trades throughput for latency.
//
// - Fairness is not guaranteed: [cond] wakes one waiter, and the OS chooses which.
//
// - Refcounts in the GIL build are plain integers: the GIL is what makes them safe. The
//   free-threaded build counts atomically/biased (runtime/object.h), so turning the GIL on
//   there at run time (-X gil=1) is just taking this lock; it changes no data layout.
//
// - Stop-the-world (for the cycle collector): with a GIL, the thread holding it already is
//   the only one touching objects, so stop_the_world() only asserts that it holds it.
//   Without a GIL (minipy-ft), each thread has a status: attached (running bytecode),
//   detached (blocked in a call, or waiting for a per-object lock) or suspended. The
//   collecting thread flips detached threads to suspended (so they cannot attach until the
//   world starts again) and asks attached ones, through kBreakStopWorld, to detach at their
//   next safe point; it waits until every other thread is suspended. As in CPython 3.13t.
#include "vm/gil.h"

#include "runtime/critical_section.h"
#include "runtime/qsbr.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>

#include "vm/trace.h"

namespace vm {

#if MINIPY_FREE_THREADED
// Off by default, as in CPython 3.13t; -X gil=1 or PYTHON_GIL=1 turns it back on.
bool gil_runtime_enabled = false;
#endif

namespace {

struct Gil {
  std::mutex mutex;
  std::condition_variable cond;         // signalled when the GIL is dropped
  std::condition_variable switch_cond;  // signalled when a thread takes the GIL
  bool locked = false;
  ThreadState* holder = nullptr;  // valid while [locked]
  uint64_t switch_number = 0;     // incremented each time a thread takes the GIL
  int waiters = 0;                // threads inside gil_take's wait loop
  uint64_t drop_requests = 0;
};

Gil gil;

// The switch interval as a duration (whole microseconds, at least one).
std::chrono::microseconds switch_interval() {
  auto us = static_cast<long long>(interp.switch_interval * 1e6);
  return std::chrono::microseconds(us < 1 ? 1 : us);
}

// Takes the GIL; [lock] holds gil.mutex.
void take_locked(ThreadState* ts, std::unique_lock<std::mutex>& lock) {
  if (gil.locked) {
    trace_gil_wait_begin();
    ++gil.waiters;
    while (gil.locked) {
      uint64_t saved = gil.switch_number;
      bool timed_out = gil.cond.wait_for(lock, switch_interval()) == std::cv_status::timeout;
      if (timed_out && gil.locked && gil.switch_number == saved) {
        gil.holder->eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed);
        ++gil.drop_requests;
        trace_gil_drop_request();
      }
    }
    --gil.waiters;
  }
  gil.locked = true;
  gil.holder = ts;
  ++gil.switch_number;
  ts->holds_gil = true;
  trace_gil_acquired();
  // A request aimed at the previous holder must not make this one drop at once.
  ts->eval_breaker.fetch_and(~uint32_t(kBreakGilDrop), std::memory_order_relaxed);
  gil.switch_cond.notify_all();
}

void drop_locked(ThreadState* ts) {
  gil.locked = false;
  ts->holds_gil = false;
  trace_gil_dropped();
  gil.cond.notify_one();
}

}  // namespace

std::string gil_configure(const std::vector<std::string>& xoptions) {
  std::string setting;
  if (const char* env = std::getenv("PYTHON_GIL")) setting = env;
  for (const std::string& x : xoptions)
    if (x.rfind("gil=", 0) == 0) setting = x.substr(4);
  if (setting.empty()) return "";
  if (setting != "0" && setting != "1") {
    return "-X gil=" + setting +
           ": Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"";
  }
#if MINIPY_FREE_THREADED
  gil_runtime_enabled = setting == "1";
#else
  if (setting == "0")
    return "Fatal Python error: config_read_gil: Disabling the GIL is not supported by this build";
#endif
  return "";
}

void gil_take(ThreadState* ts) {
  if (!gil_enabled()) return;
  std::unique_lock<std::mutex> lock(gil.mutex);
  take_locked(ts, lock);
}

void gil_drop(ThreadState* ts) {
  if (!gil_enabled()) return;
  std::lock_guard<std::mutex> lock(gil.mutex);
  drop_locked(ts);
}

void gil_yield(ThreadState* ts) {
  ts->eval_breaker.fetch_and(~uint32_t(kBreakGilDrop), std::memory_order_relaxed);
  if (!gil_enabled() || !ts->holds_gil) return;
  std::unique_lock<std::mutex> lock(gil.mutex);
  uint64_t saved = gil.switch_number;
  drop_locked(ts);
  if (gil.waiters > 0) trace_gil_forced_switch();
  while (gil.waiters > 0 && gil.switch_number == saved) gil.switch_cond.wait(lock);
  take_locked(ts, lock);
}

// ---- attaching, detaching and stopping the world ------------------------------------------

namespace {

struct World {
  std::mutex stw_mutex;             // one stop-the-world at a time
  std::mutex mutex;                 // guards [stopped] and status waits
  std::condition_variable cond;     // status changes
  // Set (under [mutex]) while a thread stops the world. Also read without the mutex by
  // detaching threads, so that a detach costs no shared lock when nobody is stopping the world
  // (the stopper polls every millisecond besides, so a missed notification only delays it).
  std::atomic<bool> stopped{false};
  ThreadState* requester = nullptr;
  std::chrono::steady_clock::time_point started;  // of the current stop (-X gilstats)
};
World world;

}  // namespace

void thread_attach_status(ThreadState* ts) {
#if MINIPY_FREE_THREADED
  for (;;) {
    // A thread that the stopper has not suspended (one that registered after it looked, such
    // as a thread starting up) must not attach while the world is stopped either. The stopper
    // itself may (code run by the collector can block and re-attach).
    if (world.stopped.load(std::memory_order_seq_cst)) {
      std::unique_lock<std::mutex> lock(world.mutex);
      if (world.stopped.load(std::memory_order_relaxed) && world.requester != ts) {
        world.cond.wait(lock, [ts] { return !world.stopped.load(std::memory_order_relaxed) || world.requester == ts; });
        continue;
      }
    }
    int expected = kDetached;
    if (ts->status.compare_exchange_strong(expected, kAttached, std::memory_order_seq_cst)) return;
    // Suspended by a stop-the-world: wait until it is over.
    std::unique_lock<std::mutex> lock(world.mutex);
    world.cond.wait(lock, [ts] { return ts->status.load(std::memory_order_acquire) != kSuspended; });
  }
#endif
}

void thread_status_changed() {
  if (!world.stopped.load(std::memory_order_seq_cst)) return;
  {
    std::lock_guard<std::mutex> lock(world.mutex);
    if (!world.stopped.load(std::memory_order_relaxed)) return;
  }
  world.cond.notify_all();  // a stop-the-world is waiting for this thread
}

void thread_attach(ThreadState* ts) {
#if MINIPY_FREE_THREADED
  if (!gil_enabled()) {
    thread_attach_status(ts);
    rt::qsbr_online();
    rt::critical_sections_resume();
    return;
  }
#endif
  gil_take(ts);
}

void thread_detach(ThreadState* ts) {
#if MINIPY_FREE_THREADED
  if (!gil_enabled()) {
    rt::critical_sections_suspend();
    rt::qsbr_offline();
    ts->status.store(kDetached, std::memory_order_seq_cst);
    thread_status_changed();
    return;
  }
#endif
  gil_drop(ts);
}

void thread_park(ThreadState* ts) {
  ts->eval_breaker.fetch_and(~uint32_t(kBreakStopWorld), std::memory_order_relaxed);
  if (gil_enabled()) return;
  thread_detach(ts);
  thread_attach(ts);
}

void GilRelease::release() {
  ThreadState* ts = current_thread();
#if MINIPY_FREE_THREADED
  if (!gil_enabled()) {
    if (ts->status.load(std::memory_order_relaxed) != kAttached) return;
    thread_detach(ts);
    ts_ = ts;
    return;
  }
#endif
  if (!ts->holds_gil) return;
  gil_drop(ts);
  ts_ = ts;
}

void stop_the_world() {
  ThreadState* ts = current_thread();
  if (gil_enabled()) {
    if (!ts->holds_gil) std::abort();
    return;
  }
  if (!world.stw_mutex.try_lock()) {
    // Another thread is stopping the world: let it, then take our turn.
    thread_detach(ts);
    world.stw_mutex.lock();
    thread_attach(ts);
  }
  std::unique_lock<std::mutex> lock(world.mutex);
  world.started = std::chrono::steady_clock::now();
  world.stopped = true;
  world.requester = ts;
  for (;;) {
    bool all = true;
    for_each_thread_state([&](ThreadState* other) {
      if (other == ts) return;
      int expected = kDetached;
      if (other->status.compare_exchange_strong(expected, kSuspended, std::memory_order_acq_rel)) return;
      if (expected == kAttached) {
        other->eval_breaker.fetch_or(kBreakStopWorld, std::memory_order_relaxed);
        all = false;
      }
    });
    if (all) break;
    world.cond.wait_for(lock, std::chrono::milliseconds(1));
  }
}

void start_the_world() {
  if (gil_enabled()) return;
  std::chrono::nanoseconds paused;
  {
    std::lock_guard<std::mutex> lock(world.mutex);
    paused = std::chrono::steady_clock::now() - world.started;
    ThreadState* ts = world.requester;
    for_each_thread_state([&](ThreadState* other) {
      if (other != ts) other->status.store(kDetached, std::memory_order_release);
    });
    world.stopped = false;
    world.requester = nullptr;
  }
  world.cond.notify_all();
  world.stw_mutex.unlock();
  stats_stop_the_world(static_cast<uint64_t>(paused.count()));
}

GilStats gil_stats() {
  std::lock_guard<std::mutex> lock(gil.mutex);
  return {gil.switch_number, gil.drop_requests};
}

}  // namespace vm
