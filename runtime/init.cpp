// runtime_init(): brings the whole runtime up once, calling each part's hook from
// runtime/init.h in dependency order (the object model first, the builtins module last).
#include "runtime/init.h"

#include "runtime/objects.h"

namespace rt {

void runtime_init() {
  static bool done = false;
  if (done) return;
  done = true;
  install_new_handler();
  init_object_types();
  init_str_type();
  init_number_types();
  init_container_types();
  init_vm_types();
  init_builtins();
  init_class_support();
  init_stdlib_modules();
  init_gc_module();
}

}  // namespace rt
