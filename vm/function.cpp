// The VM's object types: Python functions (and their argument binding, with CPython's
// TypeError messages), bound methods, cells and code objects.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/init.h"
#include "runtime/ops.h"
#include "runtime/threads.h"
#include "vm/attr_cache.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/interp.h"

namespace rt {
Type function_type, method_type, cell_type, code_type;
}  // namespace rt

namespace vm {

using rt::Dict;
using rt::Function;
using rt::Ref;
using rt::Str;
using rt::Tuple;
using rt::Value;

rt::Type& code_type = rt::code_type;

namespace {

bool name_is(Str* name, std::string_view s) { return name->view() == s; }
Value new_ref(Value v) {
  rt::incref(v);
  return v;
}
Value obj_or_none(const rt::Object* o) { return o ? new_ref(Value::from_obj(o)) : rt::None(); }

}  // namespace

// ---- function ------------------------------------------------------------------------------

Function* function_new(Code* code, Dict* globals, Dict* builtins) {
  Function* f = rt::alloc_object<Function>(&rt::function_type);
  rt::incref(code);
  f->code = code;
  rt::incref(globals);
  f->globals = globals;
  rt::incref(builtins);
  f->builtins = builtins;
  rt::incref(code->name);
  f->name = code->name;
  rt::incref(code->qualname);
  f->qualname = code->qualname;
  Value mod = rt::dict_get_str(globals, rt::str_intern("__name__"));
  f->module = mod.is_null() ? rt::None() : new_ref(mod);
  return f;
}

// The cycle collector's slots. Clearing leaves a function that is still safe to call (code
// run by a finalizer during a collection may): the closure stays (its cells are cleared
// themselves), and so do the fields dealloc needs (globals, builtins, code, names).
static void function_traverse(rt::Object* o, rt::GcVisitFn visit, void* arg) {
  Function* f = static_cast<Function*>(o);
  visit(Value::from_obj(f->globals), arg);
  visit(Value::from_obj(f->builtins), arg);
  visit(Value::from_obj(f->defaults), arg);
  visit(Value::from_obj(f->kwdefaults), arg);
  visit(Value::from_obj(f->closure), arg);
  visit(Value::from_obj(f->dict), arg);
  visit(f->module, arg);
}

static void function_clear(rt::Object* o) {
  Function* f = static_cast<Function*>(o);
  rt::Object* fields[] = {f->defaults, f->kwdefaults, f->dict};
  f->defaults = nullptr;
  f->kwdefaults = nullptr;
  f->dict = nullptr;
  Value module = f->module;
  f->module = rt::None();
  for (rt::Object* p : fields) {
    if (p) rt::decref(p);
  }
  rt::decref(module);
}

static void function_dealloc(rt::Object* o) {
  Function* f = static_cast<Function*>(o);
  rt::decref(f->code);
  rt::decref(f->globals);
  rt::decref(f->builtins);
  if (f->defaults) rt::decref(f->defaults);
  if (f->kwdefaults) rt::decref(f->kwdefaults);
  if (f->closure) rt::decref(f->closure);
  rt::decref(f->name);
  rt::decref(f->qualname);
  if (f->dict) rt::decref(f->dict);
  rt::decref(f->module);
  rt::object_free(o);
}

static Value function_repr(Value self) {
  Function* f = self.as<Function>();
  return rt::str_value(fmt::format("<function {} at {}>", f->qualname->view(),
                                   static_cast<const void*>(f)));
}

static Value function_call_slot(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call_function(self.as<Function>(), args, nargs, kwnames);
}

// Functions bind to instances: C().f is a bound method; C.f is the function itself.
static Value function_descr_get(Value descr, Value obj, Value) {
  if (obj.is_null() || obj == rt::None()) return new_ref(descr);
  return rt::method_new(descr, obj);
}

static Value function_getattr(Value self, Str* name) {
  Function* f = self.as<Function>();
  std::string_view n = name->view();
  if (n.size() > 4 && n.substr(0, 2) == "__") {
    if (n == "__name__") return new_ref(Value::from_obj(f->name));
    if (n == "__qualname__") return new_ref(Value::from_obj(f->qualname));
    if (n == "__module__") return new_ref(f->module);
    if (n == "__code__") return new_ref(Value::from_obj(f->code));
    if (n == "__globals__") return new_ref(Value::from_obj(f->globals));
    if (n == "__defaults__") return obj_or_none(f->defaults);
    if (n == "__kwdefaults__") return obj_or_none(f->kwdefaults);
    if (n == "__closure__") return obj_or_none(f->closure);
    if (n == "__dict__") {
      if (!f->dict) f->dict = rt::dict_new();
      return new_ref(Value::from_obj(f->dict));
    }
    if (n == "__doc__" && (!f->dict || rt::dict_get_str(f->dict, name).is_null())) {
      if ((f->code->flags & kCoDocstring) && f->code->consts->size > 0) return new_ref(f->code->consts->item(0));
      return rt::None();
    }
  }
  if (f->dict) {
    Value v = rt::dict_get_str(f->dict, name);
    if (!v.is_null()) return new_ref(v);
  }
  return rt::generic_getattr(self, name);
}

static void function_setattr(Value self, Str* name, Value v) {
  Function* f = self.as<Function>();
  if (name_is(name, "__name__") || name_is(name, "__qualname__")) {
    if (v.is_null() || !rt::str_check(v))
      rt::raise_fmt(&rt::exc_TypeError, "{} must be set to a string object", name->view());
    Str*& slot = name_is(name, "__name__") ? f->name : f->qualname;
    rt::incref(v);
    rt::decref(slot);
    slot = v.as<Str>();
    return;
  }
  if (name_is(name, "__defaults__")) {
    Tuple* old = f->defaults;
    if (v.is_null() || v == rt::None()) {
      f->defaults = nullptr;
    } else if (rt::type_of(v) == &rt::tuple_type) {
      rt::incref(v);
      f->defaults = v.as<Tuple>();
    } else {
      rt::raise_msg(&rt::exc_TypeError, "__defaults__ must be set to a tuple object");
    }
    if (old) rt::decref(old);
    return;
  }
  if (!f->dict) f->dict = rt::dict_new();
  Value key = Value::from_obj(name);
  if (v.is_null()) {
    if (!rt::dict_del(f->dict, key))
      rt::raise_fmt(&rt::exc_AttributeError, "'function' object has no attribute '{}'", name->view());
    return;
  }
  rt::dict_set(f->dict, key, v);
}

// ---- argument binding ----------------------------------------------------------------------

std::string format_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (names.size() == 2) out += " and ";
      else if (i + 1 == names.size()) out += ", and ";
      else out += ", ";
    }
    out += "'" + names[i] + "'";
  }
  return out;
}

namespace {

[[noreturn]] void missing_arguments(Function* fn, const Value* localsplus, uint32_t start, uint32_t end,
                                    const char* kind) {
  Code* co = fn->code;
  std::vector<std::string> names;
  for (uint32_t i = start; i < end; ++i)
    if (localsplus[i].is_null()) names.emplace_back(co->varnames->item(i).as<Str>()->view());
  rt::raise_fmt(&rt::exc_TypeError, "{}() missing {} required {} argument{}: {}", fn->qualname->view(),
                names.size(), kind, names.size() == 1 ? "" : "s", format_names(names));
}

[[noreturn]] void too_many_positional(Function* fn, const Value* localsplus, size_t given) {
  Code* co = fn->code;
  size_t kwonly_given = 0;
  for (uint32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; ++i)
    if (!localsplus[i].is_null()) ++kwonly_given;
  size_t defcount = fn->defaults ? fn->defaults->size : 0;
  std::string sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = fmt::format("from {} to {}", co->argcount - defcount, co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = fmt::format("{}", co->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given)
    kwonly_sig = fmt::format(" positional argument{} (and {} keyword-only argument{})", given != 1 ? "s" : "",
                             kwonly_given, kwonly_given != 1 ? "s" : "");
  rt::raise_fmt(&rt::exc_TypeError, "{}() takes {} positional argument{} but {}{} {} given",
                fn->qualname->view(), sig, plural ? "s" : "", given, kwonly_sig,
                given == 1 && !kwonly_given ? "was" : "were");
}

// Raises CPython's error if keywords name positional-only parameters (listed in parameter
// order); returns if none does.
void posonly_passed_as_keyword(Function* fn, Tuple* kwnames) {
  Code* co = fn->code;
  std::string names;
  for (uint32_t i = 0; i < co->posonlyargcount; ++i) {
    Str* param = co->varnames->item(i).as<Str>();
    for (size_t k = 0; k < kwnames->size; ++k) {
      if (rt::str_equal(param, kwnames->item(k).as<Str>())) {
        if (!names.empty()) names += ", ";
        names += param->view();
        break;
      }
    }
  }
  if (!names.empty())
    rt::raise_fmt(&rt::exc_TypeError, "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                  fn->qualname->view(), names);
}

// Stores a new reference to [v] in [slot].
inline void put(Value* slot, Value v) {
  rt::incref(v);
  *slot = v;
}

// The binding proper; on error the caller releases what was written.
void bind_into(Function* fn, Value* localsplus, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  const uint32_t argcount = co->argcount;
  const uint32_t total_args = argcount + co->kwonlyargcount;
  uint32_t slot = total_args;
  Dict* kwdict = nullptr;
  if (co->flags & kCoVarargs) ++slot;
  if (co->flags & kCoVarkeywords) {
    kwdict = rt::dict_new();
    localsplus[slot] = Value::from_obj(kwdict);
  }
  size_t n = nargs < argcount ? nargs : argcount;
  for (size_t i = 0; i < n; ++i) put(&localsplus[i], args[i]);
  if (co->flags & kCoVarargs) {
    Tuple* t = nargs > n ? rt::tuple_from(args + n, nargs - n) : rt::tuple_empty();
    if (nargs <= n) rt::incref(t);
    localsplus[total_args] = Value::from_obj(t);
  }
  if (kwnames) {
    Tuple* varnames = co->varnames;
    for (size_t k = 0; k < kwnames->size; ++k) {
      Str* kw = kwnames->item(k).as<Str>();
      Value value = args[nargs + k];
      // Positional-only parameters are not bound by keyword: such a keyword goes to **kwargs.
      const uint32_t first = co->posonlyargcount;
      uint32_t j = first;
      for (; j < total_args; ++j)
        if (varnames->item(j).as<Str>() == kw) break;
      if (j == total_args) {
        for (j = first; j < total_args; ++j)
          if (rt::str_equal(varnames->item(j).as<Str>(), kw)) break;
      }
      if (j == total_args) {
        if (!kwdict) {
          if (first) posonly_passed_as_keyword(fn, kwnames);
          rt::raise_fmt(&rt::exc_TypeError, "{}() got an unexpected keyword argument '{}'",
                        fn->qualname->view(), kw->view());
        }
        rt::dict_set(kwdict, Value::from_obj(kw), value);
        continue;
      }
      if (!localsplus[j].is_null())
        rt::raise_fmt(&rt::exc_TypeError, "{}() got multiple values for argument '{}'", fn->qualname->view(),
                      kw->view());
      put(&localsplus[j], value);
    }
  }
  if (nargs > argcount && !(co->flags & kCoVarargs)) too_many_positional(fn, localsplus, nargs);
  if (nargs < argcount) {
    size_t defcount = fn->defaults ? fn->defaults->size : 0;
    size_t m = argcount - defcount;
    for (size_t i = nargs; i < m; ++i) {
      if (localsplus[i].is_null()) missing_arguments(fn, localsplus, nargs, m, "positional");
    }
    for (size_t i = n > m ? n - m : 0; i < defcount; ++i)
      if (localsplus[m + i].is_null()) put(&localsplus[m + i], fn->defaults->item(i));
  }
  if (co->kwonlyargcount) {
    bool missing = false;
    for (uint32_t i = argcount; i < total_args; ++i) {
      if (!localsplus[i].is_null()) continue;
      Value def = fn->kwdefaults ? rt::dict_get(fn->kwdefaults, co->varnames->item(i)) : Value::null();
      if (def.is_null()) missing = true;
      else put(&localsplus[i], def);
    }
    if (missing) missing_arguments(fn, localsplus, argcount, total_args, "keyword-only");
  }
}

}  // namespace

void bind_arguments(Function* fn, Value* localsplus, const Value* args, size_t nargs, Tuple* kwnames) {
  try {
    bind_into(fn, localsplus, args, nargs, kwnames);
  } catch (...) {
    uint32_t nv = fn->code->nvarnames();
    for (uint32_t i = 0; i < nv; ++i) {
      rt::decref(localsplus[i]);
      localsplus[i] = Value::null();
    }
    throw;
  }
}

// ---- bound method --------------------------------------------------------------------------

}  // namespace vm

namespace rt {

Value method_new(Value func, Value self) {
  Method* m = alloc_object<Method>(&method_type);
  incref(func);
  m->func = func;
  incref(self);
  m->self = self;
  return Value::from_obj(m);
}

Cell* cell_new(Value v) {
  Cell* c = alloc_object<Cell>(&cell_type);
  incref(v);
  c->value = v;
  return c;
}

}  // namespace rt

namespace vm {

// The cycle collector's traverse slot (no clear: as CPython's, the function or self is the
// container that breaks the cycle).
static void method_traverse(rt::Object* o, rt::GcVisitFn visit, void* arg) {
  rt::Method* m = static_cast<rt::Method*>(o);
  visit(m->func, arg);
  visit(m->self, arg);
}

static void method_dealloc(rt::Object* o) {
  rt::Method* m = static_cast<rt::Method*>(o);
  rt::decref(m->func);
  rt::decref(m->self);
  rt::object_free(o);
}

// "<bound method C.f of <__main__.C object at 0x...>>"
static Value method_repr(Value self) {
  rt::Method* m = self.as<rt::Method>();
  Ref name = Ref::steal(rt::getattr_opt(m->func, rt::str_intern("__qualname__")));
  if (!name) name = Ref::steal(rt::getattr_opt(m->func, rt::str_intern("__name__")));
  std::string n = name && rt::str_check(name.get()) ? std::string(name.as<Str>()->view()) : "?";
  return rt::str_value(fmt::format("<bound method {} of {}>", n, rt::repr_string(m->self)));
}

// Calls func with self prepended to the arguments.
static Value method_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  rt::Method* m = self.as<rt::Method>();
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    buf = big.data();
  }
  buf[0] = m->self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  if (rt::type_of(m->func) == &rt::function_type)
    return call_function(m->func.as<Function>(), buf, nargs + 1, kwnames);
  return rt::call(m->func, buf, nargs + 1, kwnames);
}

static Value method_getattr(Value self, Str* name) {
  rt::Method* m = self.as<rt::Method>();
  if (name_is(name, "__func__")) return new_ref(m->func);
  if (name_is(name, "__self__")) return new_ref(m->self);
  Value v = rt::generic_getattr(self, name);
  if (!v.is_null()) return v;
  return rt::getattr_opt(m->func, name);
}

static Value method_richcompare(Value a, Value b, rt::CmpOp op) {
  if ((op != rt::CmpOp::Eq && op != rt::CmpOp::Ne) || rt::type_of(b) != &rt::method_type)
    return rt::NotImplemented();
  rt::Method* x = a.as<rt::Method>();
  rt::Method* y = b.as<rt::Method>();
  bool eq = x->self == y->self && rt::equal(x->func, y->func);
  return rt::from_bool(op == rt::CmpOp::Eq ? eq : !eq);
}

static int64_t method_hash(Value self) {
  rt::Method* m = self.as<rt::Method>();
  int64_t h = rt::hash(m->func) ^ rt::pointer_hash(reinterpret_cast<const void*>(m->self.bits()));
  return h == -1 ? -2 : h;
}

// ---- cell ----------------------------------------------------------------------------------

// The cycle collector's slots: a cell holds one value.
static void cell_traverse(rt::Object* o, rt::GcVisitFn visit, void* arg) {
  visit(static_cast<rt::Cell*>(o)->value, arg);
}

static void cell_clear(rt::Object* o) {
  rt::Cell* c = static_cast<rt::Cell*>(o);
  Value v = c->value;
  c->value = Value::null();
  rt::decref(v);
}

static void cell_dealloc(rt::Object* o) {
  rt::decref(static_cast<rt::Cell*>(o)->value);
  rt::object_free(o);
}

static Value cell_repr(Value self) {
  rt::Cell* c = self.as<rt::Cell>();
  if (c->value.is_null()) return rt::str_value(fmt::format("<cell at {}: empty>", static_cast<const void*>(c)));
  const void* addr = c->value.is_obj() ? static_cast<const void*>(c->value.as_obj())
                                       : reinterpret_cast<const void*>(c->value.bits() & 0xFFFFFFFFFFFFull);
  return rt::str_value(fmt::format("<cell at {}: {} object at {}>", static_cast<const void*>(c),
                                   rt::type_name(c->value), addr));
}

static Value cell_getattr(Value self, Str* name) {
  rt::Cell* c = self.as<rt::Cell>();
  if (name_is(name, "cell_contents")) {
    if (c->value.is_null()) rt::raise_msg(&rt::exc_ValueError, "Cell is empty");
    return new_ref(c->value);
  }
  return rt::generic_getattr(self, name);
}

// CPython's _PyObject_FunctionStr: "mod.f()" or "f()" for builtins.
std::string function_str(Value f) {
  try {
    Ref q = Ref::steal(rt::getattr_opt(f, rt::str_intern("__qualname__")));
    if (!q || !rt::str_check(q.get())) return rt::str_string(f);
    std::string name(q.as<Str>()->view());
    Ref m = Ref::steal(rt::getattr_opt(f, rt::str_intern("__module__")));
    if (m && rt::str_check(m.get()) && m.as<Str>()->view() != "builtins")
      return std::string(m.as<Str>()->view()) + "." + name + "()";
    return name + "()";
  } catch (rt::PyError&) {
    return "function()";
  }
}

Value call_star(Value f, Value args, Value kwargs) {
  Ref converted;
  if (rt::type_of(args) != &rt::tuple_type) {
    rt::Type* t = rt::type_of(args);
    if (t->iter == nullptr && t->getitem == nullptr)
      rt::raise_fmt(&rt::exc_TypeError, "{} argument after * must be an iterable, not {}", function_str(f),
                    rt::type_name(args));
    Ref l = Ref::steal(Value::from_obj(rt::list_new(0)));
    rt::list_extend(l.as<rt::List>(), args);
    converted = Ref::steal(rt::list_as_tuple(l.as<rt::List>()));
    args = converted.get();
  }
  if (kwargs.is_null() || kwargs == rt::None()) return rt::call(f, args.as<Tuple>()->items(), args.as<Tuple>()->size);
  if (rt::type_of(kwargs) != &rt::dict_type && !(rt::type_of(kwargs)->flags & rt::kTypeDictSubclass) &&
      !Ref::steal(rt::getattr_opt(kwargs, rt::str_intern("keys"))))
    rt::raise_fmt(&rt::exc_TypeError, "{} argument after ** must be a mapping, not {}", function_str(f),
                  rt::type_name(kwargs));
  Ref kw = Ref::steal(Value::from_obj(rt::dict_new()));
  rt::dict_update(kw.as<Dict>(), kwargs);
  return rt::call_with_kwargs(f, args, kw.get());
}

// ---- code ----------------------------------------------------------------------------------

Code* code_new(Str* name, Str* qualname, Str* filename, int firstlineno) {
  Code* c = rt::alloc_object<Code>(&rt::code_type);
  new (&c->code) std::vector<uint32_t>();
  new (&c->lines) std::vector<uint32_t>();
  new (&c->spans) std::vector<SourceSpan>();
  new (&c->exception_table) std::vector<ExceptionEntry>();
  rt::incref(name);
  c->name = name;
  rt::incref(qualname);
  c->qualname = qualname;
  rt::incref(filename);
  c->filename = filename;
  c->firstlineno = firstlineno;
  c->argcount = c->posonlyargcount = c->kwonlyargcount = 0;
  Tuple* empty = rt::tuple_empty();
  for (Tuple** t : {&c->consts, &c->names, &c->varnames, &c->cellvars, &c->freevars}) {
    rt::incref(empty);
    *t = empty;
  }
  return c;
}

static void code_dealloc(rt::Object* o) {
  Code* c = static_cast<Code*>(o);
  using Vec = std::vector<uint32_t>;
  using Table = std::vector<ExceptionEntry>;
  using Spans = std::vector<SourceSpan>;
  c->code.~Vec();
  c->lines.~Vec();
  c->spans.~Spans();
  c->exception_table.~Table();
  delete[] c->attr_cache;
  delete[] c->global_cache;
  for (rt::Object* p : {static_cast<rt::Object*>(c->name), static_cast<rt::Object*>(c->qualname),
                        static_cast<rt::Object*>(c->filename), static_cast<rt::Object*>(c->consts),
                        static_cast<rt::Object*>(c->names), static_cast<rt::Object*>(c->varnames),
                        static_cast<rt::Object*>(c->cellvars), static_cast<rt::Object*>(c->freevars)})
    if (p) rt::decref(p);
  rt::object_free(o);
}

static Value code_repr(Value self) {
  Code* c = self.as<Code>();
  return rt::str_value(fmt::format("<code object {} at {}, file \"{}\", line {}>", c->name->view(),
                                   static_cast<const void*>(c), c->filename->view(), c->firstlineno));
}

static Value code_getattr(Value self, Str* name) {
  Code* c = self.as<Code>();
  std::string_view n = name->view();
  if (n == "co_name") return new_ref(Value::from_obj(c->name));
  if (n == "co_qualname") return new_ref(Value::from_obj(c->qualname));
  if (n == "co_filename") return new_ref(Value::from_obj(c->filename));
  if (n == "co_firstlineno") return Value::from_int(c->firstlineno);
  if (n == "co_argcount") return Value::from_int(c->argcount);
  if (n == "co_posonlyargcount") return Value::from_int(c->posonlyargcount);
  if (n == "co_kwonlyargcount") return Value::from_int(c->kwonlyargcount);
  if (n == "co_flags") return Value::from_int(c->flags);
  if (n == "co_nlocals") return Value::from_int(c->nvarnames());
  if (n == "co_consts") return new_ref(Value::from_obj(c->consts));
  if (n == "co_names") return new_ref(Value::from_obj(c->names));
  if (n == "co_varnames") return new_ref(Value::from_obj(c->varnames));
  if (n == "co_cellvars") return new_ref(Value::from_obj(c->cellvars));
  if (n == "co_freevars") return new_ref(Value::from_obj(c->freevars));
  return rt::generic_getattr(self, name);
}

}  // namespace vm

namespace rt {

// Readies the VM's types: function, method, cell, code and traceback.
void init_vm_types() {
  type_init_static(&function_type, "function", &object_type, sizeof(Function));
  function_type.dealloc = vm::function_dealloc;
  function_type.traverse = vm::function_traverse;
  function_type.clear = vm::function_clear;
  function_type.repr = vm::function_repr;
  function_type.call = vm::function_call_slot;
  function_type.descr_get = vm::function_descr_get;
  function_type.getattr = vm::function_getattr;
  function_type.setattr = vm::function_setattr;
  type_ready(&function_type);

  type_init_static(&method_type, "method", &object_type, sizeof(Method));
  method_type.dealloc = vm::method_dealloc;
  method_type.traverse = vm::method_traverse;
  method_type.repr = vm::method_repr;
  method_type.call = vm::method_call;
  method_type.getattr = vm::method_getattr;
  method_type.richcompare = vm::method_richcompare;
  method_type.hash = vm::method_hash;
  type_ready(&method_type);

  type_init_static(&cell_type, "cell", &object_type, sizeof(Cell));
  cell_type.dealloc = vm::cell_dealloc;
  cell_type.traverse = vm::cell_traverse;
  cell_type.clear = vm::cell_clear;
  cell_type.repr = vm::cell_repr;
  cell_type.getattr = vm::cell_getattr;
  type_ready(&cell_type);

  type_init_static(&code_type, "code", &object_type, sizeof(vm::Code));
  code_type.dealloc = vm::code_dealloc;
  code_type.repr = vm::code_repr;
  code_type.getattr = vm::code_getattr;
  type_ready(&code_type);

  type_init_static(&vm::traceback_type, "traceback", &object_type, sizeof(Traceback));
  vm::init_traceback_type();
  type_ready(&vm::traceback_type);

  vm::init_generator_type();
}

}  // namespace rt
