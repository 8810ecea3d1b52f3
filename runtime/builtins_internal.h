// Helpers shared by the built-in functions (runtime/builtins*.cpp, builtin_iters.cpp, sys.cpp):
// argument checking with CPython's exact TypeError messages, and registration.
#pragma once

#include <initializer_list>

#include "runtime/error.h"
#include "runtime/objects.h"

namespace rt {

inline size_t kw_count(Tuple* kwnames) { return kwnames ? kwnames->size : 0; }
inline Str* kw_name(Tuple* kwnames, size_t i) { return as_str(kwnames->item(i)); }

// METH_O functions: "len() takes no keyword arguments",
// "len() takes exactly one argument (2 given)".
void check_meth_o(const char* fname, size_t nargs, Tuple* kwnames);
// METH_NOARGS: "globals() takes no arguments (1 given)".
void check_meth_noargs(const char* fname, size_t nargs, Tuple* kwnames);
// Positional-only functions: "divmod expected 2 arguments, got 1",
// "iter expected at least 1 argument, got 0", "vars expected at most 1 argument, got 2".
void check_positional(const char* fname, size_t nargs, size_t min, size_t max);
// "'foo' is an invalid keyword argument for print()"
[[noreturn]] void raise_bad_keyword(Str* kw, const char* fname);

// Argument Clinic style binding of [names] (the first [posonly] positional only, the first
// [required] required) into [out] (borrowed, null where not given), with CPython's messages:
// "round() takes at most 2 arguments (3 given)", "pow() missing required argument 'exp'
// (pos 2)", "'x' is an invalid keyword argument for round()".
void clinic_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                 std::initializer_list<const char*> names, size_t posonly, size_t required, Value* out);

// Binds the arguments of a method that CPython writes in Python (threading.py, random.py),
// with the interpreter's messages for it, whose counts include self:
// "Barrier.__init__() missing 1 required positional argument: 'parties'",
// "Random.seed() got an unexpected keyword argument 'x'". [qualname] names the method,
// [names] its parameters after self, the first [required] without defaults, the last
// [kwonly] keyword-only.
void py_method_args(std::string_view qualname, const Value* args, size_t nargs, Tuple* kwnames,
                    std::initializer_list<const char*> names, size_t required, Value* out, size_t kwonly = 0);

// Converts an int-like argument to int64 where CPython uses a C int/ssize_t (TypeError
// "'str' object cannot be interpreted as an integer").
int64_t int_arg(Value v);

// Adds a built-in function [name] to [d].
void add_function(Dict* d, const char* name, NativeFn fn);

// Registers the iterator types and their builtins names (builtin_iters.cpp).
void init_builtin_iters(Dict* builtins);
// Registers the functions of builtins_more.cpp.
void init_builtins_more(Dict* builtins);
// The sys module (sys.cpp): created on first use, immortal; the same module on each import.
Module* sys_module();
// iter(callable, sentinel): calls [f] until it returns [sentinel] (builtin_iters.cpp).
Value callable_iter_new(Value f, Value sentinel);

}  // namespace rt
