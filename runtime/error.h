// Exceptions: the built-in exception types, exception objects and how C++ code raises them.
// Runtime code raises a Python exception by throwing PyError (which owns the exception
// object); the VM catches it at the instruction that called into C++, adds the traceback
// entry and unwinds to the handler from the code object's exception table. Python-level
// `raise` does not go through C++ exceptions.
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "runtime/objects.h"

namespace rt {

// Every built-in exception type: X(Name, Base). Generates the Type objects exc_Name.
#define MINIPY_EXCEPTIONS(X)                     \
  X(BaseException, object)                       \
  X(SystemExit, BaseException)                   \
  X(KeyboardInterrupt, BaseException)            \
  X(GeneratorExit, BaseException)                \
  X(Exception, BaseException)                    \
  X(StopIteration, Exception)                    \
  X(ArithmeticError, Exception)                  \
  X(FloatingPointError, ArithmeticError)         \
  X(OverflowError, ArithmeticError)              \
  X(ZeroDivisionError, ArithmeticError)          \
  X(AssertionError, Exception)                   \
  X(AttributeError, Exception)                   \
  X(ImportError, Exception)                      \
  X(ModuleNotFoundError, ImportError)            \
  X(LookupError, Exception)                      \
  X(IndexError, LookupError)                     \
  X(KeyError, LookupError)                       \
  X(MemoryError, Exception)                      \
  X(NameError, Exception)                        \
  X(UnboundLocalError, NameError)                \
  X(EOFError, Exception)                         \
  X(OSError, Exception)                          \
  X(BlockingIOError, OSError)                    \
  X(ChildProcessError, OSError)                  \
  X(ConnectionError, OSError)                    \
  X(BrokenPipeError, ConnectionError)            \
  X(ConnectionAbortedError, ConnectionError)     \
  X(ConnectionRefusedError, ConnectionError)     \
  X(ConnectionResetError, ConnectionError)       \
  X(FileExistsError, OSError)                    \
  X(FileNotFoundError, OSError)                  \
  X(InterruptedError, OSError)                   \
  X(IsADirectoryError, OSError)                  \
  X(NotADirectoryError, OSError)                 \
  X(PermissionError, OSError)                    \
  X(ProcessLookupError, OSError)                 \
  X(TimeoutError, OSError)                       \
  X(RuntimeError, Exception)                     \
  X(NotImplementedError, RuntimeError)           \
  X(RecursionError, RuntimeError)                \
  X(SyntaxError, Exception)                      \
  X(IndentationError, SyntaxError)               \
  X(TabError, IndentationError)                  \
  X(SystemError, Exception)                      \
  X(TypeError, Exception)                        \
  X(ValueError, Exception)                       \
  X(UnicodeError, ValueError)

#define MINIPY_DECLARE_EXC(name, base) extern Type exc_##name;
MINIPY_EXCEPTIONS(MINIPY_DECLARE_EXC)
#undef MINIPY_DECLARE_EXC

// A traceback entry: a linked list from the outermost frame to the innermost, as CPython's
// tb_next. [code] is a Code*, kept as an Object so this header does not need vm/.
struct Traceback : Object {
  Traceback* next;
  Object* code;
  int line;
  int lasti;  // index of the instruction that raised, -1 when unknown
};

// Instances of BaseException and its subclasses.
struct BaseException : Object {
  Dict* dict;              // attributes of user subclasses (issue 3); may be null
  Tuple* args;
  Traceback* traceback;    // may be null
  Value cause;             // null means None
  Value context;           // null means None
  bool suppress_context;   // set by `raise ... from ...`
};

bool exception_check(Value v);                        // instance of BaseException
// A new exception instance of [type] with args (msg,).
Value new_exception(Type* type, std::string_view msg);
// exc matches an except clause's [type_or_tuple] (a type or a tuple of types).
bool exception_matches(Value exc, Value type_or_tuple);
// CPython's str(exc): "" for no args, str(arg) for one, str(args) for several; KeyError uses
// repr of its single argument.
std::string exception_str(Value exc);

// The C++ carrier of a raised Python exception. Owns one reference to [exc].
class PyError {
 public:
  explicit PyError(Value exc) : exc_(exc) {}  // steals
  PyError(PyError&& o) noexcept : exc_(o.exc_) { o.exc_ = Value::null(); }
  PyError(const PyError&) = delete;
  ~PyError() { decref(exc_); }
  Value exc() const { return exc_; }          // borrowed
  Value take() {                              // the caller owns the reference
    Value v = exc_;
    exc_ = Value::null();
    return v;
  }

 private:
  Value exc_;
};

[[noreturn]] void raise(Value exc);  // steals [exc]; a type is instantiated with no args
[[noreturn]] void raise_msg(Type* type, std::string_view msg);
template <class... A>
[[noreturn]] void raise_fmt(Type* type, fmt::format_string<A...> f, A&&... args) {
  raise_msg(type, fmt::format(f, std::forward<A>(args)...));
}
// MemoryError with no arguments, as CPython's PyErr_NoMemory: an allocation failed or a
// size is past what can be allocated. Making the exception allocates a little; if that
// fails too, throws std::bad_alloc.
[[noreturn]] void raise_memory_error();
// "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
[[noreturn]] void raise_binop_error(Value a, Value b, BinOp op);
// The type name used in messages: type_of(v)->name.
const char* type_name(Value v);

}  // namespace rt
