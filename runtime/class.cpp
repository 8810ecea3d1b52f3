// Classes: creating heap types (class statements and type(name, bases, dict)) with C3 method
// resolution order and instance layout, version tags for attribute caches, instances (their
// allocation, attribute dict, construction through __new__ and __init__), and the native
// __init__/__new__ methods of the built-in types that classes inherit.
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <vector>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/qsbr.h"
#include "vm/code.h"
#include "vm/interp.h"

namespace rt {

// Defined in slots.cpp and super.cpp.
void init_slot_wrappers();
void init_super_type();

namespace {

#if !MINIPY_FREE_THREADED
uint32_t g_next_version = 1;
#endif
Value g_object_init = Value::null();   // object.__init__ (borrowed, immortal)
Str* s_init = nullptr;
Str* s_new = nullptr;
Str* s_dict = nullptr;

Value tp_new_wrapper(const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace

// ---- version tags -----------------------------------------------------------------------

#if MINIPY_FREE_THREADED
// Threads may assign tags concurrently: each tag is taken once from an atomic counter, and a
// type keeps the first one stored.
std::atomic<uint32_t> g_next_version_ft{1};

uint32_t type_version(Type* t) {
  std::atomic_ref<uint32_t> tag(t->version);
  uint32_t v = tag.load(std::memory_order_acquire);
  if (v != 0) return v;
  uint32_t fresh = g_next_version_ft.fetch_add(1, std::memory_order_relaxed);
  if (fresh == 0) return 0;  // exhausted (after 2^32 - 1 tags): no more caching
  if (tag.compare_exchange_strong(v, fresh, std::memory_order_acq_rel)) return fresh;
  return v;
}
#else
uint32_t type_version(Type* t) {
  if (t->version == 0 && g_next_version != 0) t->version = g_next_version++;
  return t->version;
}
#endif

// The classes' lists of direct subclasses change when a class is created, which threads may
// do at once; one mutex guards them all (CPython's TYPE_LOCK). Readers copy a list.
namespace {
std::mutex subclasses_mutex;
}

std::vector<Type*> subclasses_of(Type* t) {
  if (!is_heap_type(t)) return {};
  std::lock_guard<std::mutex> lock(subclasses_mutex);
  auto* subs = static_cast<HeapType*>(t)->subclasses;
  return subs != nullptr ? *subs : std::vector<Type*>();
}

void type_modified(Type* t) {
#if MINIPY_FREE_THREADED
  std::atomic_ref<uint32_t>(t->version).store(0, std::memory_order_release);
#else
  t->version = 0;
#endif
  for (Type* s : subclasses_of(t)) type_modified(s);
}

// ---- creation ---------------------------------------------------------------------------

namespace {

// The built-in type whose instance layout [t] has: the first built-in type along its base
// chain, then up while the layout does not grow (ValueError -> BaseException).
Type* layout_base(Type* t) {
  while (is_heap_type(t)) t = t->base;
  while (t->base != nullptr && t->base->basicsize == t->basicsize && t->base->dictoffset == t->dictoffset)
    t = t->base;
  return t;
}

// CPython's best_base: the base whose layout the new class extends; raises when two bases'
// layouts conflict.
Type* best_base(Tuple* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (size_t i = 0; i < bases->size; ++i) {
    Type* b = bases->item(i).as<Type>();
    Type* candidate = layout_base(b);
    if (winner == nullptr || is_subtype(winner, candidate)) {
      if (winner == nullptr) {
        winner = candidate;
        base = b;
      }
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      raise_msg(&exc_TypeError, "multiple bases have instance lay-out conflict");
    }
  }
  return base;
}

// The C3 linearization of [bases] (without the new class itself).
std::vector<Type*> c3_merge(Tuple* bases) {
  std::vector<std::vector<Type*>> seqs;
  for (size_t i = 0; i < bases->size; ++i) {
    Tuple* mro = bases->item(i).as<Type>()->mro;
    std::vector<Type*> s;
    for (size_t j = 0; j < mro->size; ++j) s.push_back(mro->item(j).as<Type>());
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> direct;
  for (size_t i = 0; i < bases->size; ++i) direct.push_back(bases->item(i).as<Type>());
  seqs.push_back(direct);
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<Type*> out;
  for (;;) {
    bool empty = true;
    Type* next = nullptr;
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      Type* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j) {
        for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k) {
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
        }
      }
      if (!in_tail) {
        next = cand;
        break;
      }
    }
    if (empty) break;
    if (next == nullptr) {
      std::vector<Type*> heads;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        Type* h = seqs[i][pos[i]];
        if (std::find(heads.begin(), heads.end(), h) == heads.end()) heads.push_back(h);
      }
      std::string names;
      for (size_t i = 0; i < heads.size(); ++i) {
        if (i) names += ", ";
        names += heads[i]->name;
      }
      raise_fmt(&exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases {}", names);
    }
    out.push_back(next);
    for (size_t i = 0; i < seqs.size(); ++i)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == next) ++pos[i];
  }
  return out;
}

void class_dealloc(Object* o) {
  HeapType* t = static_cast<HeapType*>(o->type);
  Type* solid = t->solid;
  if (t->dictoffset != 0 && solid->dictoffset == 0) {
    Dict** slot = reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + t->dictoffset);
    if (*slot != nullptr) decref(*slot);
  }
  if (solid->dealloc != nullptr) {
    solid->dealloc(o);
  } else {
    object_free(o);
  }
}

// The cycle collector's slots of instances (runtime/gc.h): the instance dict the class added,
// then what the built-in base holds (list items, exception args...).
void class_traverse(Object* o, GcVisitFn visit, void* arg) {
  HeapType* t = static_cast<HeapType*>(o->type);
  Type* solid = t->solid;
  if (t->dictoffset != 0 && solid->dictoffset == 0) {
    Dict** slot = reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + t->dictoffset);
    visit(Value::from_obj(*slot), arg);
  }
  if (solid->traverse != nullptr) solid->traverse(o, visit, arg);
}

void class_clear(Object* o) {
  HeapType* t = static_cast<HeapType*>(o->type);
  Type* solid = t->solid;
  if (t->dictoffset != 0 && solid->dictoffset == 0) {
    Dict** slot = reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + t->dictoffset);
    Dict* d = *slot;
    *slot = nullptr;
    if (d != nullptr) decref(d);
  }
  if (solid->clear != nullptr) solid->clear(o);
}

bool is_plain_function(Value v) { return v.is_obj() && type_of(v) == &function_type; }

// Wraps a plain function stored under [name] in [d] with [wrapper] (staticmethod for __new__,
// classmethod for __init_subclass__), as type_new does.
void wrap_implicit(Dict* d, const char* name, Type* wrapper) {
  Str* key = str_intern(name);
  Value f = dict_get_str(d, key);
  if (!is_plain_function(f)) return;
  Ref w = Ref::steal(call1(Value::from_obj(wrapper), f));
  dict_set(d, Value::from_obj(key), w.get());
}

}  // namespace

Value class_new(Str* name, Tuple* bases_in, Dict* ns) {
  Ref bases_ref;
  if (bases_in->size == 0) {
    Value o = Value::from_obj(&object_type);
    bases_ref = Ref::steal(Value::from_obj(tuple_from(&o, 1)));
  } else {
    bases_ref = Ref::borrow(Value::from_obj(bases_in));
  }
  Tuple* bases = bases_ref.as<Tuple>();
  for (size_t i = 0; i < bases->size; ++i) {
    Value b = bases->item(i);
    if (!b.is_obj() || !is_subtype(type_of(b), &type_type)) {
      raise_fmt(&exc_TypeError, "bases must be types, not {}", type_name(b));
    }
    Type* bt = b.as<Type>();
    if (!(bt->flags & kTypeBaseType)) {
      raise_fmt(&exc_TypeError, "type '{}' is not an acceptable base type", bt->name);
    }
    // Ints and floats are values, not objects (runtime/value.h): an instance of a subclass
    // would have nowhere to keep its class. (float's layout is object's, so layout_base alone
    // let it through, and X(1.5) made a plain float.)
    for (Type* number : {&int_type, &float_type}) {
      if (is_subtype(bt, number))
        raise_fmt(&exc_TypeError, "minipy does not support subclassing '{}'", number->name);
    }
    for (size_t j = 0; j < i; ++j) {
      if (bases->item(j) == b) raise_fmt(&exc_TypeError, "duplicate base class {}", bt->name);
    }
  }
  Type* base = best_base(bases);
  std::vector<Type*> mro_tail = c3_merge(bases);

  // The class dict: a copy of the namespace with __qualname__ and __classcell__ taken out.
  Ref dict_ref = Ref::steal(Value::from_obj(dict_new()));
  Dict* d = dict_ref.as<Dict>();
  Str* qualname = name;
  Value cell = Value::null();
  {
    size_t pos = 0;
    Value k, v;
    static Str* s_qualname = str_intern("__qualname__");
    static Str* s_classcell = str_intern("__classcell__");
    while (dict_next(ns, &pos, &k, &v)) {
      if (k == Value::from_obj(s_qualname)) {
        if (!str_check(v)) raise_fmt(&exc_TypeError, "type __qualname__ must be a str, not {}", type_name(v));
        qualname = as_str(v);
        continue;
      }
      if (k == Value::from_obj(s_classcell)) {
        cell = v;
        continue;
      }
      dict_set(d, k, v);
    }
  }
  static Str* s_module = str_intern("__module__");
  if (dict_get_str(d, s_module).is_null()) {
    Dict* g = vm::current_globals();
    Value m = g ? dict_get_str(g, str_intern("__name__")) : Value::null();
    if (!m.is_null()) dict_set(d, Value::from_obj(s_module), m);
  }
  static Str* s_doc = str_intern("__doc__");
  if (dict_get_str(d, s_doc).is_null()) dict_set(d, Value::from_obj(s_doc), None());
  wrap_implicit(d, "__new__", &staticmethod_type);
  wrap_implicit(d, "__init_subclass__", &classmethod_type);
  wrap_implicit(d, "__class_getitem__", &classmethod_type);
  static Str* s_eq = str_intern("__eq__");
  static Str* s_hash = str_intern("__hash__");
  if (!dict_get_str(d, s_eq).is_null() && dict_get_str(d, s_hash).is_null())
    dict_set(d, Value::from_obj(s_hash), None());

  HeapType* t = alloc_object<HeapType>(&type_type);
  make_immortal(t);
  incref(name);
  t->name_str = name;
  t->name = name->data();
  incref(qualname);
  t->qualname = qualname;
  t->base = base;
  t->dict = static_cast<Dict*>(dict_ref.release().as_obj());
  t->bases = static_cast<Tuple*>(bases_ref.release().as_obj());
  Tuple* mro = tuple_new(mro_tail.size() + 1);
  mro->items()[0] = Value::from_obj(t);
  for (size_t i = 0; i < mro_tail.size(); ++i) mro->items()[i + 1] = Value::from_obj(mro_tail[i]);
  t->mro = mro;
  t->flags = kTypeHeapType | kTypeBaseType;
  for (size_t i = 0; i < t->bases->size; ++i)
    t->flags |= t->bases->item(i).as<Type>()->flags & ~uint32_t(kTypeHeapType | kTypeBaseType);
  Type* solid = base;
  while (is_heap_type(solid)) solid = solid->base;
  t->solid = solid;
  if (is_heap_type(base) || solid->dictoffset != 0) {
    t->basicsize = base->basicsize;
    t->dictoffset = base->dictoffset;
  } else if (solid == &object_type) {
    t->basicsize = sizeof(Instance);
    t->dictoffset = field_offset(&Instance::dict);
  } else if (is_subtype(solid, &tuple_type) || is_subtype(solid, &str_type)) {
    t->basicsize = solid->basicsize;  // items follow the header: no room for a dict
  } else {
    size_t off = (solid->basicsize + 7) & ~size_t(7);
    t->basicsize = off + sizeof(Dict*);
    t->dictoffset = off;
  }
  t->dealloc = class_dealloc;
  t->traverse = class_traverse;
  t->clear = class_clear;
  t->construct = class_construct;
  t->subclasses = new std::vector<Type*>();
  {
    std::lock_guard<std::mutex> lock(subclasses_mutex);
    for (size_t i = 0; i < t->bases->size; ++i) {
      Type* b = t->bases->item(i).as<Type>();
      if (is_heap_type(b)) static_cast<HeapType*>(b)->subclasses->push_back(t);
    }
  }
  update_slots(t);
  Value tv = Value::from_obj(t);

  if (!cell.is_null() && type_of(cell) == &cell_type) {
    Cell* c = cell.as<Cell>();
    Value old = c->value;
    c->value = tv;
    decref(old);
  }
  // __set_name__ on the attributes that have it (property remembers its name).
  {
    static Str* s_set_name = str_intern("__set_name__");
    std::vector<std::pair<Ref, Ref>> items;
    size_t pos = 0;
    Value k, v;
    while (dict_next(t->dict, &pos, &k, &v)) {
      if (!v.is_obj() || type_lookup(type_of(v), s_set_name).is_null()) continue;
      items.emplace_back(Ref::borrow(k), Ref::borrow(v));
    }
    for (auto& [k2, v2] : items) {
      Value args[2] = {tv, k2.get()};
      Ref r = Ref::steal(call_special(v2.get(), s_set_name, args, 2));
    }
  }
  // __init_subclass__ of a base class.
  {
    static Str* s_init_subclass = str_intern("__init_subclass__");
    for (size_t i = 1; i < mro->size; ++i) {
      Type* k = mro->item(i).as<Type>();
      if (k->dict == nullptr) continue;
      Value f = dict_get_str(k->dict, s_init_subclass);
      if (f.is_null()) continue;
      Type* ft = type_of(f);
      if (ft->descr_get == nullptr) break;
      Ref bound = Ref::steal(ft->descr_get(f, Value::null(), tv));
      Ref r = Ref::steal(call0(bound.get()));
      break;
    }
  }
  return tv;
}

// ---- instances --------------------------------------------------------------------------

Value instance_alloc(Type* t) {
  Instance* o = alloc_object<Instance>(t, t->basicsize - sizeof(Instance));
  return Value::from_obj(o);
}

Value instance_getattr(Value obj, Str* name) {
  Dict** ds = instance_dict_slot(obj);
  Value v = generic_getattr_dict(obj, name, ds ? instance_dict_load(ds) : nullptr);
  if (v.is_null() && ds != nullptr && name == s_dict) {
    Dict* d = instance_dict_ensure(ds);
    incref(d);
    return Value::from_obj(d);
  }
  return v;
}

Dict* instance_dict_ensure(Dict** slot) {
  if (Dict* d = instance_dict_load(slot)) return d;
  Dict* fresh = dict_new();
#if MINIPY_FREE_THREADED
  Dict* expected = nullptr;
  if (!std::atomic_ref<Dict*>(*slot).compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) {
    decref(fresh);
    return expected;
  }
#else
  *slot = fresh;
#endif
  return fresh;
}

void instance_dict_replace(Dict** slot, Dict* d) {
#if MINIPY_FREE_THREADED
  Dict* old = std::atomic_ref<Dict*>(*slot).exchange(d, std::memory_order_acq_rel);
#else
  Dict* old = *slot;
  *slot = d;
#endif
  if (old != nullptr) qsbr_decref(old);
}

void instance_setattr(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  if (!descr.is_null()) {
    Type* dt = type_of(descr);
    if (dt->descr_set != nullptr) {
      dt->descr_set(descr, obj, v);
      return;
    }
  }
  Dict** ds = instance_dict_slot(obj);
  if (ds == nullptr) {
    raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", t->name, name->view());
  }
  if (name == s_dict) {
    if (v.is_null()) raise_msg(&exc_TypeError, "cannot delete __dict__");
    if (!isinstance(v, &dict_type)) {
      raise_fmt(&exc_TypeError, "__dict__ must be set to a dictionary, not a '{}'", type_name(v));
    }
    incref(v);
    instance_dict_replace(ds, v.as<Dict>());
    return;
  }
  if (v.is_null()) {
    Dict* d = instance_dict_load(ds);
    if (d == nullptr || !dict_del(d, Value::from_obj(name))) {
      raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", t->name, name->view());
    }
    return;
  }
  dict_set(instance_dict_ensure(ds), Value::from_obj(name), v);
}

void check_init_result(Value r) {
  if (r != None()) {
    const char* tn = type_name(r);
    decref(r);
    raise_fmt(&exc_TypeError, "__init__() should return None, not '{}'", tn);
  }
}

namespace {

// The built-in type whose __new__ a builtin function wraps, or null if [f] is not one.
Type* builtin_new_owner(Value f) {
  if (!f.is_obj() || type_of(f) != &builtin_function_type) return nullptr;
  BuiltinFunction* bf = f.as<BuiltinFunction>();
  if (bf->fn != tp_new_wrapper) return nullptr;
  return bf->self.as<Type>();
}

// A new instance of class [cls] made by built-in type [owner]'s constructor. Types that
// fill their instances in __init__ (list, dict, set: those with a native __init__) are built
// empty; exceptions keep the positional arguments as args; others take the arguments.
Value builtin_new(Type* owner, Type* cls, const Value* args, size_t nargs, Tuple* kwnames) {
  // object.__new__ of a class deriving from another built-in type (a module's type without
  // its own __new__) builds that type's layout.
  if (owner == &object_type && is_heap_type(cls)) owner = static_cast<HeapType*>(cls)->solid;
  if (owner == &object_type) {
    if (!is_heap_type(cls)) return cls->construct(cls, nullptr, 0, nullptr);
    return instance_alloc(cls);
  }
  if (owner->construct == nullptr) raise_fmt(&exc_TypeError, "cannot create '{}' instances", owner->name);
  if (owner->flags & kTypeExceptionSubclass) return owner->construct(cls, args, nargs, nullptr);
  if (type_lookup(owner, s_init) != g_object_init) return owner->construct(cls, nullptr, 0, nullptr);
  return owner->construct(cls, args, nargs, kwnames);
}

// X.__new__(cls, *args): the builtin function bound to built-in type X (args[0]).
Value tp_new_wrapper(const Value* args, size_t nargs, Tuple* kwnames) {
  Type* owner = args[0].as<Type>();
  if (nargs < 2) raise_fmt(&exc_TypeError, "{}.__new__(): not enough arguments", owner->name);
  Value c = args[1];
  if (!c.is_obj() || !is_subtype(type_of(c), &type_type)) {
    raise_fmt(&exc_TypeError, "{}.__new__(X): X is not a type object ({})", owner->name, type_name(c));
  }
  Type* cls = c.as<Type>();
  if (!is_subtype(cls, owner)) {
    raise_fmt(&exc_TypeError, "{}.__new__({}): {} is not a subtype of {}", owner->name, cls->name, cls->name,
              owner->name);
  }
  size_t rest = nargs - 2;
  size_t nkw = kwnames ? kwnames->size : 0;
  if (owner == &object_type && rest + nkw > 0) {
    if (builtin_new_owner(type_lookup(cls, s_new)) != &object_type) {
      raise_msg(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type_lookup(cls, s_init) == g_object_init) raise_fmt(&exc_TypeError, "{}() takes no arguments", cls->name);
  }
  return builtin_new(owner, cls, args + 2, rest, kwnames);
}

// object.__init__(self, *args, **kwargs): accepts no arguments unless __new__ is overridden.
Value object_init(const Value* args, size_t nargs, Tuple* kwnames) {
  size_t extra = nargs - 1 + (kwnames ? kwnames->size : 0);
  if (extra > 0) {
    Type* t = type_of(args[0]);
    if (type_lookup(t, s_init) != g_object_init) {
      raise_msg(&exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    if (builtin_new_owner(type_lookup(t, s_new)) == &object_type) {
      raise_fmt(&exc_TypeError, "{}() takes no arguments", t->name);
    }
  }
  return None();
}

// object.__init_subclass__(cls): does nothing (keyword arguments are an error).
Value object_init_subclass(const Value* args, size_t nargs, Tuple* kwnames) {
  Type* cls = args[0].as<Type>();
  if ((kwnames && kwnames->size) || nargs > 1) {
    raise_fmt(&exc_TypeError, "{}.__init_subclass__() takes no keyword arguments", cls->name);
  }
  return None();
}

// type.mro(): the method resolution order as a new list (__mro__ is the tuple).
static Value type_mro_method(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size)) {
    raise_fmt(&exc_TypeError, "type.mro() takes no arguments ({} given)",
              nargs - 1 + (kwnames ? kwnames->size : 0));
  }
  if (type_of(args[0]) != &type_type && !is_subtype(type_of(args[0]), &type_type)) {
    raise_fmt(&exc_TypeError, "descriptor 'mro' for 'type' objects doesn't apply to a '{}' object",
              type_of(args[0])->name);
  }
  Tuple* mro = args[0].as<Type>()->mro;
  return Value::from_obj(list_from(mro->items(), mro->size));
}

// Calls the method called [name] of [self]'s built-in base [t] with [args].
Value call_builtin_method(Type* t, const char* name, Value self, const Value* args, size_t nargs) {
  Value f = type_lookup(t, str_intern(name));
  return call_method_found(f, self, args, nargs, nullptr);
}

// list.__init__(self, iterable=()): refills the list.
Value list_init(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "list() takes no keyword arguments");
  if (nargs > 2) raise_fmt(&exc_TypeError, "list expected at most 1 argument, got {}", nargs - 1);
  Ref r = Ref::steal(call_builtin_method(&list_type, "clear", args[0], nullptr, 0));
  if (nargs == 2) list_extend(args[0].as<List>(), args[1]);
  return None();
}

// dict.__init__(self, mapping_or_pairs=(), **kwargs): updates the dict.
Value dict_init(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 2) raise_fmt(&exc_TypeError, "dict expected at most 1 argument, got {}", nargs - 1);
  Dict* d = args[0].as<Dict>();
  if (nargs == 2) dict_update(d, args[1]);
  size_t nkw = kwnames ? kwnames->size : 0;
  for (size_t i = 0; i < nkw; ++i) dict_set(d, kwnames->item(i), args[nargs + i]);
  return None();
}

// set.__init__(self, iterable=()): refills the set.
Value set_init(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "set() takes no keyword arguments");
  if (nargs > 2) raise_fmt(&exc_TypeError, "set expected at most 1 argument, got {}", nargs - 1);
  Ref r = Ref::steal(call_builtin_method(&set_type, "clear", args[0], nullptr, 0));
  if (nargs == 2) {
    Ref u = Ref::steal(call_builtin_method(&set_type, "update", args[0], args + 1, 1));
  }
  return None();
}

// BaseException.__init__(self, *args): sets args.
Value exception_init(const Value* args, size_t nargs, Tuple* kwnames) {
  BaseException* e = args[0].as<BaseException>();
  no_kwargs(e->type->name, kwnames);
  Tuple* t = tuple_from(args + 1, nargs - 1);
  if (e->args != nullptr) decref(e->args);
  e->args = t;
  return None();
}

}  // namespace

Value class_simple_init(Type* t) {
  HeapType* h = static_cast<HeapType*>(t);
  uint32_t v = type_version(t);
  if (v != 0 && h->plan_version == v) return h->plan_init;
  Value plan = Value::null();
  if (h->solid == &object_type && builtin_new_owner(type_lookup(t, s_new)) == &object_type) {
    Value init = type_lookup(t, s_init);
    if (is_plain_function(init) && !(init.as<Function>()->code->flags & vm::kCoGenerator)) plan = init;
  }
  // Free-threaded build: the plan is recorded only while one thread runs, so no thread reads
  // it while another writes it; once threads run, a class first built then looks it up.
  if (!object_locks_active()) {
    h->plan_init = plan;
    h->plan_version = v;
  }
  return plan;
}

Value class_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value init = class_simple_init(type);
  if (!init.is_null()) {
    Ref obj = Ref::steal(instance_alloc(type));
    Value r = call_method_found(init, obj.get(), args, nargs, kwnames);
    check_init_result(r);
    return obj.release();
  }
  Value new_f = type_lookup(type, s_new);
  Type* owner = builtin_new_owner(new_f);
  if (owner == &object_type) owner = static_cast<HeapType*>(type)->solid;
  init = type_lookup(type, s_init);
  size_t nkw = kwnames ? kwnames->size : 0;
  Ref obj;
  if (owner != nullptr) {
    if (owner == &object_type && nargs + nkw > 0 && init == g_object_init) {
      raise_fmt(&exc_TypeError, "{}() takes no arguments", type->name);
    }
    obj = Ref::steal(builtin_new(owner, type, args, nargs, kwnames));
  } else {
    std::vector<Value> full(nargs + nkw + 1);
    full[0] = Value::from_obj(type);
    for (size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
    obj = Ref::steal(call(new_f, full.data(), nargs + 1, kwnames));
    if (!isinstance(obj.get(), type)) return obj.release();
  }
  if (init != g_object_init && !init.is_null()) {
    Value r = call_method_found(init, obj.get(), args, nargs, kwnames);
    check_init_result(r);
  }
  return obj.release();
}

// ---- start-up ---------------------------------------------------------------------------

void init_class_support() {
  s_init = str_intern("__init__");
  s_new = str_intern("__new__");
  s_dict = str_intern("__dict__");
  init_slot_wrappers();
  init_super_type();
  type_add_method(&object_type, "__init__", object_init);
  type_add_classmethod(&object_type, "__init_subclass__", object_init_subclass);
  type_add_method(&type_type, "mro", type_mro_method);
  g_object_init = dict_get_str(object_type.dict, s_init);
  type_add_method(&list_type, "__init__", list_init);
  type_add_method(&dict_type, "__init__", dict_init);
  type_add_method(&set_type, "__init__", set_init);
  type_add_method(&exc_BaseException, "__init__", exception_init);
  // X.__new__ for the built-in types that can be instantiated and subclassed.
  Type* news[] = {&object_type, &list_type, &dict_type, &set_type, &frozenset_type, &tuple_type,
                  &str_type, &exc_BaseException, &property_type};
  for (Type* t : news) {
    Ref f = Ref::steal(builtin_function_new("__new__", tp_new_wrapper, Value::from_obj(t)));
    type_add_attr(t, "__new__", f.get());
  }
}

}  // namespace rt
