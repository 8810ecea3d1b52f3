// Per-thread interpreter state and the process-wide interpreter state. Nothing the VM needs
// per thread lives in a global: several OS threads can each run the VM with their own
// ThreadState (the threads issue adds them; today there is the main thread).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime/objects.h"

namespace vm {

struct Frame;

// Bits of the eval-breaker word, checked at every safe point (backward jumps and calls).
// One load and a branch when nothing is pending.
enum EvalBreakerBits : uint32_t {
  kBreakSignal = 1u << 0,       // SIGINT arrived: raise KeyboardInterrupt
  kBreakGilDrop = 1u << 1,      // another thread asks for the GIL (threads issue)
  kBreakStopWorld = 1u << 2,    // stop-the-world request (cycle collector, free-threaded)
  kBreakGcScheduled = 1u << 3,  // the allocation count passed the threshold: collect (gc.h)
  kBreakMergeRefs = 1u << 4,    // other threads queued objects for a refcount merge (refcount.h)
  kBreakQsbr = 1u << 5,         // report a quiescent state (free-threaded, runtime/qsbr.h)
};

// Whether a thread may touch Python objects (free-threaded build; vm/gil.cpp). A thread is
// attached while it runs bytecode, detached while it blocks (sleep, lock waits, I/O), and
// suspended while another thread has stopped the world (cycle collection).
enum ThreadStatus : int { kDetached = 0, kAttached = 1, kSuspended = 2 };

struct ThreadState {
  std::atomic<uint32_t> eval_breaker{0};

  // The contiguous VM value stack: frames' locals and evaluation stacks live here, so a call
  // allocates nothing on the heap. Reserved with mmap, committed by the OS as it is touched.
  rt::Value* stack_base = nullptr;
  rt::Value* stack_limit = nullptr;
  Frame* frame = nullptr;        // innermost running frame
  int recursion_depth = 0;       // Python frames plus nested C++ calls into the VM

  rt::Value handled_exc;         // the exception an except block is handling (null if none)
  rt::Value stop_exc;            // why a next slot returned null (rt::stop_iteration_keep)
  uintptr_t c_stack_limit = 0;   // lowest safe C stack address (native recursion guard)

  bool holds_gil = false;        // this thread holds the GIL (vm/gil.cpp)
  std::atomic<int> status{kDetached};  // ThreadStatus (free-threaded build without a GIL)
  uint64_t ident = 0;            // threading.get_ident(): the pthread_t
  int64_t native_id = 0;         // threading.get_native_id(): the kernel thread id
  uint64_t serial = 0;           // 1, 2, ... in creation order; never reused (unlike ident)
};

// Creates the state of the calling thread (once per thread) and adds it to the registry.
ThreadState* thread_state_init();
namespace detail {
// The calling thread's state once created. constinit: no TLS wrapper call, one load.
extern thread_local constinit ThreadState* tls_state;
}  // namespace detail
// The calling thread's state (created on first use).
inline ThreadState* current_thread() {
  ThreadState* ts = detail::tls_state;
  return ts ? ts : thread_state_init();
}
// At thread exit: drops the thread's last references, detaches it (vm/gil.h), removes its
// state from the registry and frees it.
void thread_state_exit();
// The main thread's state (the first one created).
ThreadState* main_thread_state();
// Calls [fn] on every registered thread state, under the registry's lock.
void for_each_thread_state(const std::function<void(ThreadState*)>& fn);

struct Interpreter {
  int recursion_limit = 1000;
  double switch_interval = 0.005;  // sys.setswitchinterval, seconds (whole microseconds)
  rt::Dict* builtins = nullptr;  // the builtins module's dict
  rt::Dict* modules = nullptr;   // sys.modules
  std::vector<std::string> argv; // sys.argv
  std::string script_dir;        // where `import m` looks for m.py
  std::vector<std::string> xoptions;  // -X options from the command line ("gil=1", ...)
  // finalize_modules has begun: tracebacks show no source lines, as CPython's, whose
  // linecache is gone by then.
  bool finalizing = false;
};
extern Interpreter interp;

// Raises RecursionError if the calling thread is nested too deep (Python frames or C++
// recursion: repr of deeply nested lists, parser). Call on entry to recursive runtime code.
void check_recursion();

// Counts one level of C++ recursion for its lifetime (a C++ call into the VM, repr of nested
// containers): raises RecursionError past the recursion limit or near the end of the C stack.
class RecursionGuard {
 public:
  RecursionGuard();
  ~RecursionGuard();
  RecursionGuard(const RecursionGuard&) = delete;

 private:
  ThreadState* ts_;
};

// Installs the SIGINT handler, which asks the main thread's loop to raise KeyboardInterrupt.
void install_signal_handlers();

}  // namespace vm
