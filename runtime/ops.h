// The generic operations on values: what the VM's instructions and the built-in functions
// call. Each dispatches through the operand types' slots with Python's rules (reflected
// operands, NotImplemented, fallbacks) and CPython's error messages.
// All return new references and throw on error.
#pragma once

#include <string>

#include "runtime/objects.h"

namespace rt {

class PyError;

Value repr(Value v);                       // a Str
Value str(Value v);                        // a Str
std::string repr_string(Value v);
std::string str_string(Value v);
int64_t hash(Value v);                     // TypeError: unhashable type: 'list'
bool truthy(Value v);
bool equal(Value a, Value b);              // identity first, then ==
// a == b when deciding it runs no Python code: small ints, floats, exact strs and exact
// tuples of those. 1 equal, 0 not equal, -1 undecided (call equal(): a subclass or another
// type may define __eq__). Dict and set lookups use it to compare keys without the care a
// Python-level __eq__ needs (a reference held across the call, a restart if the table changed).
int equal_builtin_other(Value a, Value b);
inline int equal_builtin(Value a, Value b) {
  if (a.is_obj() && b.is_obj() && a.as_obj()->type == &str_type && b.as_obj()->type == &str_type)
    return str_equal(a.as<Str>(), b.as<Str>()) ? 1 : 0;
  return equal_builtin_other(a, b);
}
// Rich comparison with reflection. Counts a level of recursion (RecursionError "maximum
// recursion depth exceeded in comparison" past the limit), as CPython's PyObject_RichCompare,
// except for the fast paths of two ints or two floats.
Value compare(Value a, Value b, CmpOp op);
bool compare_bool(Value a, Value b, CmpOp op);
// Raises RecursionError "... in comparison" if a comparison one level deeper would pass the
// recursion limit.
void check_compare_depth();
// equal() for the items of two containers being compared (lists, tuples, dict values).
// CPython compares non-identical items with PyObject_RichCompare, which counts a level of
// recursion even where equal() takes a fast path (two ints, two strs): [*depth_checked] makes
// that check once per container comparison, so nested containers raise at CPython's depth.
inline bool equal_item(Value a, Value b, bool* depth_checked) {
  if (a == b) return true;
  if (!*depth_checked) {
    check_compare_depth();
    *depth_checked = true;
  }
  return equal(a, b);
}
Value binary_op(Value a, Value b, BinOp op, bool inplace = false);
Value unary_op(Value a, UnaryOp op);

Value getattr(Value obj, Str* name);       // AttributeError if missing
Value getattr_opt(Value obj, Str* name);   // null if missing
void setattr(Value obj, Str* name, Value v);
void delattr(Value obj, Str* name);
// Looks [name] up along [t]'s MRO; borrowed, null if missing.
Value type_lookup(Type* t, Str* name);
// The default getattr slot: type attribute with descr_get, then instance dict.
Value generic_getattr(Value obj, Str* name);

Value getitem(Value obj, Value key);
void setitem(Value obj, Value key, Value v);
void delitem(Value obj, Value key);
bool contains(Value container, Value item);  // "in"
int64_t length(Value obj);                   // TypeError: object of type 'int' has no len()

Value get_iter(Value obj);                 // TypeError: 'int' object is not iterable
// Null when exhausted. For iterators that wrap [it] (zip, map...): clears the kept
// StopIteration first, so that a null it returns carries only its own.
Value iter_next(Value it);

// A next slot that ends the iteration because Python code raised StopIteration (a class's
// __next__, the function given to map or filter) returns null and keeps the exception for
// the thread, as CPython leaves it set as the error with its NULL: next() re-raises it (with
// its args and traceback) and `yield from` takes its value. Callers that care clear it before
// calling the slot; the others ignore it. [e]'s exception is taken.
void stop_iteration_keep(PyError& e);
Value stop_iteration_take();  // the kept StopIteration (owned), or null
void stop_iteration_drop();   // drops the kept one
// Whether the calling thread keeps one: the check iter_next makes on every item, one load.
inline constinit thread_local bool tls_stop_kept = false;
inline void stop_iteration_clear() {
  if (tls_stop_kept) [[unlikely]]
    stop_iteration_drop();
}

Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
inline Value call0(Value f) { return call(f, nullptr, 0); }
inline Value call1(Value f, Value a) { return call(f, &a, 1); }
inline Value call2(Value f, Value a, Value b) {
  Value args[2] = {a, b};
  return call(f, args, 2);
}

// Guards repr of containers against infinite recursion, as CPython's Py_ReprEnter:
// `ReprGuard g(obj); if (g.recursive()) return "[...]";`
class ReprGuard {
 public:
  explicit ReprGuard(Object* o);
  ~ReprGuard();
  bool recursive() const { return recursive_; }

 private:
  Object* obj_;
  bool recursive_;
};

bool is_subtype(Type* a, Type* b);
bool isinstance(Value obj, Type* t);

// Binds the arguments of a built-in function [fname] to [names] in order (positional or
// keyword), storing borrowed values in [out] (null where not given). Raises CPython's
// TypeErrors for too many, missing ([required] first ones) or unknown keyword arguments.
void parse_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, size_t required, Value* out);
// Raises "TypeError: f() takes no keyword arguments" when kwnames is non-empty.
void no_kwargs(const char* fname, Tuple* kwnames);

}  // namespace rt
