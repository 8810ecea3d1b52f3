// The interpreter's entry points: running module code, calling functions from C++, and
// reporting uncaught exceptions.
#pragma once

#include <string_view>
#include <vector>

#include "runtime/objects.h"
#include "vm/code.h"

namespace vm {

// Runs module-level [code] with [globals] as its globals and locals. Returns a new reference
// to the result; raises (PyError) if the code raises.
rt::Value run_module_code(Code* code, rt::Dict* globals);

// Calls the Python function [f]: the function type's call slot, used when C++ code calls
// Python code (sorted's key, map's function). Python-to-Python calls inside the interpreter
// loop do not come here and do not grow the C stack.
rt::Value call_function(rt::Function* f, const rt::Value* args, size_t nargs, rt::Tuple* kwnames);

// Parameter names as CPython's argument errors list them: "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
std::string format_names(const std::vector<std::string>& names);

// CPython's _PyObject_FunctionStr, for messages about a call: "mod.f()", or "f()" for builtins.
std::string function_str(rt::Value f);

// f(*args, **kwargs), with the CallFunctionEx instruction's errors for an [args] that is not
// iterable or a [kwargs] that is not a mapping ([kwargs] null or None: no keywords).
rt::Value call_star(rt::Value f, rt::Value args, rt::Value kwargs);

// Runs the body of a class statement: calls [fn] (no arguments) with [locals] as the names
// dict of its frame (LoadName/StoreName). Returns its result (the __class__ cell or None).
rt::Value call_function_with_locals(rt::Function* fn, rt::Dict* locals);

// The globals of the innermost running Python frame (globals(), vars()).
rt::Dict* current_globals();
// locals() and vars(): the innermost running Python frame's names dict (module and class
// bodies), or for a function a new dict of its bound local, cell and free variables in slot
// order (CPython 3.11's snapshot). New reference; an empty dict when no Python code runs.
rt::Dict* current_locals();

// At exit, once no other thread runs (cli/main.cpp): drops the modules' globals as CPython's
// finalize_modules does, so that what they alone kept alive is freed now and suspended
// generators run their finally blocks. Modules in reverse order of import; in each, the
// names are set to None in dict order, except sys, builtins and __builtins__, which stay;
// lists, tuples, dicts and sets are freed after the other values. Then a collection frees
// the cycles left.
void finalize_modules();

// Prints [exc] to stderr as CPython does for an uncaught exception: chained exceptions
// ("During handling of the above exception..."), "Traceback (most recent call last):",
// File/line/name entries with source lines, "[Previous line repeated N more times]", and
// "Type: message". SyntaxError prints its file, line, text and caret instead of a message.
void print_exception(rt::Value exc);
// As CPython's unraisable hook, for an exception nothing can catch (a collected generator's
// close, a threading atexit call): "Exception ignored in: WHERE", then [exc]'s traceback and
// message, without its cause or context.
void print_unraisable(rt::Value exc, std::string_view where);

}  // namespace vm
