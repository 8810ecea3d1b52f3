// The Global Interpreter Lock and the threading-mode policy shared by both builds: taking and
// dropping the GIL, the drop request handled at safe points, the RAII guard that releases it
// around blocking calls, and the stop-the-world hook. Design notes: vm/gil.cpp.
#pragma once

#include <string>
#include <vector>

#include "vm/thread_state.h"
#include "vm/trace.h"

namespace vm {

#if MINIPY_FREE_THREADED
// Free-threaded build: the GIL is a run-time choice made at start-up (-X gil=0/1, PYTHON_GIL).
extern bool gil_runtime_enabled;
inline bool gil_enabled() {
  return gil_runtime_enabled;
}
#else
// GIL build: always a GIL (the branches on it fold away).
constexpr bool gil_enabled() {
  return true;
}
#endif

// Reads -X gil=0/1 ([xoptions]) and PYTHON_GIL (free-threaded build only; the GIL build
// accepts gil=1 and rejects gil=0 as CPython does). Returns an error message, or "".
std::string gil_configure(const std::vector<std::string>& xoptions);

// Takes the GIL for [ts], waiting (never spinning) while another thread holds it; a wait
// longer than the switch interval asks the holder to drop it. No-op without a GIL.
void gil_take(ThreadState* ts);
// Drops the GIL held by [ts] and wakes one waiting thread. No-op without a GIL.
void gil_drop(ThreadState* ts);
// Called at a safe point when [ts]'s eval breaker carries kBreakGilDrop: drops the GIL, waits
// until another thread has taken it (forced switching), then takes it back.
void gil_yield(ThreadState* ts);

// Attaching and detaching, the one API both builds use around code that may block or at
// thread start and exit. thread_attach: the calling thread may now run bytecode and touch
// objects (with a GIL: takes it; without: waits while another thread has stopped the world,
// then resumes its critical sections). thread_detach: the reverse (drops the GIL; without one,
// suspends the thread's critical sections so no per-object lock is held while it blocks).
void thread_attach(ThreadState* ts);
void thread_detach(ThreadState* ts);
// The status half of thread_attach (no critical sections resumed), and the notice that a
// thread became detached; for the per-object lock's slow path (runtime/critical_section.cpp).
void thread_attach_status(ThreadState* ts);
void thread_status_changed();
// A safe point saw kBreakStopWorld: parks until the world is started again.
void thread_park(ThreadState* ts);

// Releases the GIL for its lifetime, around a call that blocks (sleep, lock acquire, join,
// queue waits, reading stdin, writing output). Touch no Python object inside the guard.
// Without a GIL (free-threaded build) it does nothing but a predictable branch.
class GilRelease {
 public:
  GilRelease() {
    if (gil_enabled() || MINIPY_FREE_THREADED) release();
    trace_block_begin();
  }
  ~GilRelease() {
    trace_block_end(ts_ != nullptr && gil_enabled());
    if (ts_) thread_attach(ts_);
  }
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;

 private:
  void release();
  ThreadState* ts_ = nullptr;
};

// Stop-the-world, for the cycle collector: on return no other thread runs Python code until
// start_the_world(). With a GIL, holding it is enough (the call checks that it is held).
// Without one, every other attached thread is asked (kBreakStopWorld) to park at its next safe
// point, and detached threads are kept from attaching again; the call returns when all are.
void stop_the_world();
void start_the_world();

// GIL statistics since start-up (for the `compare` command and tests): how many times the
// GIL changed hands and how many drop requests waiting threads made.
struct GilStats {
  uint64_t switches;
  uint64_t drop_requests;
};
GilStats gil_stats();

}  // namespace vm
