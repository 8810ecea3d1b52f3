// The import system: `import m` looks in sys.modules, then among the built-in modules
// (runtime/module registry), and caches what it loads in sys.modules.
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/frame.h"

namespace vm {

using rt::Value;

rt::Dict* modules_dict() {
  if (!interp.modules) interp.modules = rt::dict_new();
  return interp.modules;
}

Value import_module(rt::Str* name) {
  rt::Dict* modules = modules_dict();
  Value cached = rt::dict_get(modules, Value::from_obj(name));
  if (!cached.is_null()) {
    rt::incref(cached);
    return cached;
  }
  rt::Module* m = rt::find_builtin_module(name->view());
  if (!m) rt::raise_fmt(&rt::exc_ModuleNotFoundError, "No module named '{}'", name->view());
  Value mod = Value::from_obj(m);
  rt::Ref owner = rt::Ref::steal(mod);
  rt::dict_set(modules, Value::from_obj(name), mod);
  return owner.release();
}

}  // namespace vm
