// The built-in exception types and exception objects: construction, args, str/repr,
// attributes (__cause__, __context__, __traceback__, per-type ones such as SystemExit.code
// and SyntaxError.msg), matching for except clauses, and raising from C++.
#include <fmt/format.h>

#include <cerrno>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"

// The traceback type belongs to the VM (vm/traceback.cpp).
namespace vm {
extern rt::Type traceback_type;
}

namespace rt {

#define MINIPY_DEFINE_EXC(name, base) Type exc_##name;
MINIPY_EXCEPTIONS(MINIPY_DEFINE_EXC)
#undef MINIPY_DEFINE_EXC


// Allocates an exception of [type] owning [args] (stolen).
static BaseException* exception_alloc(Type* type, Tuple* args) {
  size_t size = type->basicsize < sizeof(BaseException) ? sizeof(BaseException) : type->basicsize;
  BaseException* e = alloc_object<BaseException>(type, size - sizeof(BaseException));
  e->args = args;
  e->cause = Value::null();  // zeroed memory would read as the float 0.0
  e->context = Value::null();
  return e;
}

// The cycle collector's slots: the dict, args, cause and context (tracebacks hold only code).
static void exception_traverse(Object* o, GcVisitFn visit, void* arg) {
  BaseException* e = static_cast<BaseException*>(o);
  visit(Value::from_obj(e->dict), arg);
  visit(Value::from_obj(e->args), arg);
  visit(e->cause, arg);
  visit(e->context, arg);
}

static void exception_clear(Object* o) {
  BaseException* e = static_cast<BaseException*>(o);
  Dict* d = e->dict;
  Tuple* args = e->args;
  Value cause = e->cause, context = e->context;
  e->dict = nullptr;
  e->args = tuple_empty();  // str(e) stays valid
  e->cause = Value::null();
  e->context = Value::null();
  if (d != nullptr) decref(d);
  if (args != nullptr) decref(args);
  decref(cause);
  decref(context);
}

static void exception_dealloc(Object* o) {
  BaseException* e = static_cast<BaseException*>(o);
  if (e->dict != nullptr) decref(e->dict);
  if (e->args != nullptr) decref(e->args);
  if (e->traceback != nullptr) decref(e->traceback);
  decref(e->cause);
  decref(e->context);
  object_free(o);
}

// ValueError(*args): any positional arguments, no keywords.
static Value exception_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs(type->name, kwnames);
  return Value::from_obj(exception_alloc(type, tuple_from(args, nargs)));
}

// The OSError subclass for errno [no] (CPython's errnomap), or OSError.
static Type* oserror_subtype(int64_t no) {
  switch (no) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES: case EPERM: return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return &exc_OSError;
  }
}

// OSError's fields from its arguments (errno, strerror[, filename[, winerror[, filename2]]]):
// they go to [e]'s dict, and a filename (not None) is left out of args, as CPython.
static void oserror_set_fields(BaseException* e, const Value* args, size_t nargs) {
  bool fields = nargs >= 2 && nargs <= 5;
  bool has_file = fields && nargs >= 3 && args[2] != None();
  Tuple* old = e->args;
  e->args = tuple_from(args, has_file ? 2 : nargs);
  if (old != nullptr) decref(old);
  if (!fields) return;
  if (e->dict == nullptr) e->dict = dict_new();
  dict_set(e->dict, Value::from_obj(str_intern("errno")), args[0]);
  dict_set(e->dict, Value::from_obj(str_intern("strerror")), args[1]);
  if (has_file) {
    dict_set(e->dict, Value::from_obj(str_intern("filename")), args[2]);
    if (nargs == 5) dict_set(e->dict, Value::from_obj(str_intern("filename2")), args[4]);
  }
}

// OSError(...): OSError itself makes the subclass that the errno names (OSError(2, 'x') is a
// FileNotFoundError), as CPython's errnomap.
static Value oserror_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs(type->name, kwnames);
  if (type == &exc_OSError && nargs >= 2 && nargs <= 5 && int_check(args[0])) {
    int64_t no;
    if (int_to_i64(args[0], &no)) type = oserror_subtype(no);
  }
  Ref exc = Ref::steal(Value::from_obj(exception_alloc(type, nullptr)));
  oserror_set_fields(exc.as<BaseException>(), args, nargs);
  return exc.release();
}

// OSError.__init__(self, *args), which classes deriving from OSError run.
static Value oserror_init(const Value* args, size_t nargs, Tuple* kwnames) {
  BaseException* e = args[0].as<BaseException>();
  no_kwargs(e->type->name, kwnames);
  oserror_set_fields(e, args + 1, nargs - 1);
  return None();
}

bool exception_check(Value v) {
  return v.is_obj() && (type_of(v)->flags & kTypeExceptionSubclass) != 0;
}

Value new_exception(Type* type, std::string_view msg) {
  Value m = str_value(msg);
  Tuple* args = tuple_new(1);
  args->items()[0] = m;
  return Value::from_obj(exception_alloc(type, args));
}

// An attribute stored in the instance dict (SyntaxError.msg set by the parser), or null.
static Value instance_attr(BaseException* e, const char* name) {
  if (e->dict == nullptr) return Value::null();
  return dict_get_str(e->dict, str_intern(name));
}

// args[i], or null if there are not that many.
static Value arg_at(BaseException* e, size_t i) {
  if (e->args == nullptr || e->args->size <= i) return Value::null();
  return e->args->item(i);
}

// The attributes computed from args: SystemExit.code, StopIteration.value, SyntaxError's
// msg/filename/lineno/offset/text/end_lineno/end_offset, OSError's errno/strerror/filename.
// Borrowed; null if [name] is not one of [e]'s, None where it has no value.
static Value computed_attr(BaseException* e, std::string_view name) {
  Type* t = e->type;
  size_t n = e->args == nullptr ? 0 : e->args->size;
  if (is_subtype(t, &exc_SystemExit) && name == "code") {
    if (n == 0) return None();
    if (n == 1) return arg_at(e, 0);
    return Value::from_obj(e->args);
  }
  if (is_subtype(t, &exc_StopIteration) && name == "value") {
    return n == 0 ? None() : arg_at(e, 0);
  }
  if (is_subtype(t, &exc_SyntaxError)) {
    static const char* const kFields[] = {"filename", "lineno", "offset", "text", "end_lineno",
                                          "end_offset"};
    if (name == "msg") return n >= 1 ? arg_at(e, 0) : None();
    for (size_t i = 0; i < 6; ++i) {
      if (name != kFields[i]) continue;
      Value info = arg_at(e, 1);
      if (n == 2 && type_of(info) == &tuple_type && info.as<Tuple>()->size > i) {
        return info.as<Tuple>()->item(i);
      }
      return None();
    }
    if (name == "print_file_and_line") return None();
  }
  if (is_subtype(t, &exc_OSError) &&
      (name == "errno" || name == "strerror" || name == "filename" || name == "filename2")) {
    return None();  // set in the dict by oserror_construct
  }
  if (is_subtype(t, &exc_ImportError) && (name == "name" || name == "path")) return None();
  if (is_subtype(t, &exc_AttributeError) && (name == "name" || name == "obj")) return None();
  if (is_subtype(t, &exc_NameError) && name == "name") return None();
  return Value::null();
}

// A named attribute of [e] that lives in its dict or is computed from args; borrowed.
static Value exception_field(BaseException* e, const char* name) {
  Value v = instance_attr(e, name);
  if (!v.is_null()) return v;
  return computed_attr(e, name);
}

// SyntaxError's str: "msg (file.py, line 3)" with the file's base name.
static std::string syntax_error_str(BaseException* e) {
  Value msg = exception_field(e, "msg");
  std::string out = str_string(msg.is_null() ? None() : msg);
  Value filename = exception_field(e, "filename");
  Value lineno = exception_field(e, "lineno");
  bool have_file = !filename.is_null() && str_check(filename);
  bool have_line = !lineno.is_null() && lineno.is_int();
  std::string file;
  if (have_file) {
    std::string_view f = as_str(filename)->view();
    size_t slash = f.rfind('/');
    file = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
  }
  if (have_file && have_line) return fmt::format("{} ({}, line {})", out, file, lineno.as_int());
  if (have_file) return fmt::format("{} ({})", out, file);
  if (have_line) return fmt::format("{} (line {})", out, lineno.as_int());
  return out;
}

std::string exception_str(Value exc) {
  BaseException* e = exc.as<BaseException>();
  Type* t = e->type;
  size_t n = e->args == nullptr ? 0 : e->args->size;
  if (is_subtype(t, &exc_SyntaxError)) return syntax_error_str(e);
  if (is_subtype(t, &exc_OSError)) {
    // "[Errno 2] msg", with ": 'file'" (and " -> 'file2'") when a filename is set.
    Value no = exception_field(e, "errno"), msg = exception_field(e, "strerror");
    Value file = exception_field(e, "filename"), file2 = exception_field(e, "filename2");
    if (file != None()) {
      std::string s =
          fmt::format("[Errno {}] {}: {}", str_string(no), str_string(msg), repr_string(file));
      if (file2 != None()) s += " -> " + repr_string(file2);
      return s;
    }
    if (no != None() && msg != None())
      return fmt::format("[Errno {}] {}", str_string(no), str_string(msg));
  }
  if (n == 0) return "";
  if (n == 1) {
    if (is_subtype(t, &exc_KeyError)) return repr_string(e->args->item(0));
    return str_string(e->args->item(0));
  }
  return repr_string(Value::from_obj(e->args));
}

static Value exception_str_slot(Value self) { return str_value(exception_str(self)); }

// "ValueError('x')", "ValueError()", "ValueError(1, 2)": the type's plain name, as CPython's
// _PyType_Name ("Empty()" for a _queue.Empty).
static Value exception_repr(Value self) {
  BaseException* e = self.as<BaseException>();
  std::string_view name = e->type->name;
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(dot + 1);
  size_t n = e->args == nullptr ? 0 : e->args->size;
  if (n == 1) return str_value(fmt::format("{}({})", name, repr_string(e->args->item(0))));
  if (n == 0) return str_value(fmt::format("{}()", name));
  return str_value(fmt::format("{}{}", name, repr_string(Value::from_obj(e->args))));
}

// New reference to [v], or None when null.
static Value or_none(Value v) {
  if (v.is_null()) return None();
  incref(v);
  return v;
}

static Value exception_getattr(Value self, Str* name) {
  BaseException* e = self.as<BaseException>();
  std::string_view n = name->view();
  if (n == "args") return or_none(Value::from_obj(e->args));
  if (n == "__cause__") return or_none(e->cause);
  if (n == "__context__") return or_none(e->context);
  if (n == "__traceback__") {
    return e->traceback == nullptr ? None() : or_none(Value::from_obj(e->traceback));
  }
  if (n == "__suppress_context__") return from_bool(e->suppress_context);
  if (n == "__dict__") {
    if (e->dict == nullptr) e->dict = dict_new();
    return or_none(Value::from_obj(e->dict));
  }
  Value v = generic_getattr_dict(self, name, e->dict);
  if (!v.is_null()) return v;
  Value c = computed_attr(e, n);
  return c.is_null() ? c : or_none(c);
}

// Replaces [*slot] (null meaning None) with [v], checking it is None or an exception.
static void set_chain(Value* slot, Value v, const char* what) {
  if (v.is_null()) raise_fmt(&exc_TypeError, "{} may not be deleted", what);
  if (v != None() && !exception_check(v)) {
    raise_fmt(&exc_TypeError, "exception {} must be None or derive from BaseException",
              std::string_view(what).substr(2, std::string_view(what).size() - 4));
  }
  Value nv = v == None() ? Value::null() : v;
  incref(nv);
  decref(*slot);
  *slot = nv;
}

static void exception_setattr(Value self, Str* name, Value v) {
  BaseException* e = self.as<BaseException>();
  std::string_view n = name->view();
  if (n == "args") {
    if (v.is_null()) raise_msg(&exc_TypeError, "args may not be deleted");
    Ref it = Ref::steal(call1(Value::from_obj(&tuple_type), v));
    if (e->args != nullptr) decref(e->args);
    e->args = it.release().as<Tuple>();
    return;
  }
  if (n == "__cause__") {
    set_chain(&e->cause, v, "__cause__");
    e->suppress_context = true;
    return;
  }
  if (n == "__context__") {
    set_chain(&e->context, v, "__context__");
    return;
  }
  if (n == "__suppress_context__") {
    if (v.is_null()) raise_msg(&exc_TypeError, "__suppress_context__ may not be deleted");
    e->suppress_context = truthy(v);
    return;
  }
  if (n == "__traceback__") {
    if (v.is_null()) raise_msg(&exc_TypeError, "__traceback__ may not be deleted");
    if (v != None() && type_of(v) != &vm::traceback_type) {
      raise_msg(&exc_TypeError, "__traceback__ must be a traceback or None");
    }
    Traceback* tb = v == None() ? nullptr : v.as<Traceback>();
    if (tb != nullptr) incref(tb);
    if (e->traceback != nullptr) decref(e->traceback);
    e->traceback = tb;
    return;
  }
  if (v.is_null()) {
    if (e->dict == nullptr || !dict_del(e->dict, Value::from_obj(name))) {
      raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", e->type->name, n);
    }
    return;
  }
  if (e->dict == nullptr) e->dict = dict_new();
  dict_set(e->dict, Value::from_obj(name), v);
}

// exc.with_traceback(tb): sets __traceback__ and returns exc.
static Value exception_with_traceback(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("with_traceback", kwnames);
  if (nargs != 2) raise_fmt(&exc_TypeError, "with_traceback() takes exactly one argument ({} given)", nargs - 1);
  exception_setattr(args[0], str_intern("__traceback__"), args[1]);
  incref(args[0]);
  return args[0];
}

// ---- matching and raising ----------------------------------------------------------------

// True if [t] is a class deriving from BaseException.
static bool is_exception_class(Value t) {
  return t.is_obj() && is_subtype(type_of(t), &type_type) &&
         (t.as<Type>()->flags & kTypeExceptionSubclass) != 0;
}

bool exception_matches(Value exc, Value type_or_tuple) {
  static const char* const kMsg =
      "catching classes that do not inherit from BaseException is not allowed";
  Type* et = type_of(exc);
  if (type_of(type_or_tuple) == &tuple_type || isinstance(type_or_tuple, &tuple_type)) {
    Tuple* tup = type_or_tuple.as<Tuple>();
    for (size_t i = 0; i < tup->size; ++i) {
      if (!is_exception_class(tup->item(i))) raise_msg(&exc_TypeError, kMsg);
    }
    for (size_t i = 0; i < tup->size; ++i) {
      if (is_subtype(et, tup->item(i).as<Type>())) return true;
    }
    return false;
  }
  if (!is_exception_class(type_or_tuple)) raise_msg(&exc_TypeError, kMsg);
  return is_subtype(et, type_or_tuple.as<Type>());
}

void raise(Value exc) {
  if (is_exception_class(exc)) {
    Ref owned = Ref::steal(exc);
    Value inst = call0(exc);
    if (!exception_check(inst)) {
      Ref bad = Ref::steal(inst);
      raise_fmt(&exc_TypeError,
                "calling {} should have returned an instance of BaseException, not {}",
                repr_string(exc), type_name(inst));
    }
    throw PyError(inst);
  }
  if (exception_check(exc)) throw PyError(exc);
  decref(exc);
  raise_msg(&exc_TypeError, "exceptions must derive from BaseException");
}

void raise_msg(Type* type, std::string_view msg) { throw PyError(new_exception(type, msg)); }

void raise_memory_error() {
  thread_local bool making = false;  // the MemoryError's own allocation failed
  if (making) throw std::bad_alloc();
  making = true;
  Value exc;
  try {
    exc = Value::from_obj(exception_alloc(&exc_MemoryError, tuple_empty()));
  } catch (...) {
    making = false;
    throw;
  }
  making = false;
  throw PyError(exc);
}

void raise_binop_error(Value a, Value b, BinOp op) {
  if (op == BinOp::Pow) {
    raise_fmt(&exc_TypeError, "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
              type_name(a), type_name(b));
  }
  raise_fmt(&exc_TypeError, "unsupported operand type(s) for {}: '{}' and '{}'", binop_symbol(op),
            type_name(a), type_name(b));
}

const char* type_name(Value v) { return type_of(v)->name; }

// Each exception type with its name and its base's name, in MINIPY_EXCEPTIONS order (bases
// come before the types deriving from them).
struct ExcInfo {
  Type* type;
  const char* name;
  const char* base;
};
static const ExcInfo kExceptions[] = {
#define MINIPY_EXC_INFO(name, base) {&exc_##name, #name, #base},
    MINIPY_EXCEPTIONS(MINIPY_EXC_INFO)
#undef MINIPY_EXC_INFO
};

void init_error_types() {
  for (const ExcInfo& info : kExceptions) {
    Type* base = &object_type;
    for (const ExcInfo& b : kExceptions) {
      if (std::string_view(b.name) == info.base) base = b.type;
    }
    type_init_static(info.type, info.name, base, sizeof(BaseException),
                     kTypeBaseType | kTypeExceptionSubclass);
  }
  exc_BaseException.dictoffset = field_offset(&BaseException::dict);
  exc_BaseException.dealloc = exception_dealloc;
  exc_BaseException.traverse = exception_traverse;
  exc_BaseException.clear = exception_clear;
  exc_BaseException.construct = exception_construct;
  exc_BaseException.repr = exception_repr;
  exc_BaseException.str = exception_str_slot;
  exc_BaseException.getattr = exception_getattr;
  exc_BaseException.setattr = exception_setattr;
  exc_OSError.construct = oserror_construct;
  for (const ExcInfo& info : kExceptions) type_ready(info.type);
  type_add_method(&exc_BaseException, "with_traceback", exception_with_traceback);
  type_add_method(&exc_OSError, "__init__", oserror_init);
}

}  // namespace rt
