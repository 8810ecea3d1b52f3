// Internal interface between dict.cpp (the hash table and the dict type's slots) and
// dict_views.cpp (views, iterators and methods).
#pragma once

#include "runtime/containers.h"

namespace rt {

// The hash of a dict key: small ints and exact strs without a call through the type.
int64_t dict_hash_key(Value key);
// The entry position of [key] (with [hash]) or -1; *[slot] gets its index slot when found.
int64_t dict_lookup(Dict* d, Value key, int64_t hash, size_t* slot);
// Finds the entry of str [key] (index in [*ix], -1 if missing) by identity or by comparing exact
// strs, running no Python code: returns false, having found nothing, when a key of equal hash
// is of another type (only dict_lookup may compare with it, through its __eq__).
bool dict_find_str(Dict* d, Str* key, int64_t* ix);
// Inserts or replaces with a known hash; increfs key and value.
void dict_set_hashed(Dict* d, Value key, int64_t hash, Value value);
// Unlinks entry [ix] at index slot [slot]; the caller receives the key and value references.
void dict_unlink(Dict* d, int64_t ix, size_t slot, Value* key, Value* value);
// Removes every entry.
void dict_clear(Dict* d);
// Inserts every entry of [src] into [d].
void dict_merge(Dict* d, Dict* src);
// A new exact dict with [src]'s entries.
Value dict_copy(Dict* src);
// An empty instance of [t] (dict or a subclass).
Dict* dict_alloc(Type* t);

// The iter slot of dict: a dict_keyiterator.
Value dict_iter_keys(Value self);
// Registers the dict methods and readies the view and iterator types (dict_views.cpp).
void init_dict_methods();

}  // namespace rt
