// The type of types: readying built-in types (dict, MRO, slot inheritance), registering
// native methods, attribute lookup along the MRO, and the `type` object's own slots
// (repr, call, attribute access, type(x)).
#include <fmt/format.h>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "runtime/qsbr.h"

namespace rt {

Type type_type;

// Copies every null slot of [t] from [base], with CPython's exceptions: hash and richcompare
// are inherited together (a type defining == without hash is unhashable), and object's
// constructor is not inherited (a type without one cannot be instantiated).
static void inherit_slots(Type* t, Type* base) {
#define MINIPY_INHERIT(slot) \
  if (t->slot == nullptr) t->slot = base->slot;
  MINIPY_INHERIT(dealloc)
  MINIPY_INHERIT(repr)
  MINIPY_INHERIT(str)
  if (t->hash == nullptr && t->richcompare == nullptr) {
    t->hash = base->hash;
    t->richcompare = base->richcompare;
  }
  MINIPY_INHERIT(truthy)
  MINIPY_INHERIT(len)
  MINIPY_INHERIT(getattr)
  MINIPY_INHERIT(setattr)
  MINIPY_INHERIT(call)
  MINIPY_INHERIT(iter)
  MINIPY_INHERIT(next)
  MINIPY_INHERIT(getitem)
  MINIPY_INHERIT(setitem)
  MINIPY_INHERIT(contains)
  MINIPY_INHERIT(binop)
  MINIPY_INHERIT(unary)
  MINIPY_INHERIT(descr_get)
  MINIPY_INHERIT(descr_set)
  MINIPY_INHERIT(traverse)
  MINIPY_INHERIT(clear)
  if (base != &object_type) {
    MINIPY_INHERIT(construct)
  }
#undef MINIPY_INHERIT
  if (t->basicsize == 0) t->basicsize = base->basicsize;
  if (t->dictoffset == 0 && t->basicsize == base->basicsize) t->dictoffset = base->dictoffset;
  t->flags |= base->flags & ~(uint32_t(kTypeBaseType) | uint32_t(kTypeHeapType));
}

// Readies [t] once: header, base (object by default), dict, MRO (the base chain) and
// inherited slots. Bases are readied first.
void type_ready(Type* t) {
  if (t->mro != nullptr) return;
  if (t->type == nullptr) {
    t->type = &type_type;
    init_static_immortal(*t);
  }
  if (t->base == nullptr && t != &object_type) t->base = &object_type;
  if (t->base != nullptr && t->base->mro == nullptr) type_ready(t->base);
  if (t->dict == nullptr) t->dict = dict_new();
  size_t n = 0;
  for (Type* b = t; b != nullptr; b = b->base) ++n;
  Tuple* mro = tuple_new(n);
  size_t i = 0;
  for (Type* b = t; b != nullptr; b = b->base) {
    incref(b);
    mro->items()[i++] = Value::from_obj(b);
  }
  add_slot_wrappers(t, slot_mask(t));
  if (t->base != nullptr) inherit_slots(t, t->base);
  if (t->getattr == nullptr) t->getattr = generic_getattr;
  t->mro = mro;
}

// Stores [v] (borrowed) in [t]'s dict under [name], creating the dict if needed.
// A built-in type's dict and what it holds live as long as the process: they are immortal, so
// that threads calling list.append or reading a built-in type's attributes never write their
// counts (one shared cache line per method in the free-threaded build).
static void type_dict_set(Type* t, const char* name, Value v) {
  if (t->dict == nullptr) {
    t->dict = dict_new();
    if (!(t->flags & kTypeHeapType)) make_immortal(t->dict);
  }
  if (!(t->flags & kTypeHeapType) && v.is_obj()) make_immortal(v.as_obj());
  dict_set(t->dict, Value::from_obj(str_intern(name)), v);
  type_modified(t);
}

void type_add_method(Type* t, const char* name, NativeFn fn) {
  MethodDescr* d = alloc_object<MethodDescr>(&method_descr_type);
  d->name = name;
  d->fn = fn;
  d->owner = t;
  Ref r = Ref::steal(Value::from_obj(d));
  type_dict_set(t, name, r.get());
}

void type_add_classmethod(Type* t, const char* name, NativeFn fn) {
  Ref f = Ref::steal(builtin_function_new(name, fn));
  ClassMethod* cm = alloc_object<ClassMethod>(&classmethod_type);
  cm->func = f.release();
  Ref r = Ref::steal(Value::from_obj(cm));
  type_dict_set(t, name, r.get());
}

void type_add_staticmethod(Type* t, const char* name, NativeFn fn) {
  Ref f = Ref::steal(builtin_function_new(name, fn));
  StaticMethod* sm = alloc_object<StaticMethod>(&staticmethod_type);
  sm->func = f.release();
  Ref r = Ref::steal(Value::from_obj(sm));
  type_dict_set(t, name, r.get());
}

void type_add_attr(Type* t, const char* name, Value v) { type_dict_set(t, name, v); }

// The method cache (CPython's): the results of type_lookup keyed by (version tag, interned
// name). A type's tag changes whenever its dict or a base's changes, so entries never go
// stale; values are borrowed from the type dicts, which outlive the tag.
namespace {
struct MethodCacheEntry {
  uint32_t version;
  Str* name;
  Value value;
};
constexpr size_t kMethodCacheSize = 4096;
// Per thread in the free-threaded build, where threads look types up concurrently.
#if MINIPY_FREE_THREADED
thread_local
#endif
MethodCacheEntry g_method_cache[kMethodCacheSize];

Value type_lookup_uncached(Type* t, Str* name) {
  if (t->mro != nullptr) {
    Tuple* mro = t->mro;
    for (size_t i = 0; i < mro->size; ++i) {
      Type* b = mro->item(i).as<Type>();
      if (b->dict == nullptr) continue;
      Value v = dict_get_str(b->dict, name);
      if (!v.is_null()) return v;
    }
    return Value::null();
  }
  for (Type* b = t; b != nullptr; b = b->base) {
    if (b->dict == nullptr) continue;
    Value v = dict_get_str(b->dict, name);
    if (!v.is_null()) return v;
  }
  return Value::null();
}
}  // namespace

Value type_lookup(Type* t, Str* name) {
  if (!name->interned || t->mro == nullptr) return type_lookup_uncached(t, name);
  uint32_t v = type_version_tag(t);
  if (v == 0) v = type_version(t);
  if (v == 0) return type_lookup_uncached(t, name);
  size_t h = ((v * 2654435761u) ^ (reinterpret_cast<uintptr_t>(name) >> 4)) & (kMethodCacheSize - 1);
  MethodCacheEntry& e = g_method_cache[h];
  if (e.version == v && e.name == name) return e.value;
  Value r = type_lookup_uncached(t, name);
  e.version = v;
  e.name = name;
  e.value = r;
  return r;
}

// ---- the type object's slots --------------------------------------------------------------

// "<class 'int'>", or "<class 'mod.Name'>" for classes defined outside builtins.
static Value type_repr(Value self) {
  Type* t = self.as<Type>();
  if ((t->flags & kTypeHeapType) && t->dict != nullptr) {
    std::string_view qualname = static_cast<HeapType*>(t)->qualname->view();
    Value mod = dict_get_str(t->dict, str_intern("__module__"));
    if (!mod.is_null() && str_check(mod) && as_str(mod)->view() != "builtins") {
      return str_value(fmt::format("<class '{}.{}'>", as_str(mod)->view(), qualname));
    }
    return str_value(fmt::format("<class '{}'>", qualname));
  }
  if (t->module != nullptr) return str_value(fmt::format("<class '{}.{}'>", t->module, t->name));
  return str_value(fmt::format("<class '{}'>", t->name));
}

// A built-in type's __name__: its name after the module's, as CPython's _PyType_Name.
static std::string_view static_type_name(const Type* t) {
  std::string_view n = t->name;
  size_t dot = n.rfind('.');
  return dot == std::string_view::npos ? n : n.substr(dot + 1);
}

// A built-in type's __module__.
static std::string_view static_type_module(const Type* t) {
  if (t->module != nullptr) return t->module;
  std::string_view n = t->name;
  size_t dot = n.rfind('.');
  return dot == std::string_view::npos ? std::string_view("builtins") : n.substr(0, dot);
}

// Calling a type builds an instance through its construct slot.
static Value type_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = self.as<Type>();
  if (t->construct == nullptr) raise_fmt(&exc_TypeError, "cannot create '{}' instances", t->name);
  return t->construct(t, args, nargs, kwnames);
}

// type(x): the type of x. (type(name, bases, dict) comes with classes.)
static Value type_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames == nullptr ? 0 : kwnames->size;
  if (type == &type_type && nargs == 1 && nkw == 0) {
    Type* r = type_of(args[0]);
    incref(r);
    return Value::from_obj(r);
  }
  if (nargs != 1 && nargs != 3) raise_msg(&exc_TypeError, "type() takes 1 or 3 arguments");
  if (nargs == 1) raise_msg(&exc_TypeError, "type.__new__() takes exactly 3 arguments (1 given)");
  if (!str_check(args[0])) {
    raise_fmt(&exc_TypeError, "type.__new__() argument 1 must be str, not {}", type_name(args[0]));
  }
  if (type_of(args[1]) != &tuple_type && !isinstance(args[1], &tuple_type)) {
    raise_fmt(&exc_TypeError, "type.__new__() argument 2 must be tuple, not {}", type_name(args[1]));
  }
  if (!isinstance(args[2], &dict_type)) {
    raise_fmt(&exc_TypeError, "type.__new__() argument 3 must be dict, not {}", type_name(args[2]));
  }
  Str* name = as_str(args[0]);
  return class_new(name->interned ? name : str_intern(name->view()), args[1].as<Tuple>(), args[2].as<Dict>());
}

// Attributes of a type: its own and inherited attributes (descriptors bound with no
// instance), then the special names (__name__, __mro__, ...), then methods of `type`.
static Value type_getattr(Value self, Str* name) {
  Type* t = self.as<Type>();
  std::string_view sn = name->view();
  // The type's own data descriptors come before the class attributes.
  if (sn.size() > 4 && sn[0] == '_' && sn[1] == '_') {
    HeapType* h = (t->flags & kTypeHeapType) ? static_cast<HeapType*>(t) : nullptr;
    if (h != nullptr && sn == "__name__") {
      incref(h->name_str);
      return Value::from_obj(h->name_str);
    }
    if (h != nullptr && sn == "__qualname__") {
      incref(h->qualname);
      return Value::from_obj(h->qualname);
    }
    if (h != nullptr && sn == "__bases__") {
      incref(h->bases);
      return Value::from_obj(h->bases);
    }
    if (sn == "__dict__") {
      if (t->dict == nullptr) t->dict = dict_new();
      Dict* copy = dict_new();
      dict_update(copy, Value::from_obj(t->dict));
      return Value::from_obj(copy);
    }
    if (h != nullptr && sn == "__annotations__") {
      Value a = dict_get_str(t->dict, name);
      if (a.is_null()) {
        Ref fresh = Ref::steal(Value::from_obj(dict_new()));
        dict_set(t->dict, Value::from_obj(name), fresh.get());
        type_modified(t);
        return fresh.release();
      }
      Type* at = type_of(a);
      if (at->descr_get != nullptr) return at->descr_get(a, Value::null(), self);
      incref(a);
      return a;
    }
  }
  Value v = type_lookup(t, name);
  if (!v.is_null()) {
    Type* vt = type_of(v);
    if (vt->descr_get != nullptr) return vt->descr_get(v, Value::null(), self);
    incref(v);
    return v;
  }
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") return str_value(static_type_name(t));
  if (n == "__mro__") {
    incref(t->mro);
    return Value::from_obj(t->mro);
  }
  if (n == "__base__") {
    if (t->base == nullptr) return None();
    incref(t->base);
    return Value::from_obj(t->base);
  }
  if (n == "__bases__") {
    if (t->base == nullptr) return Value::from_obj(tuple_empty());
    Value b = Value::from_obj(t->base);
    return Value::from_obj(tuple_from(&b, 1));
  }
  if (n == "__module__") return Value::from_obj(str_intern(static_type_module(t)));
  if (n == "__doc__") return None();
  if (n == "__class__") {
    Type* m = type_of(self);
    incref(m);
    return Value::from_obj(m);
  }
  Type* meta = type_of(self);
  Value mv = type_lookup(meta, name);
  if (!mv.is_null()) {
    Type* vt = type_of(mv);
    if (vt->descr_get != nullptr) return vt->descr_get(mv, self, Value::from_obj(meta));
    incref(mv);
    return mv;
  }
  return Value::null();
}

// C.__name__ = v / C.__qualname__ = v ([v] null: del): a class's names are fields of the type,
// not entries of its dict. Another thread may be reading the old name (t->name is a plain
// pointer into it), so it is released only after every thread has passed a safe point.
static void set_type_name(HeapType* h, Str* name, Value v) {
  bool qual = name->view() == "__qualname__";
  if (v.is_null()) {
    raise_fmt(&exc_TypeError, "cannot delete '{}' attribute of immutable type '{}'", name->view(),
              h->name);
  }
  if (!str_check(v)) {
    raise_fmt(&exc_TypeError, "can only assign string to {}.{}, not '{}'", h->name, name->view(),
              type_name(v));
  }
  Str* s = as_str(v);
  if (!qual && s->view().find('\0') != std::string_view::npos) {
    raise_msg(&exc_ValueError, "type name must not contain null characters");
  }
  incref(s);
  Str* old = qual ? h->qualname : h->name_str;
  if (qual) {
    h->qualname = s;
  } else {
    h->name_str = s;
    h->name = s->data();
  }
  qsbr_decref(old);
}

// Built-in types are immutable; classes (heap types) store attributes in their dict.
static void type_setattr(Value self, Str* name, Value v) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeapType)) {
    raise_fmt(&exc_TypeError, "cannot set '{}' attribute of immutable type '{}'", name->view(),
              t->name);
  }
  if (name->view() == "__name__" || name->view() == "__qualname__") {
    return set_type_name(static_cast<HeapType*>(t), name, v);
  }
  if (t->dict == nullptr) t->dict = dict_new();
  if (v.is_null()) {
    if (!dict_del(t->dict, Value::from_obj(name))) {
      raise_fmt(&exc_AttributeError, "type object '{}' has no attribute '{}'", t->name,
                name->view());
    }
  } else {
    dict_set(t->dict, Value::from_obj(name), v);
  }
  type_modified(t);
  if (is_slot_dunder(name)) update_slots(static_cast<HeapType*>(t));
}

void init_type_type() {
  type_init_static(&type_type, "type", &object_type, sizeof(Type),
                   kTypeBaseType | kTypeTypeSubclass);
  type_type.repr = type_repr;
  type_type.call = type_call;
  type_type.construct = type_construct;
  type_type.getattr = type_getattr;
  type_type.setattr = type_setattr;
}

}  // namespace rt
