// Helpers shared by the built-in standard modules written in C++ (runtime/mod_*.cpp): module
// attributes and each module's registration hook, called once from init_stdlib_modules().
#pragma once

#include "runtime/objects.h"

namespace rt {

// Binds [name] in module dict [d] to [v], a new reference the dict takes over.
void module_set(Dict* d, const char* name, Value v);

// A static type for a module's objects (deque, itertools.count...): header, [name], size,
// iter/next slots left to the caller; readied by the caller after filling its slots.
void module_type_init(Type* t, const char* name, size_t basicsize, uint32_t flags = 0);

void init_time_module();
void init_math_module();
void init_random_module();
void init_os_module();
void init_heapq_module();
void init_bisect_module();
void init_itertools_module();
void init_collections_module();
void init_functools_module();
void init_minipy_module();

}  // namespace rt
