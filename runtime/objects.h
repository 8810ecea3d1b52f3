// Layouts and constructors of the built-in object kinds. Each kind's behaviour lives in its
// own file (runtime/str.cpp, list.cpp, ...); this header is what the rest of the system sees.
// Conventions: functions returning Value or T* return a NEW reference unless they say
// "borrowed"; arguments are borrowed; errors throw (runtime/error.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace rt {

// ---- int ------------------------------------------------------------------------------
// Small ints are unboxed (Value::from_int). Ints outside the 50-bit range are BigInt objects
// (GMP mpz, see runtime/int.h); a BigInt always holds a value that does not fit small, so
// equal ints have one representation.
Value int_from_i64(int64_t i);              // small or big as needed
Value int_from_string(std::string_view s, int base);  // raises ValueError like int("x")
bool int_check(Value v);                     // int or bool or BigInt (exact ints and bool)
// Converts an int-like value (int, bool, BigInt) to int64; false if it does not fit.
bool int_to_i64(Value v, int64_t* out);
// Converts for use as an index/size: raises TypeError if not an int, OverflowError
// ("cannot fit 'int' into an index-sized integer") if too big.
int64_t index_value(Value v);
// The same for a C Py_ssize_t argument (PyLong_AsSsize_t): OverflowError "Python int too large
// to convert to C ssize_t".
int64_t ssize_value(Value v);
std::string int_to_string(Value v, int base = 10);  // "-0x1f" style prefixes for 2/8/16
// The numeric built-ins: pow(a, b, mod) ([mod] null or None for two arguments), divmod(a, b),
// abs(v), round(x, ndigits) ([ndigits] null when absent), for ints, bools and floats.
Value number_pow(Value a, Value b, Value mod);
Value number_divmod(Value a, Value b);
// Whether [v] is a number that [self]'s type computes with in its methods: ints for int (and
// bool); ints and floats for float (int.__divmod__(1.5) is NotImplemented).
bool number_peer(Value self, Value v);
Value number_abs(Value v);
Value number_round(Value x, Value ndigits);

// ---- float ----------------------------------------------------------------------------
// Floats are always unboxed (Value::from_double).
std::string float_repr(double d);    // CPython repr: shortest round-trip, "1.0", "1e+16", "inf"
double float_from_value(Value v);    // int/bool/float -> double; raises TypeError/OverflowError

// ---- str ------------------------------------------------------------------------------
// UTF-8 bytes plus the length in code points. ASCII strings index in O(1).
struct Str : Object {
  int64_t hash;      // -1 until computed
  uint32_t length;   // code points
  uint32_t nbytes;   // UTF-8 bytes, excluding the trailing NUL
  uint8_t ascii;     // every code point < 128
  uint8_t interned;
  char* data() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() { return {data(), nbytes}; }
};
Str* str_new(std::string_view utf8);      // raises nothing; [utf8] must be valid UTF-8
Value str_value(std::string_view utf8);   // as str_new, as a Value
// The interned (immortal, unique) string for [s]: identifiers, attribute names, keys the
// VM compares by pointer.
Str* str_intern(std::string_view s);
inline Str* as_str(Value v) { return v.as<Str>(); }
bool str_check(Value v);                  // str or subclass
int64_t str_hash_compute(Str* s);  // computes and caches the hash
inline int64_t str_hash(Str* s) {
  int64_t h = cached_hash_load(s->hash);
  return h != -1 ? h : str_hash_compute(s);
}
bool str_equal(Str* a, Str* b);
// [sep].join(items): every item must be a str ("sequence item 0: expected str instance, int
// found" otherwise). Builds the result in one allocation.
Value str_join(Str* sep, const Value* items, size_t n);
// The concatenation of [n] str values in one allocation (f-strings' BuildString).
Value str_concat(const Value* items, size_t n);
// What int() and float() parse of the UTF-8 text [s] (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII): code points below 127 kept, other whitespace
// as ' ', decimal digits (category Nd) as '0'-'9', and anything else ends the text with '?'.
std::string str_decimal_ascii(std::string_view s);

// ---- tuple ----------------------------------------------------------------------------
struct Tuple : Object {
  size_t size;
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  Value item(size_t i) { return items()[i]; }
};
Tuple* tuple_new(size_t n);               // items start null; fill with owned refs
Tuple* tuple_from(const Value* items, size_t n);  // increfs the items
Tuple* tuple_empty();                     // the shared empty tuple (immortal)

// ---- list -----------------------------------------------------------------------------
struct List : Object {
  size_t size;
  size_t capacity;
  Value* items;
};
// iter(list): the interpreter's ForIter steps it inline.
struct ListIter : Object {
  List* list;  // null once exhausted
  size_t index;
};
extern Type list_iterator_type;
List* list_new(size_t n);                 // size n, items null: fill with owned refs
List* list_from(const Value* items, size_t n);
void list_append(List* l, Value v);       // increfs v
void list_extend(List* l, Value iterable);
Value list_as_tuple(List* l);             // new Tuple with the same items
// Sorts in place, stable, as list.sort(key=key, reverse=reverse); [key] may be null or None.
void list_sort(List* l, Value key, bool reverse);
Value list_reversed_iter(List* l);        // reversed(l): a list_reverseiterator

// ---- dict -----------------------------------------------------------------------------
// Insertion ordered, compact layout as CPython's: an index table into a dense entry array.
// [version] changes on every mutation, for inline caches.
struct DictEntry {
  int64_t hash;
  Value key;     // null: deleted entry
  Value value;
};
struct Dict : Object {
  size_t used;        // live entries
  size_t nentries;    // entries slots in use, including deleted
  size_t capacity;    // size of entries array
  uint8_t log2_index; // index table has 1 << log2_index slots
  uint64_t version;
  void* index;        // int8/16/32/64 slots depending on size, -1 empty, -2 dummy
  DictEntry* entries;
};
// The dict's version: changes on every mutation (inline caches compare it). Read without the
// dict's lock; written under it.
inline uint64_t dict_version(const Dict* d) {
#if MINIPY_FREE_THREADED
  return std::atomic_ref<const uint64_t>(d->version).load(std::memory_order_acquire);
#else
  return d->version;
#endif
}
inline void dict_bump_version(Dict* d) {
#if MINIPY_FREE_THREADED
  std::atomic_ref<uint64_t>(d->version).store(d->version + 1, std::memory_order_release);
#else
  d->version++;
#endif
}
Dict* dict_new();
Value dict_get(Dict* d, Value key);                 // borrowed; null if missing
Value dict_get_str(Dict* d, Str* key);              // borrowed; fast path for interned keys
// As dict_get and dict_get_str, but a new reference taken while the dict is locked: for dicts
// that other threads may write (free-threaded build), where a borrowed value could be freed.
Value dict_get_ref(Dict* d, Value key);
Value dict_get_str_ref(Dict* d, Str* key);
void dict_set(Dict* d, Value key, Value value);     // increfs key and value
bool dict_del(Dict* d, Value key);                  // false if missing
// Iterates entries in order: [pos] starts at 0; returns false at the end. Borrowed key/value.
bool dict_next(Dict* d, size_t* pos, Value* key, Value* value);
void dict_update(Dict* d, Value mapping_or_pairs);

// ---- set / frozenset --------------------------------------------------------------------
// Open addressing with CPython's probe sequence and resize policy, so iteration order (and
// so printed output) matches CPython's for ints and tuples.
struct SetEntry {
  Value key;      // null: empty; dummy: deleted (see set.cpp)
  int64_t hash;
};
struct Set : Object {
  size_t fill;    // active + dummy
  size_t used;    // active
  size_t mask;    // table size - 1
  int64_t hash;   // frozenset hash cache, -1
  size_t finger;  // where pop() resumes its search, as CPython's
  SetEntry* table;
  SetEntry smalltable[8];
};
Set* set_new(Type* t = &set_type);
void set_add(Set* s, Value key);
bool set_contains(Set* s, Value key);
bool set_discard(Set* s, Value key);
bool set_next(Set* s, size_t* pos, Value* key);     // borrowed key

// ---- range, slice -------------------------------------------------------------------
struct Range : Object {
  Value start, stop, step;  // ints
  int64_t length;           // -1 if it does not fit in int64
};
// The iterator of a range whose bounds fit int64: yields [start] + k * [step] for k from
// [length] - [remaining] up, while [remaining] > 0. Threads sharing one each take an item by
// decrementing [remaining] (a compare-and-swap in minipy-ft), so none is lost or repeated.
struct RangeIter : Object {
  int64_t start;
  int64_t step;
  int64_t length;
  int64_t remaining;
};
extern Type range_iterator_type;
struct Slice : Object {
  Value start, stop, step;  // any values, None where omitted
};
Value slice_new(Value start, Value stop, Value step);
// Resolves [s] against a sequence of [length]: CPython's PySlice_Unpack + AdjustIndices.
// Returns the number of items selected.
int64_t slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step);
Value range_reversed_iter(Range* r);      // reversed(r): a range_iterator counting down

// ---- functions, methods, cells, modules ------------------------------------------------
}  // namespace rt
namespace vm {
struct Code;  // vm/code.h
}  // namespace vm
namespace rt {
using vm::Code;

struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;
  Tuple* defaults;    // may be null
  Dict* kwdefaults;   // may be null
  Tuple* closure;     // Cells, may be null
  Str* name;
  Str* qualname;
  Dict* dict;         // function attributes, created on demand
  Value module;       // __module__ (a Str)
};

// A function implemented in C++. [self] is null for plain functions; for a method bound to
// an object it is prepended to the arguments on each call.
struct BuiltinFunction : Object {
  const char* name;
  NativeFn fn;
  Value self;
};
Value builtin_function_new(const char* name, NativeFn fn, Value self = Value::null());

// A method of a built-in type, stored in the type's dict: calling it passes self as args[0].
// Fetched from an instance it binds (descr_get) to a BuiltinFunction with self set.
struct MethodDescr : Object {
  const char* name;
  NativeFn fn;
  Type* owner;
};
extern Type method_descr_type;

// A Python function bound to an instance: o.f
struct Method : Object {
  Value func;
  Value self;
};
Value method_new(Value func, Value self);

struct Cell : Object {
  Value value;  // null: empty
};
Cell* cell_new(Value v);

struct Module : Object {
  Dict* dict;
  Str* name;
};
Module* module_new(std::string_view name);

// Built-in modules (sys, and later time, math, threading...): each registers a creator that
// runs on first import; the VM caches the module in sys.modules.
using ModuleInit = Module* (*)();
void register_builtin_module(const char* name, ModuleInit init);
Module* find_builtin_module(std::string_view name);  // a new module, or nullptr if unknown

// Registers a C++ method on a built-in type (at startup, before any thread runs).
void type_add_method(Type* t, const char* name, NativeFn fn);
// As type_add_method, for a class method (dict.fromkeys): [fn] gets the type as args[0].
void type_add_classmethod(Type* t, const char* name, NativeFn fn);
// As type_add_method, for a static method (str.maketrans): [fn] gets no self.
void type_add_staticmethod(Type* t, const char* name, NativeFn fn);
// Stores a class attribute [v] (borrowed) in [t]'s dict.
void type_add_attr(Type* t, const char* name, Value v);

// property(fget, fset, fdel, doc), staticmethod(f), classmethod(f) (runtime/descr.cpp).
struct Property : Object {
  Value fget, fset, fdel, doc;  // null where not given
  Value name;                   // the attribute name (a Str, set by __set_name__), or null
  bool getter_doc;              // doc was taken from fget.__doc__ (copies take the new fget's)
};
struct StaticMethod : Object {
  Value func;
};
struct ClassMethod : Object {
  Value func;
};
// Runs a data descriptor's setter (v non-null) or deleter (v null) for [obj]: a property's
// fset/fdel. Returns false if [descr] is not a data descriptor.
bool descr_set(Value descr, Value obj, Value v);

// Readies a built-in type: creates its dict, fills the MRO, inherits null slots from its
// base. Every type is readied once in runtime_init().
void type_ready(Type* t);

// Initialises every built-in type, the interned strings and the builtins module.
void runtime_init();

}  // namespace rt
