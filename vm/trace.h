// What each thread does over time, for -X gilstats (per-thread GIL statistics printed at exit)
// and -X timeline=FILE (a picture or a Chrome trace of when each thread ran, waited and
// blocked). The hooks below are called by the GIL (vm/gil.cpp), the GilRelease guard, thread
// start and end, and the free-threaded runtime; recording and output live in vm/trace.cpp.
//
// Cost when off: each hook is one relaxed load of a global flag and a branch predicted not
// taken (a plain load on x86 and ARM). When on, a hook touches only the calling thread's own
// record (thread-local): counters and a per-thread span buffer, no lock and no read-modify-write
// atomic per event. The records are merged at exit.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vm {

// True while -X gilstats or -X timeline records (set once at start-up, cleared at exit).
extern std::atomic<bool> g_tracing;
inline bool tracing() {
  return g_tracing.load(std::memory_order_relaxed);
}

// Reads -X gilstats and -X timeline=FILE ([xoptions]) and starts recording if either is given;
// [script] names the program in the picture. Call after gil_configure. Returns an error
// message (a bad -X timeline value), or "".
std::string trace_configure(const std::vector<std::string>& xoptions, const std::string& script);
// At exit, on the main thread: prints the statistics (-X gilstats) to stderr and writes the
// timeline file (-X timeline). Threads still running (daemons) are shown up to now.
void trace_finish();

// The out-of-line halves of the hooks (trace.cpp); call the inline hooks below instead.
void trace_thread_begin_slow(std::string_view name);
void trace_thread_end_slow();
void trace_thread_name_slow(std::string_view name);
void trace_gil_wait_begin_slow();
void trace_gil_acquired_slow();
void trace_gil_dropped_slow();
void trace_gil_drop_request_slow();
void trace_gil_forced_switch_slow();
void trace_block_begin_slow();
void trace_block_end_slow(bool gil_released);
void trace_count_lock_wait_slow();
void trace_lock_wait_begin_slow();
void trace_lock_wait_end_slow();
void trace_count_refcount_merge_slow();
void trace_stop_the_world_slow(uint64_t ns);

// --- Thread lifecycle (main.cpp, runtime/mod_thread.cpp, runtime/mod_threading.cpp) --------

// The calling thread starts running Python code, named [name] ("" for a default name). Without
// a GIL it counts as running from here; with one, from when it takes the GIL.
inline void trace_thread_begin(std::string_view name = {}) {
  if (tracing()) [[unlikely]]
    trace_thread_begin_slow(name);
}
// The calling thread is done with Python code (after dropping the GIL).
inline void trace_thread_end() {
  if (tracing()) [[unlikely]]
    trace_thread_end_slow();
}
// The calling thread's Python name (threading.Thread.name), for the lanes and the table.
inline void trace_thread_name(std::string_view name) {
  if (tracing()) [[unlikely]]
    trace_thread_name_slow(name);
}

// --- The GIL (vm/gil.cpp, called with the GIL's mutex held) ---------------------------------

// The calling thread found the GIL taken and starts waiting for it.
inline void trace_gil_wait_begin() {
  if (tracing()) [[unlikely]]
    trace_gil_wait_begin_slow();
}
// The calling thread took the GIL (after waiting or not): it runs bytecode from now.
inline void trace_gil_acquired() {
  if (tracing()) [[unlikely]]
    trace_gil_acquired_slow();
}
// The calling thread dropped the GIL.
inline void trace_gil_dropped() {
  if (tracing()) [[unlikely]]
    trace_gil_dropped_slow();
}
// The calling thread, waiting, asked the holder to drop the GIL (a drop request).
inline void trace_gil_drop_request() {
  if (tracing()) [[unlikely]]
    trace_gil_drop_request_slow();
}
// The calling thread dropped the GIL on request and waits to get it back (forced switch).
inline void trace_gil_forced_switch() {
  if (tracing()) [[unlikely]]
    trace_gil_forced_switch_slow();
}

// --- Blocking calls (the GilRelease guard in vm/gil.h) --------------------------------------

// The calling thread enters a blocking call (sleep, join, lock acquire, I/O). Nested guards
// count once.
inline void trace_block_begin() {
  if (tracing()) [[unlikely]]
    trace_block_begin_slow();
}
// The blocking call returned; [gil_released]: the guard dropped the GIL, which the thread now
// takes back (waiting for it if need be).
inline void trace_block_end(bool gil_released) {
  if (tracing()) [[unlikely]]
    trace_block_end_slow(gil_released);
}

// --- The free-threaded runtime: what replaces the GIL ---------------------------------------

// A per-object lock (critical section) was taken by another thread and the calling thread had
// to wait for it. Counts one wait; the waiting shows in the timeline only with the guard below.
inline void stats_count_lock_wait() {
  if (tracing()) [[unlikely]]
    trace_count_lock_wait_slow();
}
// Counts one lock wait, as stats_count_lock_wait, and marks the guard's lifetime as waiting in
// the timeline: construct it just before blocking on a contended per-object lock.
class LockWaitTrace {
 public:
  LockWaitTrace() : on_(tracing()) {
    if (on_) [[unlikely]]
      trace_lock_wait_begin_slow();
  }
  ~LockWaitTrace() {
    if (on_) [[unlikely]]
      trace_lock_wait_end_slow();
  }
  LockWaitTrace(const LockWaitTrace&) = delete;
  LockWaitTrace& operator=(const LockWaitTrace&) = delete;

 private:
  bool on_;
};
// A biased reference count was merged: the calling thread changed the shared count of an
// object owned by another thread (or the owner merged the shared part into its own).
inline void stats_count_refcount_merge() {
  if (tracing()) [[unlikely]]
    trace_count_refcount_merge_slow();
}
// A stop-the-world pause of [ns] nanoseconds ended (called once per pause, by the thread that
// stopped the world, after start_the_world).
inline void stats_stop_the_world(uint64_t ns) {
  if (tracing()) [[unlikely]]
    trace_stop_the_world_slow(ns);
}

}  // namespace vm
