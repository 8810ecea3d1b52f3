// Classes: the layout of heap types (types made by `class` statements and type(name, bases,
// dict)) and of their instances, and what the VM and the other runtime files need from
// runtime/class.cpp (creation, C3 MRO, instances) and runtime/slots.cpp (dunder dispatch).
#pragma once

#include <vector>

#include "runtime/objects.h"

namespace rt {

// A class. Heap types are immortal (like built-in types): instances do not count references
// to their class, and classes live until exit.
struct HeapType : Type {
  Str* name_str;                    // __name__ (type->name points into it)
  Str* qualname;                    // __qualname__
  Type* solid;                      // the nearest built-in type along the base chain
  std::vector<Type*>* subclasses;   // heap types deriving directly from this one
  // The getattr/setattr of the instance layout, used under a __getattr__/__setattr__ hook.
  Value (*inner_getattr)(Value self, Str* name);
  void (*inner_setattr)(Value self, Str* name, Value v);
  // Construction plan, valid while plan_version == version (see class_construct).
  uint32_t plan_version;
  Value plan_init;                  // borrowed: the __init__ function of the plain plan
};

// Instances of classes whose built-in base is object: the header and the attribute dict.
struct Instance : Object {
  Dict* dict;  // created on the first attribute store; may be null
};

inline bool is_heap_type(const Type* t) { return (t->flags & kTypeHeapType) != 0; }

// offsetof for the object structs (which are not standard-layout, so offsetof would warn).
template <class T, class M>
size_t field_offset(M T::*member) {
  alignas(T) static char buf[sizeof(T)];
  return static_cast<size_t>(reinterpret_cast<char*>(&(reinterpret_cast<T*>(buf)->*member)) - buf);
}

// The version tag of [t] for attribute caches, assigning a fresh one if it has none; 0 when
// tags are exhausted (then nothing about [t] may be cached).
uint32_t type_version(Type* t);
// [t]'s current tag without assigning one (0 if none), for comparing with a cached tag.
inline uint32_t type_version_tag(const Type* t) {
#if MINIPY_FREE_THREADED
  return std::atomic_ref<const uint32_t>(t->version).load(std::memory_order_acquire);
#else
  return t->version;
#endif
}
// Invalidates the version tags of [t] and of every class deriving from it: call after any
// change to [t]'s dict or bases.
void type_modified(Type* t);
// The classes deriving directly from [t] (a copy: another thread may be adding one).
std::vector<Type*> subclasses_of(Type* t);

// The address of [obj]'s instance-dict pointer, or nullptr if its type has none.
inline Dict** instance_dict_slot(Value obj) {
  if (!obj.is_obj()) return nullptr;
  Type* t = obj.as_obj()->type;
  if (t->dictoffset == 0) return nullptr;
  return reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj.as_obj()) + t->dictoffset);
}
// The dict in an instance-dict [slot]; null until the instance's first attribute. In the
// free-threaded build another thread may store it at any time, so it is read atomically.
inline Dict* instance_dict_load(Dict** slot) {
#if MINIPY_FREE_THREADED
  return std::atomic_ref<Dict*>(*slot).load(std::memory_order_acquire);
#else
  return *slot;
#endif
}
// The dict in [slot], created on first use. When two threads create it at once, one dict
// wins and the other is dropped before anything is stored in it: no attribute is lost.
Dict* instance_dict_ensure(Dict** slot);
// Stores [d] (a new reference) in [slot] (obj.__dict__ = d). The old dict is released once no
// thread can still be reading it without a reference (runtime/qsbr.h).
void instance_dict_replace(Dict** slot, Dict* d);

// type(name, bases, namespace): a new class. [bases] may be empty (object).
Value class_new(Str* name, Tuple* bases, Dict* ns);
// The getattr and setattr slots of instances with a dict: data descriptors, the instance
// dict, then class attributes (bound through descr_get).
Value instance_getattr(Value obj, Str* name);
void instance_setattr(Value obj, Str* name, Value v);
// The construct slot of classes: __new__ then __init__.
Value class_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
// A new instance of the class [t] whose built-in base is object (no __init__ run).
Value instance_alloc(Type* t);
// The __init__ function of [t] when constructing it is "allocate, then run this Python
// function" (object's __new__, a Python __init__); null otherwise. Borrowed.
Value class_simple_init(Type* t);
// Raises "__init__() should return None, not 'int'" unless [r] is None.
void check_init_result(Value r);

// Recomputes the type slots of class [t] (and of its subclasses) from the dunder methods
// along its MRO (runtime/slots.cpp).
void update_slots(HeapType* t);
// True if [name] is a dunder that maps to a type slot (assigning it updates the slots).
bool is_slot_dunder(Str* name);
// Calls [f], found on the type of [self], as a method of [self] with [args] (and keywords
// named by [kwnames]): Python functions directly, other descriptors through descr_get.
Value call_method_found(Value f, Value self, const Value* args, size_t nargs, Tuple* kwnames);
// Calls the special method [name] of [self] (looked up on its type, not the instance) with
// [args]; null if the type has no such attribute.
Value call_special(Value self, Str* name, const Value* args, size_t nargs);

// The `super` type and the __build_class__ built-in (runtime/super.cpp).
extern Type super_type;
Value build_class(const Value* args, size_t nargs, Tuple* kwnames);

// Readies the class machinery: slot wrappers of built-in types (int.__add__, object.__init__,
// list.__init__...), super, and the builtins it adds. Runs last in runtime_init().
void init_class_support();
// Adds the slot wrappers of a built-in type whose own (not inherited) slots are [own]; called
// by type_ready. Types readied before init_class_support are queued.
void add_slot_wrappers(Type* t, uint64_t own);
// The bit set of [t]'s non-null slots (the bits add_slot_wrappers takes).
uint64_t slot_mask(const Type* t);

}  // namespace rt
