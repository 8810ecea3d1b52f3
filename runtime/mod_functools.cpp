// The _functools module: reduce in C++ (it sits in inner loops). functools.py (runtime/lib)
// builds partial, lru_cache, wraps and the rest on top of it in Python.
#include "runtime/builtins_internal.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

namespace rt {

namespace {

// reduce(function, iterable[, initial])
Value f_reduce(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("reduce", kwnames);
  check_positional("reduce", nargs, 2, 3);
  Ref it;
  try {
    it = Ref::steal(get_iter(args[1]));
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_TypeError))) throw;
    raise_msg(&exc_TypeError, "reduce() arg 2 must support iteration");
  }
  Ref acc = nargs == 3 ? Ref::borrow(args[2]) : Ref();
  for (;;) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) break;
    if (!acc) acc = x;
    else acc = Ref::steal(call2(args[0], acc.get(), x.get()));
  }
  if (!acc) raise_msg(&exc_TypeError, "reduce() of empty iterable with no initial value");
  return acc.release();
}

Module* create_functools() {
  Module* m = module_new("_functools");
  add_function(m->dict, "reduce", f_reduce);
  return m;
}

}  // namespace

void init_functools_module() { register_builtin_module("_functools", create_functools); }

}  // namespace rt
