// Callables and descriptors implemented in C++: built-in functions (optionally bound to a
// self), method descriptors of built-in types, and the property, staticmethod and
// classmethod wrappers.
#include <fmt/format.h>

#include <vector>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"

namespace rt {

Type builtin_function_type, method_descr_type, property_type, staticmethod_type,
    classmethod_type;

// ---- builtin_function_or_method ---------------------------------------------------------

Value builtin_function_new(const char* name, NativeFn fn, Value self) {
  BuiltinFunction* f = alloc_object<BuiltinFunction>(&builtin_function_type);
  f->name = name;
  f->fn = fn;
  incref(self);
  f->self = self;
  if (self.is_null()) defer_refcount(f);  // a module's function, not a bound method
  return Value::from_obj(f);
}

// The cycle collector's traverse slot: a bound built-in method refers to its self.
static void builtin_function_traverse(Object* o, GcVisitFn visit, void* arg) {
  visit(static_cast<BuiltinFunction*>(o)->self, arg);
}

static void builtin_function_dealloc(Object* o) {
  decref(static_cast<BuiltinFunction*>(o)->self);
  object_free(o);
}

// Calls [fn] with [self] prepended to the arguments (positional and keyword values).
static Value call_with_self(NativeFn fn, Value self, const Value* args, size_t nargs,
                            Tuple* kwnames) {
  size_t total = nargs + (kwnames == nullptr ? 0 : kwnames->size);
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    buf = big.data();
  }
  buf[0] = self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return fn(buf, nargs + 1, kwnames);
}

static Value builtin_function_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  BuiltinFunction* f = self.as<BuiltinFunction>();
  if (f->self.is_null()) return f->fn(args, nargs, kwnames);
  return call_with_self(f->fn, f->self, args, nargs, kwnames);
}

// "<built-in function len>" or "<built-in method append of list object at 0x...>".
static Value builtin_function_repr(Value self) {
  BuiltinFunction* f = self.as<BuiltinFunction>();
  if (f->self.is_null() || type_of(f->self) == &module_type) {
    return str_value(fmt::format("<built-in function {}>", f->name));
  }
  const void* addr = f->self.is_obj() ? static_cast<const void*>(f->self.as_obj()) : nullptr;
  return str_value(fmt::format("<built-in method {} of {} object at {}>", f->name,
                               type_name(f->self), addr));
}

static Value builtin_function_getattr(Value self, Str* name) {
  BuiltinFunction* f = self.as<BuiltinFunction>();
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") return str_value(f->name);
  if (n == "__self__") {
    if (f->self.is_null()) return None();
    incref(f->self);
    return f->self;
  }
  return generic_getattr(self, name);
}

// ---- method_descriptor ------------------------------------------------------------------

// Raises unless [self] is an instance of the descriptor's owner type.
static void check_descr_self(MethodDescr* d, Value self) {
  if (!isinstance(self, d->owner)) {
    raise_fmt(&exc_TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
              d->name, d->owner->name, type_name(self));
  }
}

static Value method_descr_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  MethodDescr* d = self.as<MethodDescr>();
  if (nargs == 0) {
    raise_fmt(&exc_TypeError, "unbound method {}.{}() needs an argument", d->owner->name,
              d->name);
  }
  check_descr_self(d, args[0]);
  return d->fn(args, nargs, kwnames);
}

// Fetched from an instance, a method descriptor binds to it; from the type it is itself.
static Value method_descr_get(Value descr, Value obj, Value) {
  MethodDescr* d = descr.as<MethodDescr>();
  if (obj.is_null()) {
    incref(descr);
    return descr;
  }
  check_descr_self(d, obj);
  return builtin_function_new(d->name, d->fn, obj);
}

static Value method_descr_repr(Value self) {
  MethodDescr* d = self.as<MethodDescr>();
  return str_value(fmt::format("<method '{}' of '{}' objects>", d->name, d->owner->name));
}

static Value method_descr_getattr(Value self, Str* name) {
  MethodDescr* d = self.as<MethodDescr>();
  std::string_view n = name->view();
  if (n == "__name__") return str_value(d->name);
  if (n == "__qualname__") return str_value(fmt::format("{}.{}", d->owner->name, d->name));
  if (n == "__objclass__") {
    incref(d->owner);
    return Value::from_obj(d->owner);
  }
  return generic_getattr(self, name);
}

// ---- property ---------------------------------------------------------------------------

// The cycle collector's slots: the accessor functions.
static void property_traverse(Object* o, GcVisitFn visit, void* arg) {
  Property* p = static_cast<Property*>(o);
  visit(p->fget, arg);
  visit(p->fset, arg);
  visit(p->fdel, arg);
  visit(p->doc, arg);
}

static void property_clear(Object* o) {
  Property* p = static_cast<Property*>(o);
  Value fields[] = {p->fget, p->fset, p->fdel, p->doc};
  p->fget = p->fset = p->fdel = p->doc = Value::null();
  for (Value v : fields) decref(v);
}

static void property_dealloc(Object* o) {
  Property* p = static_cast<Property*>(o);
  decref(p->fget);
  decref(p->fset);
  decref(p->fdel);
  decref(p->doc);
  decref(p->name);
  object_free(o);
}

// Null for None, so "not given" and None mean the same.
static Value none_to_null(Value v) { return (v.is_null() || v == None()) ? Value::null() : v; }

// A property; without [doc] it takes its getter's docstring, as CPython.
static Value property_make(Type* t, Value fget, Value fset, Value fdel, Value doc, Value name) {
  Ref getter_doc;
  fget = none_to_null(fget);
  doc = none_to_null(doc);
  if (doc.is_null() && !fget.is_null()) {
    getter_doc = Ref::steal(getattr_opt(fget, str_intern("__doc__")));
    doc = none_to_null(getter_doc.get());
  }
  Property* p = alloc_object<Property>(t);
  p->fget = fget;
  p->fset = none_to_null(fset);
  p->fdel = none_to_null(fdel);
  p->doc = doc;
  p->name = name;
  p->getter_doc = !fget.is_null() && !getter_doc.get().is_null();
  incref(p->fget);
  incref(p->fset);
  incref(p->fdel);
  incref(p->doc);
  incref(p->name);
  return Value::from_obj(p);
}

static Value property_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  parse_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, a);
  return property_make(type, a[0], a[1], a[2], a[3], Value::null());
}

// "property 'x' of 'A' object has no setter" (the name only when known).
[[noreturn]] static void property_error(Property* p, Value obj, const char* what) {
  if (!p->name.is_null() && str_check(p->name)) {
    raise_fmt(&exc_AttributeError, "property '{}' of '{}' object has no {}",
              as_str(p->name)->view(), type_name(obj), what);
  }
  raise_fmt(&exc_AttributeError, "property of '{}' object has no {}", type_name(obj), what);
}

static Value property_get(Value descr, Value obj, Value) {
  Property* p = descr.as<Property>();
  if (obj.is_null()) {
    incref(descr);
    return descr;
  }
  if (p->fget.is_null()) property_error(p, obj, "getter");
  return call1(p->fget, obj);
}

// The property's descr_set slot: fset(obj, v), or fdel(obj) when [v] is null.
static void property_set(Value descr, Value obj, Value v) {
  Property* p = descr.as<Property>();
  if (v.is_null()) {
    if (p->fdel.is_null()) property_error(p, obj, "deleter");
    Ref r = Ref::steal(call1(p->fdel, obj));
  } else {
    if (p->fset.is_null()) property_error(p, obj, "setter");
    Ref r = Ref::steal(call2(p->fset, obj, v));
  }
}

bool descr_set(Value descr, Value obj, Value v) {
  Type* t = type_of(descr);
  if (t->descr_set == nullptr) return false;
  t->descr_set(descr, obj, v);
  return true;
}

bool is_data_descriptor(Value v) { return type_of(v)->descr_set != nullptr; }

static Value property_getattr(Value self, Str* name) {
  Property* p = self.as<Property>();
  std::string_view n = name->view();
  Value f = Value::null();
  if (n == "fget") f = p->fget;
  else if (n == "fset") f = p->fset;
  else if (n == "fdel") f = p->fdel;
  else if (n == "__doc__") f = p->doc;
  else return generic_getattr(self, name);
  if (f.is_null()) return None();
  incref(f);
  return f;
}

// property.getter/setter/deleter(f): a copy with one accessor replaced.
static Value property_with(const Value* args, size_t nargs, int which) {
  if (nargs != 2) raise_msg(&exc_TypeError, "expected one argument");
  Property* p = args[0].as<Property>();
  Value fget = which == 0 ? args[1] : p->fget;
  Value fset = which == 1 ? args[1] : p->fset;
  Value fdel = which == 2 ? args[1] : p->fdel;
  Value doc = p->getter_doc && !none_to_null(fget).is_null() ? Value::null() : p->doc;
  return property_make(type_of(args[0]), fget, fset, fdel, doc, p->name);
}
static Value property_getter(const Value* args, size_t nargs, Tuple*) {
  return property_with(args, nargs, 0);
}
static Value property_setter(const Value* args, size_t nargs, Tuple*) {
  return property_with(args, nargs, 1);
}
static Value property_deleter(const Value* args, size_t nargs, Tuple*) {
  return property_with(args, nargs, 2);
}

// property.__set_name__(owner, name): remembers the attribute name for error messages.
static Value property_set_name(const Value* args, size_t nargs, Tuple*) {
  if (nargs != 3) raise_msg(&exc_TypeError, "__set_name__ expected 2 arguments");
  Property* p = args[0].as<Property>();
  incref(args[2]);
  decref(p->name);
  p->name = args[2];
  return None();
}

// ---- staticmethod, classmethod ----------------------------------------------------------

// The cycle collector's traverse slot of staticmethod and classmethod: the wrapped callable
// (no clear slot: the function or a dict breaks the cycle, and the wrapper stays usable).
static void wrapper_traverse(Object* o, GcVisitFn visit, void* arg) {
  visit(static_cast<StaticMethod*>(o)->func, arg);
}

static void wrapper_dealloc(Object* o) {
  decref(static_cast<StaticMethod*>(o)->func);
  object_free(o);
}

static Value wrapper_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs(type->name, kwnames);
  if (nargs != 1) {
    raise_fmt(&exc_TypeError, "{} expected 1 argument, got {}", type->name, nargs);
  }
  StaticMethod* s = alloc_object<StaticMethod>(type);
  incref(args[0]);
  s->func = args[0];
  return Value::from_obj(s);
}

static Value wrapper_repr(Value self) {
  std::string inner = repr_string(self.as<StaticMethod>()->func);
  return str_value(fmt::format("<{}({})>", type_name(self), inner));
}

static Value wrapper_getattr(Value self, Str* name) {
  if (name->view() == "__func__" || name->view() == "__wrapped__") {
    Value f = self.as<StaticMethod>()->func;
    incref(f);
    return f;
  }
  return generic_getattr(self, name);
}

static Value staticmethod_get(Value descr, Value, Value) {
  Value f = descr.as<StaticMethod>()->func;
  incref(f);
  return f;
}

static Value staticmethod_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(self.as<StaticMethod>()->func, args, nargs, kwnames);
}

// A class method binds to the class: a native function gets the class as its self, a
// Python function becomes a bound method.
static Value classmethod_get(Value descr, Value obj, Value type) {
  Value f = descr.as<ClassMethod>()->func;
  Value cls = type;
  if (cls.is_null() || cls == None()) cls = Value::from_obj(type_of(obj));
  if (type_of(f) == &builtin_function_type && f.as<BuiltinFunction>()->self.is_null()) {
    BuiltinFunction* bf = f.as<BuiltinFunction>();
    return builtin_function_new(bf->name, bf->fn, cls);
  }
  return method_new(f, cls);
}

void init_descr_types() {
  type_init_static(&builtin_function_type, "builtin_function_or_method", nullptr,
                   sizeof(BuiltinFunction));
  builtin_function_type.dealloc = builtin_function_dealloc;
  builtin_function_type.traverse = builtin_function_traverse;
  builtin_function_type.call = builtin_function_call;
  builtin_function_type.repr = builtin_function_repr;
  builtin_function_type.getattr = builtin_function_getattr;

  type_init_static(&method_descr_type, "method_descriptor", nullptr, sizeof(MethodDescr));
  method_descr_type.call = method_descr_call;
  method_descr_type.descr_get = method_descr_get;
  method_descr_type.repr = method_descr_repr;
  method_descr_type.getattr = method_descr_getattr;

  type_init_static(&property_type, "property", nullptr, sizeof(Property), kTypeBaseType);
  property_type.dealloc = property_dealloc;
  property_type.traverse = property_traverse;
  property_type.clear = property_clear;
  property_type.construct = property_construct;
  property_type.descr_get = property_get;
  property_type.descr_set = property_set;
  property_type.getattr = property_getattr;

  type_init_static(&staticmethod_type, "staticmethod", nullptr, sizeof(StaticMethod),
                   kTypeBaseType);
  staticmethod_type.dealloc = wrapper_dealloc;
  staticmethod_type.traverse = wrapper_traverse;
  staticmethod_type.construct = wrapper_construct;
  staticmethod_type.repr = wrapper_repr;
  staticmethod_type.getattr = wrapper_getattr;
  staticmethod_type.descr_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;

  type_init_static(&classmethod_type, "classmethod", nullptr, sizeof(ClassMethod),
                   kTypeBaseType);
  classmethod_type.dealloc = wrapper_dealloc;
  classmethod_type.traverse = wrapper_traverse;
  classmethod_type.construct = wrapper_construct;
  classmethod_type.repr = wrapper_repr;
  classmethod_type.getattr = wrapper_getattr;
  classmethod_type.descr_get = classmethod_get;

  type_ready(&builtin_function_type);
  type_ready(&method_descr_type);
  type_ready(&property_type);
  type_ready(&staticmethod_type);
  type_ready(&classmethod_type);
  type_add_method(&property_type, "getter", property_getter);
  type_add_method(&property_type, "setter", property_setter);
  type_add_method(&property_type, "deleter", property_deleter);
  type_add_method(&property_type, "__set_name__", property_set_name);
}

}  // namespace rt
