// The object header, reference counting and the type object: the contract every runtime type,
// the compiler and the VM build on. Reference counts are touched only through incref/decref
// below, so the free-threaded build can change how they count without touching callers.
#pragma once

#include <atomic>
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
//  GIL build (16 bytes): a plain 32-bit count; kImmortal (all ones) marks objects that are
//  never counted (None, True, False, types, interned strings); incrementing it wraps to 0,
//  which is how incref tells without a separate branch on a flag.
//  Free-threaded build (24 bytes): PEP 703's biased reference count. [refcnt] is the count of
//  the owning thread ([owner], the creating thread's id), which updates it without atomics;
//  every other thread adds to [shared] atomically. [shared] holds (count << 2) | state, where
//  state says whether the two were merged or a merge is queued; the count may go negative
//  while the owner's local count still covers it. When the local count reaches zero, or a
//  thread's decrement would take [shared] below zero, the counts are merged (object.cpp) and
//  from then on the object is counted in [shared] by everyone (owner 0). Immortal objects
//  have owner kOwnerImmortal (and [refcnt] kImmortal, for the readers of counts).
//  [mutex] is the per-object lock of the free-threaded build (runtime/critical_section.h).
struct Object {
  static constexpr uint32_t kImmortal = 0xFFFFFFFFu;
  uint32_t refcnt;
  uint16_t gc_bits;  // kGcHasHead: allocated with a cycle-collector header (runtime/gc.h)
  uint8_t mutex;     // per-object lock state (free-threaded build)
  uint8_t reserved;
  Type* type;
#if MINIPY_FREE_THREADED
  uint32_t owner;  // id of the owning thread (tls_thread_id); 0: merged, counted in [shared]
  int32_t shared;  // (count << 2) | kShared* state; accessed atomically
#endif
};

void dealloc(Object* o);  // runs o->type->dealloc; defined in object.cpp

#if !MINIPY_FREE_THREADED

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
// Only the caller holds a reference to [o] (so it may be reused in place).
inline bool is_unique(const Object* o) { return o->refcnt == 1; }
// The reference count, for the cycle collector and sys.getrefcount (world stopped).
inline int64_t refcount(const Object* o) { return o->refcnt; }
// A fresh object's header: one reference, owned by the calling thread.
inline void init_header(Object* o, Type* t, uint16_t gc_bits) {
  o->refcnt = 1;
  o->gc_bits = gc_bits;
  o->mutex = 0;
  o->type = t;
}

#else  // MINIPY_FREE_THREADED

// The calling thread's id for [Object::owner]: 1, 2, ... never reused (0 before the thread
// state exists). Set by vm::thread_state_init.
inline constinit thread_local uint32_t tls_thread_id = 0;

// Module globals that threads share (refcount.cpp, refcount_share_globals): instead of all
// threads adding to one atomic [shared], each thread counts its references to them in its own
// array, at the index kept in the object's [reserved] byte. Only the cycle collector, with the
// world stopped, adds the arrays up (into [shared]) and frees those that reached zero.
constexpr uint32_t kOwnerPerThread = 0xFFFFFFFFu;
// The owner of immortal objects (never counted): no thread has this id.
constexpr uint32_t kOwnerImmortal = 0xFFFFFFFEu;
inline constinit thread_local int32_t tls_ref_deltas[256] = {};

constexpr int32_t kSharedQueued = 1;  // a thread's decrement waits for the owner to merge
constexpr int32_t kSharedMerged = 2;  // the counts are merged: [shared] is the whole count
constexpr int32_t kSharedOne = 4;     // one reference in [shared]

template <class T>
inline std::atomic_ref<T> atomic_field(T& field) { return std::atomic_ref<T>(field); }

// Slow paths (refcount.cpp): the owner's local count reached zero; another thread's
// increment or decrement (an atomic add, or its own count of a shared module global).
void refcount_merge_zero_local(Object* o);
void refcount_incref_shared(Object* o);
void refcount_decref_shared(Object* o);

// The owner's path is a plain increment or decrement of [refcnt]: only the owning thread
// writes it, and other threads read only [owner] (and [refcnt] only with the world stopped).
// Immortal objects have their own owner value, so one compare picks the owner's path and a
// second one, on the other path only, skips immortal objects.
inline void incref(Object* o) {
  uint32_t owner = atomic_field(o->owner).load(std::memory_order_relaxed);
  if (owner == tls_thread_id) [[likely]] {
    ++o->refcnt;
    return;
  }
  if (owner != kOwnerImmortal) refcount_incref_shared(o);
}
inline void decref(Object* o) {
  uint32_t owner = atomic_field(o->owner).load(std::memory_order_relaxed);
  if (owner == tls_thread_id) [[likely]] {
    if (--o->refcnt == 0) refcount_merge_zero_local(o);
    return;
  }
  if (owner != kOwnerImmortal) refcount_decref_shared(o);
}
inline bool is_immortal(const Object* o) {
  return std::atomic_ref<const uint32_t>(o->owner).load(std::memory_order_relaxed) == kOwnerImmortal;
}
inline void make_immortal(Object* o) {
  atomic_field(o->refcnt).store(Object::kImmortal, std::memory_order_relaxed);
  atomic_field(o->owner).store(kOwnerImmortal, std::memory_order_relaxed);
}
inline bool is_unique(const Object* o) {
  return std::atomic_ref<const uint32_t>(o->owner).load(std::memory_order_relaxed) == tls_thread_id &&
         std::atomic_ref<const uint32_t>(o->refcnt).load(std::memory_order_relaxed) == 1 &&
         std::atomic_ref<const int32_t>(o->shared).load(std::memory_order_relaxed) == 0;
}
inline int64_t refcount(const Object* o) {
  uint32_t owner = std::atomic_ref<const uint32_t>(o->owner).load(std::memory_order_relaxed);
  if (owner == kOwnerImmortal) return Object::kImmortal;
  uint32_t local = std::atomic_ref<const uint32_t>(o->refcnt).load(std::memory_order_relaxed);
  if (owner == kOwnerPerThread)
    local += uint32_t(tls_ref_deltas[o->reserved]);  // exact only while the world is stopped
  return int64_t(local) + (std::atomic_ref<const int32_t>(o->shared).load(std::memory_order_relaxed) >> 2);
}
inline void init_header(Object* o, Type* t, uint16_t gc_bits) {
  o->refcnt = 1;
  o->gc_bits = gc_bits;
  o->mutex = 0;
  o->type = t;
  o->owner = tls_thread_id;
  o->shared = 0;
}

#endif

// Marks a statically allocated object immortal, in its initializer (constexpr).
constexpr void init_static_immortal(Object& o) {
  o.refcnt = Object::kImmortal;
#if MINIPY_FREE_THREADED
  o.owner = kOwnerImmortal;
#endif
}

// A hash cached in an immutable object (str, frozenset), computed on first use: threads may
// compute and store it concurrently (the same value), so the free-threaded build reads and
// writes it atomically.
inline int64_t cached_hash_load(const int64_t& field) {
#if MINIPY_FREE_THREADED
  return std::atomic_ref<const int64_t>(field).load(std::memory_order_relaxed);
#else
  return field;
#endif
}
inline void cached_hash_store(int64_t& field, int64_t h) {
#if MINIPY_FREE_THREADED
  std::atomic_ref<int64_t>(field).store(h, std::memory_order_relaxed);
#else
  field = h;
#endif
}

// Objects that every thread touches: functions defined at module or class level, modules and
// their dicts, built-in functions. In the free-threaded build they become immortal once a
// second thread starts, so that N threads calling the same function do not all hit one
// shared count (as CPython 3.13t does with its objects that use deferred reference counting;
// their memory is kept until exit). Until then they are counted and collected as usual, so
// single-threaded programs behave the same in both builds. No-op in the GIL build.
// defer_function_refcount: the same for functions, except that once threads run it leaves
// new ones counted: a loop at module level may create functions without bound, and immortal
// ones would never be freed.
#if MINIPY_FREE_THREADED
void defer_refcount(Object* o);
void defer_function_refcount(Object* o);
#else
inline void defer_refcount(Object*) {}
inline void defer_function_refcount(Object*) {}
#endif

// A dealloc slot that must run code which may take new references to the dying object
// (a generator's close): resurrect() gives it one reference again; unresurrect() drops it and
// answers whether none is left (the dealloc goes on) or someone kept the object alive.
void resurrect(Object* o);
bool unresurrect(Object* o);

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

  // The module of a built-in type that CPython defines in Python (threading.Event): [name]
  // is then its plain name, as messages show it, and __module__ and the class's repr name the
  // module. Null for the others, whose [name] is CPython's tp_name: "int", or
  // "collections.deque" for a type of a module (__name__ "deque", __module__ "collections").
  const char* module = nullptr;
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

// Allocation: every object comes from mimalloc (runtime/alloc.cpp). alloc_bytes raises
// MemoryError when [n] bytes cannot be allocated, or are more than the machine's RAM plus
// swap (where CPython's malloc fails too).
void* alloc_bytes(size_t n);
void free_bytes(void* p);
// Whether [n] bytes are more than alloc_bytes would attempt.
bool allocation_too_large(size_t n);
// Makes a failed operator new throw std::bad_alloc (mimalloc's aborts without a handler).
void install_new_handler();
// The most items a list or tuple may have (CPython's PY_SSIZE_T_MAX / sizeof(PyObject*)):
// a larger count raises MemoryError before its size in bytes is computed.
constexpr size_t kMaxItems = size_t(INT64_MAX) / sizeof(Value);

// Cycle-collector allocation (runtime/gc.cpp): a zeroed object of [size] bytes with a GC
// header in front, tracked, with refcount 1, type [t] and gc_bits = kGcHasHead.
Object* gc_alloc_object(Type* t, size_t size);
// Untracks [o] and frees its memory, GC header included.
void gc_free_object(Object* o);
constexpr uint16_t kGcHasHead = 1u << 0;  // gc_bits: allocated with a GC header (runtime/gc.h)
constexpr uint16_t kGcDeferred = 1u << 1;  // gc_bits: defer_refcount() was called on it

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
  init_header(o, t, 0);
  return o;
}

// Statically allocated objects (types, singletons) are immortal from the start.
#if MINIPY_FREE_THREADED
#define MINIPY_STATIC_HEADER(TYPEPTR) ::rt::Object::kImmortal, 0, 0, 0, (TYPEPTR), ::rt::kOwnerImmortal, 0
#else
#define MINIPY_STATIC_HEADER(TYPEPTR) ::rt::Object::kImmortal, 0, 0, 0, (TYPEPTR)
#endif

}  // namespace rt
