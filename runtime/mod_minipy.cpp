// The _minipy module: internals the Python-written standard modules need. exec(source,
// globals) compiles [source] and runs it with [globals] as its namespace, as CPython's
// dataclasses module uses exec() to build __init__, __repr__ and __eq__ from text.
// print_exception(exc) prints [exc]'s traceback to stderr, as CPython's logging does for
// concurrent.futures' "exception calling callback" reports. set_type_name(cls, name) gives a
// class written in Python the dotted tp_name of CPython's C type (collections.OrderedDict),
// which error messages show; __name__ and repr() are unchanged.
#include "compiler/compile.h"
#include "runtime/builtins_internal.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"
#include "vm/interp.h"

namespace rt {

namespace {

Value m_exec(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("exec", kwnames);
  check_positional("exec", nargs, 2, 3);
  if (!str_check(args[0])) raise_fmt(&exc_TypeError, "exec() arg 1 must be a string, not {}", type_name(args[0]));
  if (type_of(args[1]) != &dict_type) raise_fmt(&exc_TypeError, "exec() globals must be a dict, not {}", type_name(args[1]));
  std::string filename = nargs == 3 && str_check(args[2]) ? std::string(as_str(args[2])->view()) : "<string>";
  Ref code = Ref::steal(Value::from_obj(compiler::compile_source(as_str(args[0])->view(), filename)));
  return vm::run_module_code(code.as<vm::Code>(), args[1].as<Dict>());
}

Value m_print_exception(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("print_exception", kwnames);
  check_positional("print_exception", nargs, 1, 1);
  if (!exception_check(args[0])) raise_msg(&exc_TypeError, "print_exception() argument must be an exception");
  vm::print_exception(args[0]);
  return None();
}

Value m_set_type_name(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("set_type_name", kwnames);
  check_positional("set_type_name", nargs, 2, 2);
  if (!args[0].is_obj() || !is_subtype(type_of(args[0]), &type_type) || !(args[0].as<Type>()->flags & kTypeHeapType))
    raise_msg(&exc_TypeError, "set_type_name() argument 1 must be a class");
  if (!str_check(args[1])) raise_msg(&exc_TypeError, "set_type_name() argument 2 must be str");
  Str* name = str_intern(as_str(args[1])->view());  // interned strings are immortal
  args[0].as<Type>()->name = name->data();
  return None();
}

Module* create_minipy() {
  Module* m = module_new("_minipy");
  add_function(m->dict, "exec", m_exec);
  add_function(m->dict, "print_exception", m_print_exception);
  add_function(m->dict, "set_type_name", m_set_type_name);
  return m;
}

}  // namespace

void init_minipy_module() { register_builtin_module("_minipy", create_minipy); }

}  // namespace rt
