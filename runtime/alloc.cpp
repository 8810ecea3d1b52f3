// The allocator glue: every object's memory comes from mimalloc, whose per-thread heaps let
// threads allocate in parallel without a shared lock (a thread may free another thread's
// memory: mimalloc hands it back to the owning heap). Kept in one place so the allocator can be
// swapped or instrumented without touching callers. Sanitizer builds (MINIPY_MIMALLOC=OFF)
// use malloc, which AddressSanitizer and ThreadSanitizer intercept: mimalloc is not
// instrumented, so ThreadSanitizer would not see its synchronization when memory freed by one
// thread is reused by another.
#include <sys/sysinfo.h>

#include <cstdint>
#include <cstdlib>
#include <new>

#if MINIPY_USE_MIMALLOC
#include <mimalloc.h>
#endif

#include "runtime/error.h"
#include "runtime/object.h"

namespace rt {

namespace {

// From this size on, an allocation is checked against the machine's memory first.
constexpr size_t kLargeAllocation = size_t(1) << 30;

// The machine's RAM plus swap: the largest single allocation minipy attempts. Linux's default
// overcommit heuristic refuses a larger anonymous mapping, which is where CPython's malloc
// fails (`[0] * 2**40`: MemoryError). mimalloc reserves with MAP_NORESERVE, which that
// heuristic does not check: such a request would succeed, and filling it would fault pages in
// until the OOM killer ends the process. (AddressSanitizer's malloc aborts on it instead.)
size_t machine_memory() {
  static const size_t total = [] {
    struct sysinfo si;
    if (sysinfo(&si) != 0) return SIZE_MAX;
    return size_t(si.totalram + si.totalswap) * si.mem_unit;
  }();
  return total;
}

}  // namespace

// operator new's handler (install_new_handler). mimalloc, which replaces operator new,
// aborts the process when an allocation fails and no handler is installed; this one makes it
// throw std::bad_alloc, which the interpreter loop turns into MemoryError.
[[noreturn]] static void throw_bad_alloc() { throw std::bad_alloc(); }

void install_new_handler() { std::set_new_handler(throw_bad_alloc); }

bool allocation_too_large(size_t n) { return n >= kLargeAllocation && n > machine_memory(); }

void* alloc_bytes(size_t n) {
  if (allocation_too_large(n)) [[unlikely]] raise_memory_error();
#if MINIPY_USE_MIMALLOC
  void* p = mi_malloc(n);
#else
  void* p = std::malloc(n);
#endif
  if (p == nullptr) [[unlikely]] raise_memory_error();
  return p;
}

void free_bytes(void* p) {
#if MINIPY_USE_MIMALLOC
  mi_free(p);
#else
  std::free(p);
#endif
}

}  // namespace rt
