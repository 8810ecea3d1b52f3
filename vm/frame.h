// Frame records and the VM-internal helpers shared by the interpreter loop (vm/interp.cpp),
// the function types (vm/function.cpp) and the traceback printer (vm/traceback.cpp).
// A frame lives inline on the thread's value stack, between its locals and its evaluation stack:
//
//   ... caller's stack | callable (self|null) | localsplus[nlocalsplus] | Frame | eval stack ...
//                       ^ base                 ^ localsplus               ^ this  ^ stack()
#pragma once

#include <cstdint>

#include "runtime/error.h"
#include "runtime/objects.h"
#include "vm/code.h"
#include "vm/thread_state.h"

namespace vm {

struct Frame {
  Frame* prev;              // the calling frame (null for the outermost)
  Code* code;
  rt::Function* func;       // null for module code run by run_module_code
  rt::Dict* globals;
  rt::Dict* builtins;
  rt::Dict* locals;         // the names dict of module and class bodies; null in functions
  rt::Value* base;          // first slot released on return: the callable (and self|null)
  rt::Value* localsplus;
  const uint32_t* ip;       // the instruction after the current one (saved at calls)
  uint32_t is_entry;        // entered from C++: returning leaves the interpreter loop
  uint32_t is_init;         // a class's __init__ called by the VM's construction fast path:
                            // base[0] holds the new instance, which the call returns

  rt::Value* stack() { return reinterpret_cast<rt::Value*>(this + 1); }
  // The first slot past everything this frame may use (where a nested frame may start).
  rt::Value* end() { return stack() + code->stacksize + kStackSlack; }
  // Index of the instruction that is running (or that made the call).
  uint32_t instr_index() const { return static_cast<uint32_t>(ip - code->code.data()) - 1; }

  // Extra evaluation-stack slots beyond code->stacksize: a bound method call shifts its
  // arguments up by one to insert self.
  static constexpr size_t kStackSlack = 2;
};

static_assert(sizeof(Frame) % sizeof(rt::Value) == 0);
constexpr size_t kFrameSlots = sizeof(Frame) / sizeof(rt::Value);

// A new function object for [code] (MakeFunction), taking its name and qualname from the code
// and __module__ from globals["__name__"].
rt::Function* function_new(Code* code, rt::Dict* globals, rt::Dict* builtins);

// Binds [nargs] positional arguments followed by the keyword arguments named in [kwnames]
// (borrowed) to the parameters of [func], writing new references into [localsplus], whose
// varnames slots must start null. Raises CPython's TypeErrors; on error the slots written so
// far are released again.
void bind_arguments(rt::Function* func, rt::Value* localsplus, const rt::Value* args, size_t nargs,
                    rt::Tuple* kwnames);

// The traceback entry type (rt::Traceback).
extern rt::Type traceback_type;
// Fills traceback_type's slots (vm/traceback.cpp), before type_ready.
void init_traceback_type();
// Prepends a traceback entry for [code] at instruction [lasti] (its line and source range)
// to [exc]'s traceback.
void add_traceback(rt::Value exc, Code* code, uint32_t lasti);

// Sets [exc].__context__ to the exception being handled, as CPython does when an exception is
// raised while another is handled (breaking cycles in the context chain).
void set_exception_context(ThreadState* ts, rt::Value exc);

// Imports the module [name] (sys.modules, the built-in modules, the embedded Python ones, then
// files along sys.path; vm/import.cpp). New reference.
rt::Value import_module(rt::Str* name);
// sys.modules, created on first use.
rt::Dict* modules_dict();
// `from m import name`: [module].name, else the submodule m.name of a package; raises
// CPython's ImportError ("cannot import name 'x' from 'm' (/path/m.py)"). New reference.
rt::Value import_from(rt::Value module, rt::Str* name);

// Raises the RecursionError of a too-deep call.
[[noreturn]] void raise_recursion_error();

}  // namespace vm
