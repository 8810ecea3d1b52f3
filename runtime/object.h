// The object header, reference counting and the type object: the contract every runtime type,
// the compiler and the VM build on. Reference counts are touched only through incref/decref
// below, so the free-threaded build can change how they count without touching callers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <utility>

#include "runtime/value.h"

#ifndef MINIPY_FREE_THREADED
#define MINIPY_FREE_THREADED 0
#endif

namespace rt {

struct Type;
struct Str;
struct Tuple;
struct Dict;

// Every heap object starts with this header.
//  GIL build: a plain 32-bit count; kImmortal (all ones) marks objects that are never counted
//  (None, True, False, types, interned strings); incrementing it wraps to 0, which is how
//  incref tells without a separate branch on a flag.
//  The free-threaded build replaces the count with PEP 703's biased pair (owner-local count,
//  shared atomic count) behind the same functions.
struct Object {
  static constexpr uint32_t kImmortal = 0xFFFFFFFFu;
  uint32_t refcnt;
  uint32_t gc_bits;  // bit 0: kGcHasHead (cycle collector); other bits: per-object lock state
  Type* type;
};

void dealloc(Object* o);  // runs o->type->dealloc; defined in object.cpp

inline void incref(Object* o) {
  uint32_t n = o->refcnt + 1;
  if (n != 0) o->refcnt = n;
}
inline void decref(Object* o) {
  uint32_t n = o->refcnt;
  if (n == Object::kImmortal) return;
  if (--n == 0) {
    dealloc(o);
    return;
  }
  o->refcnt = n;
}
inline bool is_immortal(const Object* o) { return o->refcnt == Object::kImmortal; }
inline void make_immortal(Object* o) { o->refcnt = Object::kImmortal; }

// Values: doubles, small ints and null are not counted.
inline void incref(Value v) {
  if (v.is_obj()) incref(v.as_obj());
}
inline void decref(Value v) {
  if (v.is_obj()) decref(v.as_obj());
}

// An owned reference to a Value (RAII). Runtime functions return new references as plain
// Values; wrap them in Ref where a C++ exception could otherwise leak them.
class Ref {
 public:
  Ref() = default;
  static Ref steal(Value v) { return Ref(v); }
  static Ref borrow(Value v) {
    incref(v);
    return Ref(v);
  }
  Ref(const Ref& o) : v_(o.v_) { incref(v_); }
  Ref(Ref&& o) noexcept : v_(o.v_) { o.v_ = Value::null(); }
  Ref& operator=(Ref o) noexcept {
    std::swap(v_, o.v_);
    return *this;
  }
  ~Ref() { decref(v_); }
  Value get() const { return v_; }
  // Gives up ownership: the caller now owns the reference.
  Value release() {
    Value v = v_;
    v_ = Value::null();
    return v;
  }
  explicit operator bool() const { return !v_.is_null(); }
  template <class T>
  T* as() const { return v_.as<T>(); }

 private:
  explicit Ref(Value v) : v_(v) {}
  Value v_ = Value::null();
};

// Operators, shared by the compiler (as instruction arguments) and the runtime slots.
enum class BinOp : uint8_t { Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, MatMul };
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
enum class UnaryOp : uint8_t { Neg, Pos, Invert };

const char* binop_symbol(BinOp op);   // "+", "-", ... as in TypeError messages
const char* cmpop_symbol(CmpOp op);   // "<", "<=", ...
CmpOp cmpop_swapped(CmpOp op);        // a < b  <=>  b > a

// Native call convention (vectorcall): [args] holds [nargs] positional values followed by
// one value per name in [kwnames] (a Tuple of Str, or nullptr). Arguments are borrowed; the
// result is a new reference. Errors are C++ exceptions (see runtime/error.h).
using NativeFn = Value (*)(const Value* args, size_t nargs, Tuple* kwnames);

// The type object. Slots are plain function pointers; a null slot means "not supported" and
// the generic operations in runtime/ops.h produce CPython's TypeError. Every slot returns a
// new reference (or NotImplemented where noted) and reports errors by throwing.
struct Type : Object {
  const char* name;           // "int", "list", "ValueError"
  Type* base;                 // single base for built-in types; nullptr only for object
  Tuple* mro;                 // method resolution order, filled by type_ready (issue 3: C3)
  Dict* dict;                 // methods, descriptors and class attributes
  uint32_t flags;
  size_t basicsize;           // instance size in bytes (for allocation and subclassing)

  void (*dealloc)(Object* self);
  Value (*repr)(Value self);                       // returns a Str
  Value (*str)(Value self);                        // null: use repr
  int64_t (*hash)(Value self);                     // null: unhashable
  Value (*richcompare)(Value a, Value b, CmpOp op);  // may return NotImplemented
  bool (*truthy)(Value self);                      // null: use len, else true
  int64_t (*len)(Value self);
  Value (*getattr)(Value self, Str* name);         // null result: not found (no exception)
  void (*setattr)(Value self, Str* name, Value v); // v null: delete
  Value (*call)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
  Value (*iter)(Value self);
  Value (*next)(Value self);                       // null result: exhausted (no exception)
  Value (*getitem)(Value self, Value key);
  void (*setitem)(Value self, Value key, Value v); // v null: delete
  int (*contains)(Value self, Value item);         // -1: not supported, fall back to iteration
  Value (*binop)(Value a, Value b, BinOp op, bool inplace);  // may return NotImplemented
  Value (*unary)(Value a, UnaryOp op);
  Value (*descr_get)(Value descr, Value obj, Value type);    // functions bind to instances
  // Calls the type itself, e.g. int("3"): builds an instance.
  Value (*construct)(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
  // Data descriptors (property, classes with __set__/__delete__): sets the attribute of
  // [obj] to [v], or deletes it when [v] is null. A non-null slot makes a data descriptor.
  void (*descr_set)(Value descr, Value obj, Value v);

  // Classes (runtime/class.cpp).
  Tuple* bases;               // __bases__ of a class; null for built-in types ((base,) or ())
  size_t dictoffset;          // byte offset of the instance dict (a Dict*, may be null), 0: none
  // Attribute-cache version tag: a new value whenever the type's dict or a base's changes
  // (type_modified), so a cache keyed by it is never stale; 0 until assigned (type_version).
  uint32_t version;

  // Cycle collector (runtime/gc.h). A type with a traverse slot is a container: its objects
  // are allocated with a GC header and tracked. traverse calls [visit] on every Value the
  // object owns a reference to; clear drops those references (to break a garbage cycle).
  void (*traverse)(Object* self, void (*visit)(Value v, void* arg), void* arg);
  void (*clear)(Object* self);
};

enum TypeFlags : uint32_t {
  kTypeBaseType = 1u << 0,       // may be subclassed
  kTypeHeapType = 1u << 1,       // created by a class statement (issue 3)
  kTypeIntSubclass = 1u << 2,    // fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS
  kTypeStrSubclass = 1u << 3,
  kTypeTupleSubclass = 1u << 4,
  kTypeListSubclass = 1u << 5,
  kTypeDictSubclass = 1u << 6,
  kTypeExceptionSubclass = 1u << 7,
  kTypeTypeSubclass = 1u << 8,
};

// The built-in types (defined next to their implementation, one file per type).
extern Type type_type, object_type, none_type, bool_type, int_type, float_type, str_type,
    tuple_type, list_type, dict_type, set_type, frozenset_type, range_type, slice_type,
    function_type, builtin_function_type, method_type, code_type, module_type, cell_type,
    notimplemented_type, ellipsis_type, property_type, staticmethod_type, classmethod_type;

// The singletons (immortal, statically allocated).
extern Object none_object, true_object, false_object, notimplemented_object, ellipsis_object;
inline Value None() { return Value::from_obj(&none_object); }
inline Value True() { return Value::from_obj(&true_object); }
inline Value False() { return Value::from_obj(&false_object); }
inline Value NotImplemented() { return Value::from_obj(&notimplemented_object); }
inline Value Ellipsis() { return Value::from_obj(&ellipsis_object); }
inline Value from_bool(bool b) { return b ? True() : False(); }

// The type of any value, including the unboxed kinds.
inline Type* type_of(Value v) {
  if (v.is_obj_or_null()) return v.as_obj()->type;
  return v.is_int() ? &int_type : &float_type;
}

// Allocation: every object comes from mimalloc (runtime/alloc.cpp).
void* alloc_bytes(size_t n);
void free_bytes(void* p);

// Cycle-collector allocation (runtime/gc.cpp): a zeroed object of [size] bytes with a GC
// header in front, tracked, with refcount 1, type [t] and gc_bits = kGcHasHead.
Object* gc_alloc_object(Type* t, size_t size);
// Untracks [o] and frees its memory, GC header included.
void gc_free_object(Object* o);
constexpr uint32_t kGcHasHead = 1u << 0;  // gc_bits: allocated with a GC header (runtime/gc.h)

// Frees the memory of object [o]: the last step of every dealloc slot.
inline void object_free(Object* o) {
  if (o->gc_bits & kGcHasHead) {
    gc_free_object(o);
  } else {
    free_bytes(o);
  }
}

// Allocates a [T] with [extra] trailing bytes, refcount 1, type [t]. T's own constructor
// is not run: fields after the header start zeroed. Instances of container types (with a
// traverse slot) get a GC header and are tracked by the cycle collector; their dealloc must
// free them with object_free.
template <class T>
T* alloc_object(Type* t, size_t extra = 0) {
  if (t->traverse != nullptr) return static_cast<T*>(gc_alloc_object(t, sizeof(T) + extra));
  void* mem = alloc_bytes(sizeof(T) + extra);
  std::memset(mem, 0, sizeof(T) + extra);
  T* o = static_cast<T*>(mem);
  o->refcnt = 1;
  o->gc_bits = 0;
  o->type = t;
  return o;
}

// Statically allocated objects (types, singletons) are immortal from the start.
#define MINIPY_STATIC_HEADER(TYPEPTR) ::rt::Object::kImmortal, 0, (TYPEPTR)

}  // namespace rt
