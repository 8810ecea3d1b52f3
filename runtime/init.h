// Start-up of the runtime: runtime_init() (runtime/init.cpp) readies every built-in type and
// module in this order. Each part of the runtime provides its own hook.
#pragma once

namespace rt {

void init_object_types();     // type, object, None, NotImplemented, Ellipsis, tuple, module,
                              // descriptors, exceptions (runtime/object.cpp, error.cpp, ...)
void init_str_type();         // str and its methods (runtime/str.cpp)
void init_number_types();     // int, bool, float (runtime/int.cpp, float.cpp)
void init_container_types();  // list, dict, set, frozenset, range, slice, iterators
void init_vm_types();         // function, method, cell, code (vm/function.cpp)
void init_builtins();         // the builtins and sys modules (runtime/builtins.cpp, sys.cpp)
void init_class_support();    // slot wrappers, super, __build_class__ (runtime/class.cpp)
void init_stdlib_modules();   // registers time, math, random, ... (runtime/mod_registry.cpp)
void init_gc_module();        // registers gc (runtime/gc.cpp)

}  // namespace rt
