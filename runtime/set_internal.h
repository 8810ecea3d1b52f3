// Internal interface between set.cpp (the hash table, following CPython's setobject.c) and
// set_ops.cpp (the set algebra, operators and methods).
#pragma once

#include "runtime/containers.h"
#include "runtime/critical_section.h"

namespace rt {

extern const Value kSetDummy;  // the key of a deleted entry

Set* set_alloc(Type* t);                                 // an empty set of type [t]
int64_t set_hash_key(Value key);                         // hash with int/str fast paths
SetEntry* set_lookkey(Set* s, Value key, int64_t hash);  // unused entry when absent
void set_add_entry(Set* s, Value key, int64_t hash);
bool set_contains_entry(Set* s, Value key, int64_t hash);
bool set_discard_entry(Set* s, Value key, int64_t hash);
SetEntry* set_next_entry(Set* s, size_t* pos);           // null at the end
void set_table_resize(Set* s, size_t minused);
void set_clear_internal(Set* s);
void set_merge(Set* s, Set* other);
void set_swap_bodies(Set* a, Set* b);

// [s]'s number of keys, read under its lock: a size check on a set that another thread may be
// changing.
inline size_t set_used(Set* s) {
  LeafCriticalSection cs(s);
  return s->used;
}

// Fills the operator slots and registers the methods (set_ops.cpp).
void init_set_ops();
void init_set_methods();

}  // namespace rt
