// Per-thread interpreter state: the mmap-reserved value stack, the C stack bound used by the
// native recursion guard, the registry of every thread's state, and the SIGINT handler that
// raises the eval-breaker flag.
#include "vm/thread_state.h"

#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/qsbr.h"
#include "runtime/refcount.h"
#include "vm/frame.h"
#include "vm/gil.h"

namespace vm {

Interpreter interp;

namespace {

// The value stack of each thread: 32M slots (256 MiB) of address space, committed lazily.
constexpr size_t kValueStackSlots = size_t(32) << 20;
// C stack kept free below the guard: room for a runtime function's own frames after the check.
constexpr uintptr_t kCStackMargin = 256 * 1024;

ThreadState* main_state = nullptr;
std::mutex registry_mutex;
std::vector<ThreadState*> registry;

// The lowest usable address of the calling thread's C stack, plus the safety margin.
uintptr_t compute_c_stack_limit() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  size_t size = 0;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  if (addr == nullptr || size <= kCStackMargin * 2) return 0;
  return reinterpret_cast<uintptr_t>(addr) + kCStackMargin;
}

void on_sigint(int) {
  if (main_state) main_state->eval_breaker.fetch_or(kBreakSignal, std::memory_order_relaxed);
}

}  // namespace

namespace detail {
thread_local constinit ThreadState* tls_state = nullptr;
}  // namespace detail
using detail::tls_state;

ThreadState* thread_state_init() {
  if (tls_state) return tls_state;
  auto* ts = new ThreadState();
  void* mem = mmap(nullptr, kValueStackSlots * sizeof(rt::Value), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) std::abort();
  ts->stack_base = static_cast<rt::Value*>(mem);
  ts->stack_limit = ts->stack_base + kValueStackSlots;
  ts->c_stack_limit = compute_c_stack_limit();
  ts->ident = static_cast<uint64_t>(pthread_self());
  ts->native_id = static_cast<int64_t>(gettid());
#if MINIPY_FREE_THREADED
  rt::gc_thread_start();  // this thread's list of tracked objects (runtime/gc.h)
#endif
  tls_state = ts;
  std::lock_guard<std::mutex> lock(registry_mutex);
  if (!main_state) main_state = ts;
  static uint64_t serial = 0;
  ts->serial = ++serial;
#if MINIPY_FREE_THREADED
  // Objects this thread creates from now on are owned by it (biased reference counts).
  rt::tls_thread_id = static_cast<uint32_t>(ts->serial);
  rt::refcount_thread_start(rt::tls_thread_id, &ts->eval_breaker, kBreakMergeRefs);
  rt::qsbr_thread_start(&ts->eval_breaker, kBreakQsbr);
#endif
  registry.push_back(ts);
  return ts;
}

void thread_state_exit() {
  ThreadState* ts = tls_state;
  if (!ts || ts == main_state) return;
  rt::decref(ts->handled_exc);
  ts->handled_exc = rt::Value::null();
  rt::stop_iteration_drop();
#if MINIPY_FREE_THREADED
  rt::refcount_thread_exit();
  rt::qsbr_thread_exit();
  rt::gc_thread_exit();  // its tracked objects go to the orphans list; still attached here
#endif
  thread_detach(ts);
  {
    std::lock_guard<std::mutex> lock(registry_mutex);
    std::erase(registry, ts);
  }
  munmap(ts->stack_base, kValueStackSlots * sizeof(rt::Value));
  tls_state = nullptr;
  delete ts;
}

ThreadState* main_thread_state() { return main_state; }

void for_each_thread_state(const std::function<void(ThreadState*)>& fn) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  for (ThreadState* ts : registry) fn(ts);
}

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
}

void raise_recursion_error() { rt::raise_msg(&rt::exc_RecursionError, "maximum recursion depth exceeded"); }

void check_recursion() {
  ThreadState* ts = current_thread();
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) < ts->c_stack_limit) raise_recursion_error();
  if (ts->recursion_depth > interp.recursion_limit) raise_recursion_error();
}

RecursionGuard::RecursionGuard() : ts_(current_thread()) {
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) < ts_->c_stack_limit ||
      ts_->recursion_depth >= interp.recursion_limit)
    raise_recursion_error();
  ++ts_->recursion_depth;
}

RecursionGuard::~RecursionGuard() { --ts_->recursion_depth; }

}  // namespace vm
