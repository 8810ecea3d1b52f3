// Inline caches of the attribute instructions (LoadAttr, StoreAttr, LoadMethod), CPython 3.11
// style: each instruction remembers, for the class (by version tag) it last saw, where the
// attribute was, so the next execution on an instance of that class skips the lookups.
//   LoadAttr/StoreAttr: the instance attribute's entry index in the instance dict (a hint,
//     checked against the key: instances of a class fill their dicts in the same order).
//   LoadMethod: the function found on the class (borrowed: the class dict holds it while the
//     version tag is unchanged), used when the instance dict does not shadow it.
// The version tag check also guarantees that no data descriptor (property) of that name
// appeared on the class. In the free-threaded build an entry is a seqlock (threads running the
// same code fill it concurrently), a LoadAttr/StoreAttr hit reads the instance dict inside its
// critical section, and LoadMethod caches only functions that need no counting once threads
// run (defined in a class body: deferred, runtime/object.h).
#pragma once

#include <atomic>

#include "runtime/class.h"
#include "runtime/objects.h"
#include "vm/code.h"

namespace vm {

struct AttrCache {
#if MINIPY_FREE_THREADED
  uint32_t seq;      // a seqlock, as GlobalCache's below: odd while a thread writes the entry
#endif
  uint32_t version;  // the class's version tag when filled; 0: empty
  uint32_t index;    // LoadAttr/StoreAttr: the entry index in the instance dict
  rt::Value descr;   // LoadMethod: the method found on the class (borrowed)
};

// A consistent copy of an AttrCache entry.
struct AttrCacheEntry {
  uint32_t version;
  uint32_t index;
  rt::Value descr;
};

// The per-instruction array [slot] of [co], allocated on first use. Threads of the
// free-threaded build may race to allocate it: one wins, the others free theirs.
template <class T>
inline T* cache_array(Code* co, T** slot) {
#if MINIPY_FREE_THREADED
  std::atomic_ref<T*> ref(*slot);
  T* a = ref.load(std::memory_order_acquire);
  if (__builtin_expect(a != nullptr, 1)) return a;
  T* fresh = new T[co->code.size()]();
  if (ref.compare_exchange_strong(a, fresh, std::memory_order_acq_rel)) return fresh;
  delete[] fresh;
  return a;
#else
  if (*slot == nullptr) *slot = new T[co->code.size()]();
  return *slot;
#endif
}

// The cache entry of instruction [idx] of [co], allocating the code's caches on first use.
inline AttrCache& attr_cache_at(Code* co, size_t idx) { return cache_array(co, &co->attr_cache)[idx]; }

// LoadGlobal's cache: the value found for the name while the globals and builtins dicts had
// the recorded versions (every mutation of a dict changes its version, so a hit needs no
// lookup). GIL build: any value, borrowed from the dict that holds it. Free-threaded build:
// any value of module dicts too, counted by the hit without locking the dict: a thread that
// replaces or deletes a module global releases the old value only after every thread has
// passed a safe point (runtime/qsbr.h), so it is still alive when a hit counts it. The entry
// is a seqlock ([seq] odd while a thread writes it), since threads running the same code fill
// it concurrently.
struct GlobalCache {
  uint32_t seq;
  const rt::Dict* globals;  // null: empty
  uint64_t globals_version;
  uint64_t builtins_version;
  rt::Value value;
};

inline GlobalCache& global_cache_at(Code* co, size_t idx) { return cache_array(co, &co->global_cache)[idx]; }

#if MINIPY_FREE_THREADED
// The seqlock's fields are read with acquire and written with release, so that a reader that
// sees any part of a write also sees the odd [seq] that preceded it (no fences: ThreadSanitizer
// does not model them).
template <class T>
inline T acquire_load(const T& field) {
  return std::atomic_ref<const T>(field).load(std::memory_order_acquire);
}
template <class T>
inline void release_store(T& field, T v) {
  std::atomic_ref<T>(field).store(v, std::memory_order_release);
}

// The seqlock protocol of both caches. A reader takes [*start] from seq_read_begin (false: a
// write is in progress), copies the fields with acquire_load, and keeps the copy only if
// seq_read_valid. A writer that gets true from seq_write_begin stores the fields with
// release_store, then calls seq_write_end; false means another thread is writing: skip.
inline bool seq_read_begin(const uint32_t& seq, uint32_t* start) {
  *start = std::atomic_ref<const uint32_t>(seq).load(std::memory_order_acquire);
  return (*start & 1) == 0;
}
inline bool seq_read_valid(const uint32_t& seq, uint32_t start) {
  return std::atomic_ref<const uint32_t>(seq).load(std::memory_order_relaxed) == start;
}
inline bool seq_write_begin(uint32_t& seq, uint32_t* start) {
  std::atomic_ref<uint32_t> ref(seq);
  *start = ref.load(std::memory_order_relaxed);
  return (*start & 1) == 0 && ref.compare_exchange_strong(*start, *start + 1, std::memory_order_acquire);
}
inline void seq_write_end(uint32_t& seq, uint32_t start) {
  std::atomic_ref<uint32_t>(seq).store(start + 2, std::memory_order_release);
}
#endif

// The cached value (borrowed), or null on a miss.
inline rt::Value global_cache_get(const GlobalCache& c, const rt::Dict* globals, const rt::Dict* builtins) {
#if MINIPY_FREE_THREADED
  uint32_t start;
  if (!seq_read_begin(c.seq, &start)) return rt::Value::null();
  const rt::Dict* g = acquire_load(c.globals);
  uint64_t gv = acquire_load(c.globals_version), bv = acquire_load(c.builtins_version);
  rt::Value v = acquire_load(c.value);
  if (!seq_read_valid(c.seq, start)) return rt::Value::null();
#else
  const rt::Dict* g = c.globals;
  uint64_t gv = c.globals_version, bv = c.builtins_version;
  rt::Value v = c.value;
#endif
  if (g != globals || g == nullptr || rt::dict_version(globals) != gv || rt::dict_version(builtins) != bv)
    return rt::Value::null();
  return v;
}

// Records [v], found by a lookup that started when the dicts had versions [gv] and [bv].
inline void global_cache_fill(GlobalCache& c, const rt::Dict* globals, const rt::Dict* builtins, uint64_t gv,
                              uint64_t bv, rt::Value v) {
#if MINIPY_FREE_THREADED
  // Any value of a module dict: a thread that replaces or deletes it releases the dict's
  // reference only after every thread has passed a safe point (runtime/qsbr.h), so a hit can
  // still count it. Other dicts: only values that need no counting once threads run.
  bool module_dicts = (globals->gc_bits & rt::kGcDeferred) && (builtins->gc_bits & rt::kGcDeferred);
  if (!module_dicts && v.is_obj() && !rt::is_immortal(v.as_obj()) && !(v.as_obj()->gc_bits & rt::kGcDeferred))
    return;
  uint32_t start;
  if (!seq_write_begin(c.seq, &start)) return;
  release_store(c.globals, globals);
  release_store(c.globals_version, gv);
  release_store(c.builtins_version, bv);
  release_store(c.value, v);
  seq_write_end(c.seq, start);
#else
  c.globals = globals;
  c.globals_version = gv;
  c.builtins_version = bv;
  c.value = v;
#endif
}

// Reads [c]: false if it is empty (or being written by another thread).
inline bool attr_cache_read(const AttrCache& c, AttrCacheEntry* out) {
#if MINIPY_FREE_THREADED
  uint32_t start;
  if (!seq_read_begin(c.seq, &start)) return false;
  out->version = acquire_load(c.version);
  out->index = acquire_load(c.index);
  out->descr = acquire_load(c.descr);
  if (!seq_read_valid(c.seq, start)) return false;
#else
  out->version = c.version;
  out->index = c.index;
  out->descr = c.descr;
#endif
  return out->version != 0;
}

// Reads [c] into [e] if it was filled for [t]'s current version tag.
inline bool attr_cache_hit(const AttrCache& c, const rt::Type* t, AttrCacheEntry* e) {
  return attr_cache_read(c, e) && e->version == rt::type_version_tag(t);
}

// Writes [c] (version 0 empties it); skipped if another thread is writing it.
inline void attr_cache_write(AttrCache& c, uint32_t version, uint32_t index, rt::Value descr) {
#if MINIPY_FREE_THREADED
  uint32_t start;
  if (!seq_write_begin(c.seq, &start)) return;
  release_store(c.version, version);
  release_store(c.index, index);
  release_store(c.descr, descr);
  seq_write_end(c.seq, start);
#else
  c.version = version;
  c.index = index;
  c.descr = descr;
#endif
}

// After a slow LoadAttr/StoreAttr of [name] on [obj]: caches the position of the instance
// attribute when [obj]'s class allows it (plain instance attribute access).
void attr_cache_fill_dict(AttrCache& c, rt::Value obj, rt::Str* name);
// LoadMethod on an instance of a class without attribute hooks ([obj], an object): the
// function or method descriptor [name] found on the class (borrowed; null if it is
// something else), remembered in [c].
rt::Value attr_cache_fill_method(AttrCache& c, rt::Value obj, rt::Str* name);

}  // namespace vm
