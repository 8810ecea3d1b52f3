// The import system: `import m` looks in sys.modules, then among the built-in modules (C++,
// runtime/module registry), then the standard modules written in Python (embedded, see
// vm/stdlib.h), then for m.py (or the package m/__init__.py) along sys.path. `import p.m`
// imports the package p first, then finds m among the embedded modules (p.m) or along
// p.__path__. A module is put in sys.modules before its code runs, so circular imports see the
// partial module, as in CPython.
//
// Threads: a thread importing a module that another thread is importing waits until that
// import is done (CPython's module locks), so the module's code runs once and only the
// importing thread itself can see it half-initialized. Waiting releases the GIL.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>

#include "compiler/compile.h"
#include "runtime/builtins_internal.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/threads.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/stdlib.h"

namespace vm {

using rt::Ref;
using rt::Str;
using rt::Value;

namespace {

// The imports in progress, guarded by [mutex]: the module names being imported (by the
// importing thread), and the modules whose code is running, for the "partially initialized
// module" wording of ImportError. [in_progress] counts the names, so that an import of a
// module already in sys.modules takes no lock while no import runs.
struct Imports {
  std::mutex mutex;
  std::condition_variable done;
  std::map<std::string, ThreadState*, std::less<>> importing;
  std::set<const rt::Object*> initializing;
  std::atomic<size_t> in_progress{0};
};
Imports& imports() {
  static Imports s;
  return s;
}

void set_initializing(const rt::Object* m, bool running) {
  Imports& im = imports();
  std::lock_guard<std::mutex> lock(im.mutex);
  if (running)
    im.initializing.insert(m);
  else
    im.initializing.erase(m);
}

void set_attr(rt::Dict* d, const char* name, Value v) {
  Ref owned = Ref::steal(v);
  rt::dict_set(d, Value::from_obj(rt::str_intern(name)), owned.get());
}

// ModuleNotFoundError("No module named 'x'") with its name attribute set.
[[noreturn]] void raise_not_found(std::string_view name, std::string_view msg) {
  Ref exc = Ref::steal(rt::new_exception(&rt::exc_ModuleNotFoundError, msg));
  Ref n = Ref::steal(rt::str_value(name));
  rt::setattr(exc.get(), rt::str_intern("name"), n.get());
  rt::raise(exc.release());
}

bool read_file(const std::string& path, std::string* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Where a module's source was found: its file, and for a package its directory.
struct Found {
  std::string file;
  std::string package_dir;  // empty for a plain module
};

// Looks for [leaf].py or [leaf]/__init__.py in each directory of [dirs].
bool find_in_dirs(const std::vector<std::string>& dirs, std::string_view leaf, Found* found) {
  for (const std::string& d : dirs) {
    std::filesystem::path base = d.empty() ? std::filesystem::current_path() : std::filesystem::path(d);
    base = std::filesystem::absolute(base).lexically_normal();
    std::error_code ec;
    std::filesystem::path pkg = base / std::string(leaf);
    if (std::filesystem::is_regular_file(pkg / "__init__.py", ec)) {
      found->file = (pkg / "__init__.py").string();
      found->package_dir = pkg.string();
      return true;
    }
    std::filesystem::path file = base / (std::string(leaf) + ".py");
    if (std::filesystem::is_regular_file(file, ec)) {
      found->file = file.string();
      return true;
    }
  }
  return false;
}

// The str items of a list value (sys.path, a package's __path__).
std::vector<std::string> str_list(Value v) {
  std::vector<std::string> out;
  if (v.is_null() || rt::type_of(v) != &rt::list_type) return out;
  rt::List* l = v.as<rt::List>();
  for (size_t i = 0; i < l->size; ++i) {
    if (rt::str_check(l->items[i])) out.emplace_back(rt::as_str(l->items[i])->view());
  }
  return out;
}

// Compiles [source] and runs it as module [name] (registered in sys.modules first; removed
// again if its code raises). [found] is the file it came from, or null for an embedded module;
// an embedded [package] gets an empty __path__ (its submodules are embedded too). New
// reference to the module.
Value exec_module(Str* name, const std::string& source, const std::string& filename, const Found* found,
                  bool package = false) {
  Ref code = Ref::steal(Value::from_obj(compiler::compile_source(source, filename)));
  rt::Module* m = rt::module_new(name->view());
  Ref mod = Ref::steal(Value::from_obj(m));
  if (found) set_attr(m->dict, "__file__", rt::str_value(filename));
  if (package || (found && !found->package_dir.empty())) {
    rt::List* path = rt::list_new(0);
    set_attr(m->dict, "__path__", Value::from_obj(path));
    if (found) {
      Ref dir = Ref::steal(rt::str_value(found->package_dir));
      rt::list_append(path, dir.get());
    }
  }
  if (interp.builtins) {
    rt::incref(interp.builtins);
    set_attr(m->dict, "__builtins__", Value::from_obj(interp.builtins));
  }
  rt::Dict* modules = modules_dict();
  rt::dict_set(modules, Value::from_obj(name), mod.get());
  set_initializing(m, true);
  try {
    rt::decref(run_module_code(code.as<Code>(), m->dict));
  } catch (...) {
    set_initializing(m, false);
    rt::dict_del(modules, Value::from_obj(name));
    throw;
  }
  set_initializing(m, false);
  // As CPython, the import's result is what sys.modules holds at the end (a module may
  // replace itself there).
  Value result = rt::dict_get(modules, Value::from_obj(name));
  if (result.is_null()) rt::raise_fmt(&rt::exc_ImportError, "Loaded module {} not found in sys.modules", name->view());
  rt::incref(result);
  return result;
}

// Runs the embedded module [lib] as [name] (file name `<frozen NAME>`).
Value exec_lib_module(Str* name, const LibSource* lib) {
  return exec_module(name, lib->source, "<frozen " + std::string(name->view()) + ">", nullptr, lib->package);
}

// Loads the top-level module [name] (not in sys.modules yet).
Value load_top_level(Str* name) {
  if (rt::Module* m = rt::find_builtin_module(name->view())) {
    Value mod = Value::from_obj(m);
    Ref owner = Ref::steal(mod);
    rt::dict_set(modules_dict(), Value::from_obj(name), mod);
    return owner.release();
  }
  if (const LibSource* lib = find_lib_source(name->view())) return exec_lib_module(name, lib);
  Value path = rt::dict_get_str(rt::sys_module()->dict, rt::str_intern("path"));
  Found found;
  if (!find_in_dirs(str_list(path), name->view(), &found)) {
    raise_not_found(name->view(), "No module named '" + std::string(name->view()) + "'");
  }
  std::string source;
  if (!read_file(found.file, &source)) rt::raise_fmt(&rt::exc_ImportError, "cannot read '{}'", found.file);
  return exec_module(name, source, found.file, &found);
}

// Loads [name] = "parent.leaf": imports the parent package, finds leaf along its __path__ and
// binds it as an attribute of the parent.
Value load_submodule(Str* name, size_t dot) {
  std::string full(name->view());
  Ref parent = Ref::steal(import_module(rt::str_intern(full.substr(0, dot))));
  Value cached = rt::dict_get(modules_dict(), Value::from_obj(name));
  if (!cached.is_null()) {
    rt::incref(cached);
    return cached;
  }
  std::string leaf = full.substr(dot + 1);
  // A module that is an attribute of a built-in one (os.path).
  Ref attr = Ref::steal(rt::getattr_opt(parent.get(), rt::str_intern(leaf)));
  if (attr && rt::type_of(attr.get()) == &rt::module_type) {
    rt::dict_set(modules_dict(), Value::from_obj(name), attr.get());
    return attr.release();
  }
  Ref path = Ref::steal(rt::getattr_opt(parent.get(), rt::str_intern("__path__")));
  if (!path) {
    raise_not_found(full, "No module named '" + full + "'; '" + full.substr(0, dot) + "' is not a package");
  }
  Ref mod;
  if (const LibSource* lib = find_lib_source(full)) {
    mod = Ref::steal(exec_lib_module(name, lib));
  } else {
    Found found;
    if (!find_in_dirs(str_list(path.get()), leaf, &found)) raise_not_found(full, "No module named '" + full + "'");
    std::string source;
    if (!read_file(found.file, &source)) rt::raise_fmt(&rt::exc_ImportError, "cannot read '{}'", found.file);
    mod = Ref::steal(exec_module(name, source, found.file, &found));
  }
  rt::setattr(parent.get(), rt::str_intern(leaf), mod.get());
  return mod.release();
}

// The __file__ of module [m] as a string, or "unknown location".
std::string module_location(Value m) {
  if (rt::type_of(m) == &rt::module_type) {
    Value f = rt::dict_get_str(m.as<rt::Module>()->dict, rt::str_intern("__file__"));
    if (!f.is_null() && rt::str_check(f)) return std::string(rt::as_str(f)->view());
  }
  return "unknown location";
}

}  // namespace

const LibSource* find_lib_source(std::string_view name) {
  for (const LibSource* s = kLibSources; s->name; ++s) {
    if (name == s->name) return s;
  }
  return nullptr;
}

rt::Dict* modules_dict() {
  if (!interp.modules) interp.modules = rt::dict_new();
  return interp.modules;
}

namespace {

// Sets to None the values of [d] except __builtins__, in dict order (as CPython 3.11 clears
// __main__: no pass for names with one leading underscore first). A value's
// finalizer may run Python code that changes [d]: the names are taken first. Lists, tuples,
// dicts and sets go to [later] instead of being dropped at once: CPython frees them after
// the other globals (in the collection that follows), and so what they hold too.
void clear_module_names(rt::Dict* d, std::vector<rt::Ref>* later) {
  std::vector<rt::Ref> names;
  size_t pos = 0;
  Value k;
  while (rt::dict_next(d, &pos, &k, nullptr))
    if (rt::str_check(k) && rt::as_str(k)->view() != "__builtins__") names.push_back(rt::Ref::borrow(k));
  for (const rt::Ref& name : names) {
    try {
      rt::Value v = rt::dict_get(d, name.get());
      if (v.is_null()) continue;
      rt::Type* t = rt::type_of(v);
      if (t == &rt::list_type || t == &rt::tuple_type || t == &rt::dict_type || t == &rt::set_type)
        later->push_back(rt::Ref::borrow(v));
      rt::dict_set(d, name.get(), rt::None());
    } catch (rt::PyError& e) {
      rt::decref(e.take());  // a finalizer's error is reported where it happens
    }
  }
}

}  // namespace

void finalize_modules() {
  std::vector<rt::Ref> modules;
  size_t pos = 0;
  Value name, mod;
  while (rt::dict_next(modules_dict(), &pos, &name, &mod))
    if (rt::type_of(mod) == &rt::module_type) modules.push_back(rt::Ref::borrow(mod));
  interp.finalizing = true;
  std::vector<rt::Ref> later;
  for (auto it = modules.rbegin(); it != modules.rend(); ++it) {
    rt::Module* m = it->as<rt::Module>();
    std::string_view mod_name = m->name ? m->name->view() : std::string_view();
    if (mod_name == "sys" || mod_name == "builtins" || m->dict == nullptr) continue;
    clear_module_names(m->dict, &later);
  }
  modules.clear();
  later.clear();
  rt::gc_collect();
}

namespace {

// The module [name] from sys.modules (new reference), or null.
Value cached_module(Str* name) {
  Value cached = rt::dict_get_ref(modules_dict(), Value::from_obj(name));
  if (cached == rt::None()) {
    rt::decref(cached);
    raise_not_found(name->view(), "import of " + std::string(name->view()) + " halted; None in sys.modules");
  }
  return cached;
}

// Loads [name], not in sys.modules, as the thread that imports it.
Value load_module(Str* name) {
  std::string_view n = name->view();
  size_t dot = n.rfind('.');
  if (dot != std::string_view::npos) return load_submodule(name, dot);
  return load_top_level(name);
}

}  // namespace

Value import_module(Str* name) {
  Imports& im = imports();
  if (im.in_progress.load(std::memory_order_acquire) == 0) {
    Value cached = cached_module(name);
    if (!cached.is_null()) return cached;
  }
  ThreadState* me = current_thread();
  std::string key(name->view());
  {
    std::unique_lock<std::mutex> lock(im.mutex, std::defer_lock);
    rt::lock_released(lock);
    rt::wait_released(im.done, lock, -1, [&] {
      auto it = im.importing.find(key);
      return it == im.importing.end() || it->second == me;
    });
    // Done by another thread meanwhile, or a circular import by this one: sys.modules has it.
    Value cached = cached_module(name);
    if (!cached.is_null()) return cached;
    // This thread's own import of it, not yet in sys.modules: the outer import records it.
    if (!im.importing.emplace(key, me).second) {
      lock.unlock();
      return load_module(name);
    }
    im.in_progress.fetch_add(1, std::memory_order_acq_rel);
  }
  struct Finish {
    Imports& im;
    const std::string& key;
    ~Finish() {
      {
        std::lock_guard<std::mutex> lock(im.mutex);
        im.importing.erase(key);
        im.in_progress.fetch_sub(1, std::memory_order_acq_rel);
      }
      im.done.notify_all();
    }
  } finish{im, key};
  return load_module(name);
}

Value import_from(Value module, Str* name) {
  Value v = rt::getattr_opt(module, name);
  if (!v.is_null()) return v;
  Ref mname = Ref::steal(rt::getattr_opt(module, rt::str_intern("__name__")));
  std::string modname = mname && rt::str_check(mname.get()) ? std::string(mname.as<Str>()->view()) : "<unknown module name>";
  // A submodule of a package: `from pkg import sub`.
  Ref path = Ref::steal(rt::getattr_opt(module, rt::str_intern("__path__")));
  if (path) {
    std::string full = modname + "." + std::string(name->view());
    try {
      return import_module(rt::str_intern(full));
    } catch (rt::PyError& e) {
      if (!rt::isinstance(e.exc(), &rt::exc_ModuleNotFoundError)) throw;
    }
  }
  std::string where = module_location(module);
  std::string msg;
  bool partial;
  {
    std::lock_guard<std::mutex> lock(imports().mutex);
    partial = module.is_obj() && imports().initializing.count(module.as_obj()) != 0;
  }
  if (partial) {
    msg = "cannot import name '" + std::string(name->view()) + "' from partially initialized module '" + modname +
          "' (most likely due to a circular import) (" + where + ")";
  } else {
    msg = "cannot import name '" + std::string(name->view()) + "' from '" + modname + "' (" + where + ")";
  }
  Ref exc = Ref::steal(rt::new_exception(&rt::exc_ImportError, msg));
  Ref n = Ref::steal(rt::str_value(modname));
  rt::setattr(exc.get(), rt::str_intern("name"), n.get());
  rt::raise(exc.release());
}

}  // namespace vm
