// Module objects (attributes live in the module's dict) and the registry of built-in modules
// (sys, and later time, math, ...) that `import` consults before looking for files.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"

namespace rt {

Type module_type;

Module* module_new(std::string_view name) {
  Module* m = alloc_object<Module>(&module_type);
  m->dict = dict_new();
  m->name = str_new(name);
  dict_set(m->dict, Value::from_obj(str_intern("__name__")), Value::from_obj(m->name));
  dict_set(m->dict, Value::from_obj(str_intern("__doc__")), None());
  defer_refcount(m);
  defer_refcount(m->dict);
  return m;
}

// The cycle collector's traverse slot: a module refers to its dict (whose functions refer
// back). No clear slot: the dict breaks such a cycle, and a module stays usable.
static void module_traverse(Object* o, GcVisitFn visit, void* arg) {
  visit(Value::from_obj(static_cast<Module*>(o)->dict), arg);
}

static void module_dealloc(Object* o) {
  Module* m = static_cast<Module*>(o);
  if (m->dict != nullptr) decref(m->dict);
  if (m->name != nullptr) decref(m->name);
  object_free(o);
}

// Module attributes: the dict first, then the module type's own (__dict__, __class__).
static Value module_getattr(Value self, Str* name) {
  Module* m = self.as<Module>();
  Value v = dict_get_str_ref(m->dict, name);
  if (!v.is_null()) return v;
  if (name->view() == "__dict__") {
    incref(m->dict);
    return Value::from_obj(m->dict);
  }
  return generic_getattr(self, name);
}

static void module_setattr(Value self, Str* name, Value v) {
  Module* m = self.as<Module>();
  if (v.is_null()) {
    if (!dict_del(m->dict, Value::from_obj(name))) {
      raise_fmt(&exc_AttributeError, "module '{}' has no attribute '{}'", m->name->view(),
                name->view());
    }
    return;
  }
  dict_set(m->dict, Value::from_obj(name), v);
}

// "<module 'sys' (built-in)>", or "<module 'm' from 'path'>" when it has a __file__.
static Value module_repr(Value self) {
  Module* m = self.as<Module>();
  Value file = dict_get_str(m->dict, str_intern("__file__"));
  if (!file.is_null() && str_check(file)) {
    return str_value(fmt::format("<module '{}' from '{}'>", m->name->view(), as_str(file)->view()));
  }
  return str_value(fmt::format("<module '{}' (built-in)>", m->name->view()));
}

// ---- built-in module registry -------------------------------------------------------------

struct BuiltinModuleEntry {
  std::string name;
  ModuleInit init;
};

static std::vector<BuiltinModuleEntry>& builtin_modules() {
  static std::vector<BuiltinModuleEntry> modules;
  return modules;
}

void register_builtin_module(const char* name, ModuleInit init) {
  for (BuiltinModuleEntry& e : builtin_modules()) {
    if (e.name == name) {
      e.init = init;
      return;
    }
  }
  builtin_modules().push_back({name, init});
}

Module* find_builtin_module(std::string_view name) {
  for (const BuiltinModuleEntry& e : builtin_modules()) {
    if (e.name == name) return e.init();
  }
  return nullptr;
}

void init_module_type() {
  type_init_static(&module_type, "module", nullptr, sizeof(Module), kTypeBaseType);
  module_type.dealloc = module_dealloc;
  module_type.traverse = module_traverse;
  module_type.getattr = module_getattr;
  module_type.setattr = module_setattr;
  module_type.repr = module_repr;
  type_ready(&module_type);
}

}  // namespace rt
