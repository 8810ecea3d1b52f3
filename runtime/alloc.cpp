// The allocator glue: every object's memory comes from mimalloc.
// Kept in one place so the allocator can be swapped or instrumented without touching callers.
#include <mimalloc.h>

#include "runtime/object.h"

namespace rt {

void* alloc_bytes(size_t n) {
  void* p = mi_malloc(n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void free_bytes(void* p) { mi_free(p); }

}  // namespace rt
