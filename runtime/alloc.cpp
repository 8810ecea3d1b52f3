// The allocator glue: every object's memory comes from mimalloc, whose per-thread heaps let
// threads allocate in parallel without a shared lock (a thread may free another thread's
// memory: mimalloc hands it back to the owning heap). Kept in one place so the allocator can be
// swapped or instrumented without touching callers. Sanitizer builds (MINIPY_MIMALLOC=OFF)
// use malloc, which AddressSanitizer and ThreadSanitizer intercept: mimalloc is not
// instrumented, so ThreadSanitizer would not see its synchronization when memory freed by one
// thread is reused by another.
#include <cstdlib>
#include <new>

#if MINIPY_USE_MIMALLOC
#include <mimalloc.h>
#endif

#include "runtime/object.h"

namespace rt {

void* alloc_bytes(size_t n) {
#if MINIPY_USE_MIMALLOC
  void* p = mi_malloc(n);
#else
  void* p = std::malloc(n);
#endif
  if (p == nullptr) throw std::bad_alloc();
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
