// Registers the standard modules written in C++ (runtime/mod_*.cpp) with the built-in module
// registry; those written in Python live in runtime/lib/ and are found by the importer.
#include "runtime/core.h"
#include "runtime/init.h"
#include "runtime/modules_internal.h"
#include "runtime/threads.h"

namespace rt {

void module_set(Dict* d, const char* name, Value v) {
  Ref owned = Ref::steal(v);
  dict_set(d, Value::from_obj(str_intern(name)), owned.get());
}

void module_type_init(Type* t, const char* name, size_t basicsize, uint32_t flags) {
  type_init_static(t, name, nullptr, basicsize, flags);
}

void init_stdlib_modules() {
  init_time_module();
  init_math_module();
  init_random_module();
  init_os_module();
  init_heapq_module();
  init_bisect_module();
  init_itertools_module();
  init_collections_module();
  init_functools_module();
  init_minipy_module();
  init_thread_modules();  // _thread, threading, queue (runtime/mod_thread.cpp)
}

}  // namespace rt
