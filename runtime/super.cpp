// super() (zero-argument form through the caller's __class__ cell and first argument, and
// super(type, obj)) and the __build_class__ built-in that class statements call.
#include <fmt/format.h>

#include "runtime/builtins_internal.h"
#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace rt {

Type super_type;

namespace {

struct Super : Object {
  Type* thisclass;  // the class after which the MRO search starts
  Value obj;       // the instance or class bound to (null for unbound super(type))
  Type* obj_type;  // type(obj), or obj itself when obj is a class
};

void super_dealloc(Object* o) {
  decref(static_cast<Super*>(o)->obj);
  object_free(o);
}

// The type that super(type, obj) searches: obj's type, or obj when it is a subclass of type.
Type* super_check(Type* type, Value obj) {
  if (obj.is_obj() && is_subtype(type_of(obj), &type_type) && is_subtype(obj.as<Type>(), type)) {
    return obj.as<Type>();
  }
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  raise_msg(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

// super() inside a method: the class from the __class__ cell, the first argument of the
// calling frame.
void super_from_frame(Type** type, Value* obj) {
  vm::Frame* f = vm::current_thread()->frame;
  if (f == nullptr) raise_msg(&exc_RuntimeError, "super(): no current frame");
  vm::Code* co = f->code;
  // As CPython 3.11, a method taking only *args has no first argument to use.
  if (co->argcount == 0) raise_msg(&exc_RuntimeError, "super(): no arguments");
  Value first = f->localsplus[0];
  if (first.is_obj() && type_of(first) == &cell_type) first = first.as<Cell>()->value;
  if (first.is_null()) raise_msg(&exc_RuntimeError, "super(): arg[0] deleted");
  Tuple* fv = co->freevars;
  for (size_t i = 0; i < fv->size; ++i) {
    if (fv->item(i).as<Str>()->view() != "__class__") continue;
    Value cell = f->localsplus[co->nvarnames() + co->ncellvars() + i];
    Value cls = cell.as<Cell>()->value;
    if (cls.is_null()) raise_msg(&exc_RuntimeError, "super(): empty __class__ cell");
    if (!is_subtype(type_of(cls), &type_type)) {
      raise_fmt(&exc_RuntimeError, "super(): __class__ is not a type ({})", type_name(cls));
    }
    *type = cls.as<Type>();
    *obj = first;
    return;
  }
  raise_msg(&exc_RuntimeError, "super(): __class__ cell not found");
}

Value super_construct(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("super", kwnames);
  if (nargs > 2) raise_fmt(&exc_TypeError, "super() takes at most 2 arguments ({} given)", nargs);
  Type* type;
  Value obj = Value::null();
  if (nargs == 0) {
    super_from_frame(&type, &obj);
  } else {
    if (!args[0].is_obj() || !is_subtype(type_of(args[0]), &type_type)) {
      raise_fmt(&exc_TypeError, "super() argument 1 must be a type, not {}", type_name(args[0]));
    }
    type = args[0].as<Type>();
    if (nargs == 2 && args[1] != None()) obj = args[1];
  }
  Type* obj_type = obj.is_null() ? nullptr : super_check(type, obj);
  Super* s = alloc_object<Super>(&super_type);
  s->thisclass = type;
  incref(obj);
  s->obj = obj;
  s->obj_type = obj_type;
  return Value::from_obj(s);
}

// Attributes are looked up along obj's MRO after [type], and bound to obj.
Value super_getattr(Value self, Str* name) {
  Super* s = self.as<Super>();
  if (s->obj_type != nullptr && name->view() != "__class__") {
    Tuple* mro = s->obj_type->mro;
    size_t i = 0;
    while (i < mro->size && mro->item(i).as_obj() != s->thisclass) ++i;
    for (++i; i < mro->size; ++i) {
      Type* k = mro->item(i).as<Type>();
      if (k->dict == nullptr) continue;
      Value v = dict_get_str(k->dict, name);
      if (v.is_null()) continue;
      Type* vt = type_of(v);
      if (vt->descr_get != nullptr) {
        Value inst = s->obj == Value::from_obj(s->obj_type) ? Value::null() : s->obj;
        return vt->descr_get(v, inst, Value::from_obj(s->obj_type));
      }
      incref(v);
      return v;
    }
  }
  std::string_view n = name->view();
  if (n == "__thisclass__") return Value::from_obj(s->thisclass);
  if (n == "__self__") {
    Value o = s->obj.is_null() ? None() : s->obj;
    incref(o);
    return o;
  }
  if (n == "__self_class__") return s->obj_type ? Value::from_obj(s->obj_type) : None();
  return generic_getattr(self, name);
}

// "<super: <class 'B'>, <B object>>"
Value super_repr(Value self) {
  Super* s = self.as<Super>();
  std::string t = repr_string(Value::from_obj(s->thisclass));
  if (s->obj_type == nullptr) return str_value(fmt::format("<super: {}, NULL>", t));
  return str_value(fmt::format("<super: {}, <{} object>>", t, s->obj_type->name));
}

}  // namespace

// __build_class__(func, name, *bases, **kwds): runs the class body [func] with a new
// namespace, then creates the class.
Value build_class(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) raise_msg(&exc_TypeError, "__build_class__: not enough arguments");
  if (type_of(args[0]) != &function_type) raise_msg(&exc_TypeError, "__build_class__: func must be a function");
  if (!str_check(args[1])) raise_msg(&exc_TypeError, "__build_class__: name is not a string");
  Str* name = as_str(args[1]);
  size_t nkw = kw_count(kwnames);
  for (size_t i = 0; i < nkw; ++i) {
    Str* k = kw_name(kwnames, i);
    Value v = args[nargs + i];
    if (k->view() == "metaclass") {
      if (v == Value::from_obj(&type_type)) continue;
      raise_msg(&exc_TypeError, "minipy does not support metaclasses");
    }
    raise_fmt(&exc_TypeError, "{}.__init_subclass__() takes no keyword arguments", name->view());
  }
  Ref bases = Ref::steal(Value::from_obj(tuple_from(args + 2, nargs - 2)));
  Ref ns = Ref::steal(Value::from_obj(dict_new()));
  Ref cell = Ref::steal(vm::call_function_with_locals(args[0].as<Function>(), ns.as<Dict>()));
  return class_new(name, bases.as<Tuple>(), ns.as<Dict>());
}

void init_super_type() {
  type_init_static(&super_type, "super", nullptr, sizeof(Super), kTypeBaseType);
  super_type.dealloc = super_dealloc;
  super_type.construct = super_construct;
  super_type.getattr = super_getattr;
  super_type.repr = super_repr;
  type_ready(&super_type);
  add_function(vm::interp.builtins, "__build_class__", build_class);
  dict_set(vm::interp.builtins, Value::from_obj(str_intern("super")), Value::from_obj(&super_type));
}

}  // namespace rt
