// Internal helpers shared by the container types (list.cpp, dict.cpp, set.cpp, range.cpp,
// slice.cpp): per-file init hooks, type checks and small utilities.
#pragma once

#include <string>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/objects.h"
#include "runtime/ops.h"

namespace rt {

// The per-file hooks of init_container_types(), in the order they run.
void init_list_type();
void init_dict_type();
void init_set_type();
void init_range_type();
void init_slice_type();

inline bool list_check(Value v) {
  return v.is_obj() && (v.as_obj()->type->flags & kTypeListSubclass);
}
inline bool dict_check(Value v) {
  return v.is_obj() && (v.as_obj()->type->flags & kTypeDictSubclass);
}
inline bool tuple_check(Value v) {
  return v.is_obj() &&
         (v.as_obj()->type == &tuple_type || (v.as_obj()->type->flags & kTypeTupleSubclass));
}
inline bool exact_str(Value v) { return v.is_obj() && v.as_obj()->type == &str_type; }
// set, frozenset or a subclass of either.
bool anyset_check(Value v);

// Set algorithms (set.cpp) used by the dict views: a new set of [t] from an iterable (null
// for an empty one), and the in-place updates behind |= -= ^= &= with any iterable.
Set* set_make(Type* t, Value iterable);
void set_update_from(Set* s, Value other);
void set_difference_update_from(Set* s, Value other);
void set_symmetric_difference_update_from(Set* s, Value other);
void set_intersection_update_from(Set* s, Value other);

// Raises KeyError(key): the exception's args are (key,).
[[noreturn]] void raise_key_error(Value key);

// The iter slot of iterators: returns self.
Value iter_self(Value self);

// Allocates an instance of [t], a built-in container type or a subclass of it (whose
// instances may be larger than [T]).
template <class T>
T* alloc_instance(Type* t) {
  size_t extra = t->basicsize > sizeof(T) ? t->basicsize - sizeof(T) : 0;
  return alloc_object<T>(t, extra);
}

// Appends the repr of [v] to [out].
void append_repr(std::string& out, Value v);

// Argument-count checks of built-in methods, with CPython's messages. [qualname] is
// "list.pop": keyword arguments give "list.pop() takes no keyword arguments"; a wrong count
// of positional arguments (self excluded) "pop expected at most 1 argument, got 2".
void check_nargs(const char* qualname, size_t nargs, Tuple* kwnames, size_t lo, size_t hi);
// Raises "list.pop() takes no keyword arguments" when [kwnames] is not empty.
void check_no_kw(const char* qualname, Tuple* kwnames);
// A method taking no arguments: "list.copy() takes no arguments (1 given)".
void check_noargs(const char* qualname, size_t nargs, Tuple* kwnames);
// A method taking one argument: "list.append() takes exactly one argument (0 given)".
void check_onearg(const char* qualname, size_t nargs, Tuple* kwnames);

// Converts a sequence index or repeat count: ints only, with CPython's TypeError
// "[what] indices must be integers or slices, not str" when [what] is given.
int64_t container_index(Value key, const char* what);

}  // namespace rt
