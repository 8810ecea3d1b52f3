// The root of the object model: object, NoneType, NotImplementedType and ellipsis with their
// singletons, deallocation, operator symbols, and init_object_types() which readies every
// type the core owns (type, object, singletons, descriptors, tuple, module, exceptions).
#include <fmt/format.h>

#include <vector>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/init.h"
#include "runtime/ops.h"

namespace rt {

Type object_type, none_type, notimplemented_type, ellipsis_type;

Object none_object = {MINIPY_STATIC_HEADER(&none_type)};
Object notimplemented_object = {MINIPY_STATIC_HEADER(&notimplemented_type)};
Object ellipsis_object = {MINIPY_STATIC_HEADER(&ellipsis_type)};
Object true_object = {MINIPY_STATIC_HEADER(&bool_type)};
Object false_object = {MINIPY_STATIC_HEADER(&bool_type)};

namespace {

inline void run_dealloc(Object* o) {
  Type* t = o->type;
  if (t->dealloc != nullptr) {
    t->dealloc(o);
  } else {
    object_free(o);
  }
}

// Freeing the head of a long chain (a linked list of a million nodes, a dict nested a million
// deep) frees the next link from inside its dealloc, and so on: the C stack would grow with the
// chain. As CPython's "trashcan", deallocs nested deeper than kTrashDepth are queued instead and
// run by the outermost dealloc of the thread, each from a shallow stack. A queued object is taken
// out of the cycle collector's sight first: its count is 0, and code run meanwhile (a generator's
// finally block) may reach a safe point that collects.
constexpr int kTrashDepth = 100;
thread_local int t_dealloc_depth = 0;
thread_local std::vector<Object*> t_trash;

}  // namespace

// Runs the type's dealloc; objects whose type has none just give their memory back.
void dealloc(Object* o) {
  if (t_dealloc_depth >= kTrashDepth) [[unlikely]] {
    if (o->gc_bits & kGcHasHead) gc_untrack(o);
    t_trash.push_back(o);
    return;
  }
  ++t_dealloc_depth;
  run_dealloc(o);
  if (t_dealloc_depth == 1 && !t_trash.empty()) [[unlikely]] {
    while (!t_trash.empty()) {
      Object* next = t_trash.back();
      t_trash.pop_back();
      run_dealloc(next);
    }
  }
  --t_dealloc_depth;
}

const char* binop_symbol(BinOp op) {
  switch (op) {
    case BinOp::Add: return "+";
    case BinOp::Sub: return "-";
    case BinOp::Mul: return "*";
    case BinOp::TrueDiv: return "/";
    case BinOp::FloorDiv: return "//";
    case BinOp::Mod: return "%";
    case BinOp::Pow: return "**";
    case BinOp::LShift: return "<<";
    case BinOp::RShift: return ">>";
    case BinOp::And: return "&";
    case BinOp::Or: return "|";
    case BinOp::Xor: return "^";
    case BinOp::MatMul: return "@";
  }
  return "?";
}

const char* cmpop_symbol(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return "<";
    case CmpOp::Le: return "<=";
    case CmpOp::Eq: return "==";
    case CmpOp::Ne: return "!=";
    case CmpOp::Gt: return ">";
    case CmpOp::Ge: return ">=";
  }
  return "?";
}

CmpOp cmpop_swapped(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::Le: return CmpOp::Ge;
    case CmpOp::Eq: return CmpOp::Eq;
    case CmpOp::Ne: return CmpOp::Ne;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::Ge: return CmpOp::Le;
  }
  return op;
}

int64_t pointer_hash(const void* p) {
  uint64_t y = reinterpret_cast<uint64_t>(p);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

// "<int object at 0x...>", or "<mod.Qualname object at 0x...>" for instances of classes.
std::string default_repr_string(Value v) {
  Type* t = type_of(v);
  if (is_heap_type(t)) {
    std::string_view qualname = static_cast<HeapType*>(t)->qualname->view();
    Value mod = dict_get_str(t->dict, str_intern("__module__"));
    if (!mod.is_null() && str_check(mod) && as_str(mod)->view() != "builtins") {
      return fmt::format("<{}.{} object at {}>", as_str(mod)->view(), qualname,
                         static_cast<const void*>(v.as_obj()));
    }
    return fmt::format("<{} object at {}>", qualname, static_cast<const void*>(v.as_obj()));
  }
  if (t->module != nullptr)
    return fmt::format("<{}.{} object at {}>", t->module, t->name, static_cast<const void*>(v.as_obj()));
  return fmt::format("<{} object at {}>", type_name(v), static_cast<const void*>(v.as_obj()));
}

// ---- object ----------------------------------------------------------------------------

static Value object_repr(Value self) { return str_value(default_repr_string(self)); }

static int64_t object_hash(Value self) {
  if (!self.is_obj()) return static_cast<int64_t>(self.bits());
  return pointer_hash(self.as_obj());
}

// Identity equality; every other comparison is left to the other operand.
static Value object_richcompare(Value a, Value b, CmpOp op) {
  if (op == CmpOp::Eq) return a == b ? True() : NotImplemented();
  if (op == CmpOp::Ne) return a == b ? False() : NotImplemented();
  return NotImplemented();
}

// object(): a featureless instance.
static Value object_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 0 || (kwnames != nullptr && kwnames->size != 0)) {
    raise_fmt(&exc_TypeError, "{}() takes no arguments", type->name);
  }
  size_t size = type->basicsize < sizeof(Object) ? sizeof(Object) : type->basicsize;
  Object* o = alloc_object<Object>(type, size - sizeof(Object));
  return Value::from_obj(o);
}

// ---- NoneType, NotImplementedType, ellipsis ----------------------------------------------

static Value none_repr(Value) { return Value::from_obj(str_intern("None")); }
static bool none_truthy(Value) { return false; }
static Value notimplemented_repr(Value) { return Value::from_obj(str_intern("NotImplemented")); }
static Value ellipsis_repr(Value) { return Value::from_obj(str_intern("Ellipsis")); }

// Calling a singleton's type returns the singleton: type(None)() is None.
static Value singleton_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 0 || (kwnames != nullptr && kwnames->size != 0)) {
    raise_fmt(&exc_TypeError, "{} takes no arguments", type->name);
  }
  Object* o = type == &none_type ? &none_object
              : type == &notimplemented_type ? &notimplemented_object
                                             : &ellipsis_object;
  return Value::from_obj(o);
}

void type_init_static(Type* t, const char* name, Type* base, size_t basicsize, uint32_t flags) {
  init_static_immortal(*t);
  t->gc_bits = 0;
  t->type = &type_type;
  t->name = name;
  t->base = (base == nullptr && t != &object_type) ? &object_type : base;
  t->basicsize = basicsize;
  t->flags |= flags;
}

// Readies type, object, the singletons' types, descriptors, tuple, module and exceptions.
void init_object_types() {
  type_init_static(&object_type, "object", nullptr, sizeof(Object), kTypeBaseType);
  object_type.repr = object_repr;
  object_type.hash = object_hash;
  object_type.richcompare = object_richcompare;
  object_type.getattr = generic_getattr;
  object_type.construct = object_construct;

  init_type_type();

  type_init_static(&none_type, "NoneType", nullptr, sizeof(Object));
  none_type.repr = none_repr;
  none_type.truthy = none_truthy;
  none_type.construct = singleton_construct;
  type_init_static(&notimplemented_type, "NotImplementedType", nullptr, sizeof(Object));
  notimplemented_type.repr = notimplemented_repr;
  notimplemented_type.construct = singleton_construct;
  type_init_static(&ellipsis_type, "ellipsis", nullptr, sizeof(Object));
  ellipsis_type.repr = ellipsis_repr;
  ellipsis_type.construct = singleton_construct;

  type_ready(&object_type);
  type_ready(&type_type);
  type_ready(&none_type);
  type_ready(&notimplemented_type);
  type_ready(&ellipsis_type);

  init_descr_types();
  init_tuple_type();
  init_module_type();
  init_error_types();
}

}  // namespace rt
