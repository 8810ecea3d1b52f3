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
#include "vm/gil.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>

#include "vm/trace.h"

namespace vm {

#if MINIPY_FREE_THREADED
// On by default until the free-threaded runtime is complete (biased reference counts and
// per-object critical sections; see the threads issue): as CPython 3.13t re-enables the GIL
// for modules not marked safe. -X gil=0 or PYTHON_GIL=0 turns it off (unsafe for now).
bool gil_runtime_enabled = true;
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

void GilRelease::release() {
  ThreadState* ts = current_thread();
  if (!ts->holds_gil) return;
  gil_drop(ts);
  ts_ = ts;
}

void stop_the_world() {
  if (gil_enabled() && !current_thread()->holds_gil) std::abort();
}

void start_the_world() {}

GilStats gil_stats() {
  std::lock_guard<std::mutex> lock(gil.mutex);
  return {gil.switch_number, gil.drop_requests};
}

}  // namespace vm
