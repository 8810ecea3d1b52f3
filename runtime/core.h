// Internal helpers of the object-model core (object.cpp, type.cpp, error.cpp, tuple.cpp,
// module.cpp, descr.cpp): the per-file init hooks called from init_object_types() and small
// utilities other runtime files may use when defining their own static types.
#pragma once

#include <string>

#include "runtime/objects.h"

namespace rt {

// Fills the header and identity of a zero-initialised static type: immortal, type `type`,
// [name], [base] (object when null, except for object itself), instance size [basicsize].
void type_init_static(Type* t, const char* name, Type* base, size_t basicsize, uint32_t flags = 0);

// The per-file hooks of init_object_types(), in the order they run.
void init_type_type();
void init_descr_types();
void init_tuple_type();
void init_module_type();
void init_error_types();

// The default repr of an object: "<NAME object at 0x...>".
std::string default_repr_string(Value v);
// CPython's pointer hash (_Py_HashPointer): the address rotated right by 4 bits.
int64_t pointer_hash(const void* p);

// Looks [name] up on [obj]'s type, then in [dict] (an instance dict, may be null), with
// CPython's precedence: data descriptors (property) first, then the instance dict, then other
// class attributes (bound through descr_get). Null if missing.
Value generic_getattr_dict(Value obj, Str* name, Dict* dict);

// True for a property (the only data descriptor among the built-in kinds).
bool is_data_descriptor(Value v);

}  // namespace rt
