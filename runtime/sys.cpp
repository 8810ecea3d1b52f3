// The sys module: argv, exit, the standard streams, version and implementation, the recursion
// limit and switch interval, maxsize, modules, platform facts. One module object lives for the
// whole run; `import sys` returns it.

#include <cmath>
#include <cstdint>

#include "runtime/builtins_internal.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

#ifndef MINIPY_VERSION
#define MINIPY_VERSION "0.1.0"
#endif

namespace rt {

namespace {

Module* g_sys = nullptr;
List* g_argv = nullptr;

void set(Dict* d, const char* name, Value v) { dict_set(d, Value::from_obj(str_intern(name)), v); }

// Binds [name] to a new reference [v], which the dict now shares.
void set_owned(Dict* d, const char* name, Value v) {
  Ref r = Ref::steal(v);
  set(d, name, r.get());
}

// sys.exit([status]): raises SystemExit(status).
Value s_exit(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "sys.exit() takes no keyword arguments");
  check_positional("exit", nargs, 0, 1);
  raise(call(Value::from_obj(&exc_SystemExit), args, nargs));
}

Value s_getrecursionlimit(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("sys.getrecursionlimit", nargs, kwnames);
  return Value::from_int(vm::interp.recursion_limit);
}

Value s_setrecursionlimit(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("sys.setrecursionlimit", nargs, kwnames);
  if (args[0].is_double()) raise_msg(&exc_TypeError, "'float' object cannot be interpreted as an integer");
  int64_t limit = int_arg(args[0]);
  if (limit > INT32_MAX || limit < INT32_MIN)
    raise_msg(&exc_OverflowError, "Python int too large to convert to C int");
  if (limit < 1) raise_msg(&exc_ValueError, "recursion limit must be greater or equal than 1");
  int depth = vm::current_thread()->recursion_depth;
  if (depth >= limit)
    raise_fmt(&exc_RecursionError,
              "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low", limit, depth);
  vm::interp.recursion_limit = int(limit);
  return None();
}

Value s_getswitchinterval(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("sys.getswitchinterval", nargs, kwnames);
  return Value::from_double(vm::interp.switch_interval);
}

// sys.setswitchinterval(seconds): kept in whole microseconds, as CPython does.
Value s_setswitchinterval(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("sys.setswitchinterval", nargs, kwnames);
  Value v = args[0];
  if (!v.is_double() && !int_check(v)) raise_fmt(&exc_TypeError, "must be real number, not {}", type_name(v));
  double d = float_from_value(v);
  if (!(d > 0.0)) raise_msg(&exc_ValueError, "switch interval must be strictly positive");
  double us = std::floor(1e6 * d);
  if (us > double(UINT32_MAX)) us = double(UINT32_MAX);
  vm::interp.switch_interval = 1e-6 * us;
  return None();
}

Value s_is_gil_enabled(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("sys._is_gil_enabled", nargs, kwnames);
  return from_bool(vm::gil_enabled());
}

Value s_intern(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("sys.intern", nargs, kwnames);
  if (!str_check(args[0])) raise_fmt(&exc_TypeError, "intern() argument must be str, not {}", type_name(args[0]));
  return Value::from_obj(str_intern(as_str(args[0])->view()));
}

// The exception being handled (None outside an except block).
Value handled_exception() {
  Value e = vm::current_thread()->handled_exc;
  if (e.is_null()) return None();
  incref(e);
  return e;
}

Value s_exception(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("sys.exception", nargs, kwnames);
  return handled_exception();
}

// sys.exc_info(): (type, value, None); the traceback object is not exposed.
Value s_exc_info(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("sys.exc_info", nargs, kwnames);
  Tuple* t = tuple_new(3);
  Value e = handled_exception();
  if (e == None()) {
    t->items()[0] = None();
  } else {
    t->items()[0] = Value::from_obj(type_of(e));
    incref(t->items()[0]);
  }
  t->items()[1] = e;
  t->items()[2] = None();
  return Value::from_obj(t);
}

// (3, 11, 7, 'final', 0) as a plain tuple.
Value version_info() {
  Tuple* t = tuple_new(5);
  t->items()[0] = Value::from_int(3);
  t->items()[1] = Value::from_int(11);
  t->items()[2] = Value::from_int(7);
  t->items()[3] = str_value("final");
  t->items()[4] = Value::from_int(0);
  return Value::from_obj(t);
}

// Fills sys.argv and sys.path[0] from the interpreter's state once the CLI has set it (the
// module may be created by runtime_init, before the arguments are known).
void sync_argv() {
  if (g_argv->size != 0 || vm::interp.argv.empty()) return;
  for (const std::string& a : vm::interp.argv) {
    Ref s = Ref::steal(str_value(a));
    list_append(g_argv, s.get());
  }
  Value path = dict_get_str(g_sys->dict, str_intern("path"));
  if (!path.is_null() && type_of(path) == &list_type && path.as<List>()->size > 0) {
    Ref dir = Ref::steal(str_value(vm::interp.script_dir));
    setitem(path, Value::from_int(0), dir.get());
  }
}

// Builds the sys module.
Module* create_sys() {
  Module* m = module_new("sys");
  make_immortal(m);
  Dict* d = m->dict;
  g_argv = list_new(0);
  set_owned(d, "argv", Value::from_obj(g_argv));
  Ref path = Ref::steal(Value::from_obj(list_new(0)));
  Ref dir = Ref::steal(str_value(vm::interp.script_dir));
  list_append(path.as<List>(), dir.get());
  set(d, "path", path.get());
  set(d, "stdout", io_stdout());
  set(d, "stderr", io_stderr());
  set(d, "stdin", io_stdin());
  set(d, "__stdout__", io_stdout());
  set(d, "__stderr__", io_stderr());
  set(d, "__stdin__", io_stdin());
  set_owned(d, "version", str_value("3.11.7 (minipy " MINIPY_VERSION ")"));
  set_owned(d, "version_info", version_info());
  set_owned(d, "hexversion", Value::from_int(0x030B07F0));
  Module* impl = module_new("implementation");
  set_owned(impl->dict, "name", str_value("minipy"));
  set_owned(impl->dict, "cache_tag", None());
  set_owned(impl->dict, "version", version_info());
  set_owned(d, "implementation", Value::from_obj(impl));
  set_owned(d, "maxsize", int_from_i64(INT64_MAX));
  if (!vm::interp.modules) vm::interp.modules = dict_new();
  set(d, "modules", Value::from_obj(vm::interp.modules));
  set_owned(d, "platform", str_value("linux"));
  set_owned(d, "byteorder", str_value("little"));
  set_owned(d, "executable", str_value("minipy"));
  add_function(d, "exit", s_exit);
  add_function(d, "getrecursionlimit", s_getrecursionlimit);
  add_function(d, "setrecursionlimit", s_setrecursionlimit);
  add_function(d, "getswitchinterval", s_getswitchinterval);
  add_function(d, "setswitchinterval", s_setswitchinterval);
  add_function(d, "_is_gil_enabled", s_is_gil_enabled);
  add_function(d, "intern", s_intern);
  add_function(d, "exception", s_exception);
  add_function(d, "exc_info", s_exc_info);
  return m;
}

}  // namespace

Module* sys_module() {
  if (!g_sys) g_sys = create_sys();
  sync_argv();
  return g_sys;
}

}  // namespace rt
