// The dict type: CPython 3.11's compact, insertion-ordered hash table. An index table of
// 8/16/32/64-bit slots (power-of-two size, -1 empty, -2 dummy) points into a dense array of
// entries; usable entries are 2/3 of the index size and a full table grows to used*3.
// The views (keys/values/items), iterators and methods are in dict_views.cpp.
// Thread safety (free-threaded build): the public operations run inside a critical section on
// the dict (runtime/critical_section.h); dict_lookup, dict_unlink and the other helpers of
// dict_internal.h expect the caller to hold one. Values returned "borrowed" stay valid only
// while no other thread can remove them: code that reads dicts other threads may write uses
// the *_ref variants, which take the reference inside the section.
#include "runtime/critical_section.h"
#include "runtime/dict_internal.h"
#include "runtime/gc.h"
#include "runtime/qsbr.h"

#include <cstring>

namespace rt {

Type dict_type;

static constexpr int64_t kEmpty = -1;
static constexpr int64_t kDummy = -2;
static constexpr uint8_t kMinLog2 = 3;
static constexpr unsigned kPerturbShift = 5;

// ---- the index table -------------------------------------------------------------------------

static inline size_t index_width(uint8_t log2) {
  return log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
}

static inline int64_t get_index(const Dict* d, size_t i) {
  uint8_t lg = d->log2_index;
  if (lg < 8) return static_cast<const int8_t*>(d->index)[i];
  if (lg < 16) return static_cast<const int16_t*>(d->index)[i];
  if (lg < 32) return static_cast<const int32_t*>(d->index)[i];
  return static_cast<const int64_t*>(d->index)[i];
}

static inline void set_index(Dict* d, size_t i, int64_t ix) {
  uint8_t lg = d->log2_index;
  if (lg < 8)
    static_cast<int8_t*>(d->index)[i] = int8_t(ix);
  else if (lg < 16)
    static_cast<int16_t*>(d->index)[i] = int16_t(ix);
  else if (lg < 32)
    static_cast<int32_t*>(d->index)[i] = int32_t(ix);
  else
    static_cast<int64_t*>(d->index)[i] = ix;
}

static inline size_t usable_fraction(size_t n) { return (n << 1) / 3; }

// The smallest log2 size whose table holds [minsize] slots (at least 8).
static uint8_t log2_for(size_t minsize) {
  uint8_t lg = kMinLog2;
  while ((size_t(1) << lg) < minsize) lg++;
  return lg;
}

// Allocates an empty table of 1 << [lg] index slots in one block with its entries.
static void alloc_table(Dict* d, uint8_t lg) {
  size_t n = size_t(1) << lg;
  size_t ibytes = n * index_width(lg);
  size_t cap = usable_fraction(n);
  char* block = static_cast<char*>(alloc_bytes(ibytes + cap * sizeof(DictEntry)));
  std::memset(block, 0xff, ibytes);  // every slot kEmpty
  d->index = block;
  d->entries = reinterpret_cast<DictEntry*>(block + ibytes);
  d->log2_index = lg;
  d->capacity = cap;
  d->nentries = 0;
}

// The index slot of the first empty or dummy slot on [hash]'s probe sequence.
static size_t find_empty_slot(const Dict* d, int64_t hash) {
  size_t mask = (size_t(1) << d->log2_index) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  while (get_index(d, i) >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Rebuilds the table with 1 << [lg] slots, compacting the live entries in order.
static void dict_resize(Dict* d, uint8_t lg) {
  void* old_block = d->index;
  DictEntry* old = d->entries;
  size_t old_n = d->nentries;
  alloc_table(d, lg);
  size_t j = 0;
  for (size_t i = 0; i < old_n; i++) {
    if (old[i].key.is_null()) continue;
    d->entries[j] = old[i];
    set_index(d, find_empty_slot(d, old[i].hash), j);
    j++;
  }
  d->nentries = j;
  if (old_block) free_bytes(old_block);
}

// ---- hashing and lookup -----------------------------------------------------------------

int64_t dict_hash_key(Value key) {
  if (key.is_int()) {
    int64_t i = key.as_int();
    return i == -1 ? -2 : i;
  }
  if (exact_str(key)) {
    Str* s = as_str(key);
    return str_hash(s);
  }
  return hash(key);
}

// What lookup<false> returns when telling [key] from a stored key would call __eq__.
static constexpr int64_t kUndecided = -3;

// Finds [key] with [hash]: the entry position or -1. *[slot] receives the index slot of the
// match. Keys that compare without Python code (equal_builtin) are told apart directly;
// otherwise [may_call_eq] calls __eq__, and an __eq__ that mutates the dict restarts the
// search, as CPython's; without it the result is kUndecided (for leaf critical sections,
// runtime/critical_section.h, whose callers retry under a full section).
template <bool may_call_eq>
[[gnu::always_inline]] static inline int64_t lookup(Dict* d, Value key, int64_t hash, size_t* slot) {
restart:
  if (d->index == nullptr) return -1;
  size_t mask = (size_t(1) << d->log2_index) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  while (true) {
    int64_t ix = get_index(d, i);
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key == key) {
        if (slot) *slot = i;
        return ix;
      }
      if (e->hash == hash) {
        int cmp = equal_builtin(e->key, key);
        if (cmp < 0) {
          if (!may_call_eq) return kUndecided;
          DictEntry* entries = d->entries;
          Ref startkey = Ref::borrow(e->key);
          cmp = equal(startkey.get(), key) ? 1 : 0;
          if (entries != d->entries || d->entries[ix].key != startkey.get()) goto restart;
        }
        if (cmp > 0) {
          if (slot) *slot = i;
          return ix;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int64_t dict_lookup(Dict* d, Value key, int64_t hash, size_t* slot) { return lookup<true>(d, key, hash, slot); }

Dict* dict_new() { return alloc_object<Dict>(&dict_type); }

Dict* dict_alloc(Type* t) { return alloc_instance<Dict>(t); }

// dict_get without the critical section (the callers below take it once).
static Value get_unlocked(Dict* d, Value key);

Value dict_get(Dict* d, Value key) {
  CriticalSection cs(d);
  return get_unlocked(d, key);
}

static Value get_unlocked(Dict* d, Value key) {
  if (d->used == 0) {
    if (!key.is_int() && !exact_str(key)) hash(key);  // unhashable keys still raise
    return Value::null();
  }
  int64_t ix = dict_lookup(d, key, dict_hash_key(key), nullptr);
  return ix < 0 ? Value::null() : d->entries[ix].value;
}

// dict_find_str, inlined into the lookups of this file.
[[gnu::always_inline]] static inline bool find_str(Dict* d, Str* key, int64_t* ix) {
  *ix = -1;
  if (d->used == 0) return true;
  int64_t r = lookup<false>(d, Value::from_obj(key), str_hash(key), nullptr);
  if (r == kUndecided) return false;
  *ix = r;
  return true;
}

bool dict_find_str(Dict* d, Str* key, int64_t* ix) { return find_str(d, key, ix); }

// dict_find_str's value (null: missing); false as dict_find_str.
[[gnu::always_inline]] static inline bool probe_str(Dict* d, Str* key, Value* out) {
  int64_t ix;
  if (!find_str(d, key, &ix)) return false;
  *out = ix < 0 ? Value::null() : d->entries[ix].value;
  return true;
}

// dict_get_str and dict_get_str_ref. The common case runs no Python code: a leaf section (no
// cost while one thread runs). [counted]: the reference is taken inside the section, before
// another thread can replace (and free) the value.
template <bool counted>
static Value get_str(Dict* d, Str* key) {
  auto take = [](Value v) {
    if (counted) incref(v);
    return v;
  };
  {
    LeafCriticalSection cs(d);
    Value v;
    if (probe_str(d, key, &v)) return take(v);
  }
  CriticalSection cs(d);
  return take(get_unlocked(d, Value::from_obj(key)));
}

Value dict_get_str(Dict* d, Str* key) { return get_str<false>(d, key); }

Value dict_get_str_ref(Dict* d, Str* key) { return get_str<true>(d, key); }

// A new reference to the value at entry [ix] (null if -1).
static Value counted_value(Dict* d, int64_t ix) {
  if (ix < 0) return Value::null();
  Value v = d->entries[ix].value;
  incref(v);
  return v;
}

Value dict_get_ref(Dict* d, Value key) {
  int64_t hash = dict_hash_key(key);
  {
    LeafCriticalSection cs(d);
    int64_t ix = lookup<false>(d, key, hash, nullptr);
    if (ix != kUndecided) return counted_value(d, ix);
  }
  CriticalSection cs(d);
  return counted_value(d, lookup<true>(d, key, hash, nullptr));
}

// Drops the reference of [d] to a value that left it. The values of module dicts (deferred,
// runtime/object.h) may have been handed out by LoadGlobal's cache to a thread that has not
// counted them yet (vm/attr_cache.h): their release waits until every thread has passed a
// safe point (runtime/qsbr.h).
static void release_value(Dict* d, Value v) {
  if (MINIPY_FREE_THREADED && (d->gc_bits & kGcDeferred) && v.is_obj())
    qsbr_decref(v.as_obj());
  else
    decref(v);
}

// Stores [value] at [key], whose lookup gave [ix]; returns the value it replaced (null if
// none), for the caller to release once out of its critical section. Runs no Python code.
static Value store_at(Dict* d, int64_t ix, Value key, int64_t hash, Value value) {
  incref(value);
  if (ix >= 0) {
    Value old = d->entries[ix].value;
    d->entries[ix].value = value;
    dict_bump_version(d);
    return old;
  }
  if (d->index == nullptr) alloc_table(d, kMinLog2);
  if (d->nentries >= d->capacity) dict_resize(d, log2_for(d->used * 3));
  incref(key);
  size_t slot = find_empty_slot(d, hash);
  size_t n = d->nentries;
  d->entries[n] = DictEntry{hash, key, value};
  set_index(d, slot, int64_t(n));
  d->nentries = n + 1;
  d->used++;
  dict_bump_version(d);
  return Value::null();
}

// A key that compares without Python code needs only a leaf section; the replaced value is
// released after it (its finalizer may run Python code).
void dict_set_hashed(Dict* d, Value key, int64_t hash, Value value) {
  Value old;
  bool stored = false;
  {
    LeafCriticalSection cs(d);
    int64_t ix = lookup<false>(d, key, hash, nullptr);
    if (ix != kUndecided) {
      old = store_at(d, ix, key, hash, value);
      stored = true;
    }
  }
  if (!stored) {
    CriticalSection cs(d);
    old = store_at(d, lookup<true>(d, key, hash, nullptr), key, hash, value);
  }
  release_value(d, old);
}

void dict_set(Dict* d, Value key, Value value) { dict_set_hashed(d, key, dict_hash_key(key), value); }

// Unlinks the entry at [ix] (index slot [slot]); the caller owns the returned key and value.
void dict_unlink(Dict* d, int64_t ix, size_t slot, Value* key, Value* value) {
  DictEntry* e = &d->entries[ix];
  *key = e->key;
  *value = e->value;
  e->key = Value::null();
  e->value = Value::null();
  set_index(d, slot, kDummy);
  d->used--;
  dict_bump_version(d);
  if (MINIPY_FREE_THREADED && (d->gc_bits & kGcDeferred)) {
    incref(*value);  // the caller's reference; the dict's own is released late
    release_value(d, *value);
  }
}

bool dict_del(Dict* d, Value key) {
  int64_t h = dict_hash_key(key);
  CriticalSection cs(d);
  size_t slot;
  int64_t ix = d->used ? dict_lookup(d, key, h, &slot) : -1;
  if (ix < 0) return false;
  Value k, v;
  dict_unlink(d, ix, slot, &k, &v);
  decref(k);
  decref(v);
  return true;
}

bool dict_next(Dict* d, size_t* pos, Value* key, Value* value) {
  CriticalSection cs(d);
  size_t i = *pos;
  while (i < d->nentries && d->entries[i].key.is_null()) i++;
  if (i >= d->nentries) return false;
  if (key) *key = d->entries[i].key;
  if (value) *value = d->entries[i].value;
  *pos = i + 1;
  return true;
}

void dict_clear(Dict* d) {
  CriticalSection cs(d);
  void* block = d->index;
  DictEntry* entries = d->entries;
  size_t n = d->nentries;
  d->index = nullptr;
  d->entries = nullptr;
  d->used = d->nentries = d->capacity = 0;
  d->log2_index = 0;
  dict_bump_version(d);
  for (size_t i = 0; i < n; i++) {
    decref(entries[i].key);
    release_value(d, entries[i].value);
  }
  if (block) free_bytes(block);
}

// Inserts every entry of [src] into [d] (later keys win).
void dict_merge(Dict* d, Dict* src) {
  if (src == d) return;
  CriticalSection2 cs(d, src);
  if (src->used == 0) return;
  if (d->used == 0 && d->index == nullptr) {
    uint8_t lg = log2_for((src->used * 3 + 1) / 2);
    alloc_table(d, lg);
  } else if (d->nentries + src->used > d->capacity) {
    dict_resize(d, log2_for((d->used + src->used) * 3 / 2 + 1));
  }
  for (size_t i = 0; i < src->nentries; i++) {
    DictEntry e = src->entries[i];
    if (e.key.is_null()) continue;
    Ref k = Ref::borrow(e.key);
    Ref v = Ref::borrow(e.value);
    dict_set_hashed(d, k.get(), e.hash, v.get());
    if (i >= src->nentries) break;
  }
}

// Adds the (key, value) pairs of an iterable, with CPython's errors for bad elements.
static void dict_merge_pairs(Dict* d, Value iterable) {
  Ref it = Ref::steal(get_iter(iterable));
  for (size_t n = 0;; n++) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) break;
    Value kv[2];
    Ref hold;
    Type* item_type = type_of(item.get());
    if (item_type == &tuple_type || item_type == &list_type) {  // PySequence_Fast: exact types
      size_t len;
      if (item_type == &tuple_type) {
        len = item.as<Tuple>()->size;
        if (len == 2) hold = Ref::steal(Value::from_obj(tuple_from(item.as<Tuple>()->items(), 2)));
      } else {
        List* l = item.as<List>();
        LeafCriticalSection cs(l);  // another thread may be resizing l
        len = l->size;
        if (len == 2) hold = Ref::steal(Value::from_obj(tuple_from(l->items, 2)));
      }
      if (len != 2)
        raise_fmt(&exc_ValueError, "dictionary update sequence element #{} has length {}; 2 is required", n,
                  len);
    } else {
      Type* t = type_of(item.get());
      if (!t->iter && !t->getitem)
        raise_fmt(&exc_TypeError, "cannot convert dictionary update sequence element #{} to a sequence", n);
      List* tmp = list_new(0);
      Ref tmpref = Ref::steal(Value::from_obj(tmp));
      list_extend(tmp, item.get());
      if (tmp->size != 2)
        raise_fmt(&exc_ValueError, "dictionary update sequence element #{} has length {}; 2 is required", n,
                  tmp->size);
      hold = Ref::steal(list_as_tuple(tmp));
    }
    kv[0] = hold.as<Tuple>()->item(0);
    kv[1] = hold.as<Tuple>()->item(1);
    dict_set(d, kv[0], kv[1]);
  }
}

// Merges [other]: a dict's entries directly, unless its class overrides __iter__ (then, as
// CPython's dict_merge, through keys() and [] like any mapping), else (key, value) pairs.
void dict_update(Dict* d, Value other) {
  if (dict_check(other) && type_of(other)->iter == dict_type.iter) {
    dict_merge(d, other.as<Dict>());
    return;
  }
  static Str* keys_name = str_intern("keys");
  Ref keys = Ref::steal(getattr_opt(other, keys_name));
  if (keys) {
    Ref ks = Ref::steal(call0(keys.get()));
    Ref it = Ref::steal(get_iter(ks.get()));
    while (true) {
      Ref k = Ref::steal(iter_next(it.get()));
      if (!k) break;
      Ref v = Ref::steal(getitem(other, k.get()));
      dict_set(d, k.get(), v.get());
    }
    return;
  }
  dict_merge_pairs(d, other);
}

Value dict_copy(Dict* src) {
  Dict* d = dict_new();
  Ref r = Ref::steal(Value::from_obj(d));
  dict_merge(d, src);
  return r.release();
}

// ---- slots -----------------------------------------------------------------------------------

// The cycle collector's slots: visit the keys and values; drop them.
static void dict_traverse(Object* o, GcVisitFn visit, void* arg) {
  Dict* d = static_cast<Dict*>(o);
  for (size_t i = 0; i < d->nentries; i++) {
    visit(d->entries[i].key, arg);
    visit(d->entries[i].value, arg);
  }
}
static void dict_gc_clear(Object* o) { dict_clear(static_cast<Dict*>(o)); }

static void dict_dealloc(Object* o) {
  Dict* d = static_cast<Dict*>(o);
  for (size_t i = 0; i < d->nentries; i++) {
    decref(d->entries[i].key);
    decref(d->entries[i].value);
  }
  if (d->index) free_bytes(d->index);
  object_free(o);
}

static Value dict_repr(Value self) {
  Dict* d = self.as<Dict>();
  CriticalSection cs(d);
  if (d->used == 0) return str_value("{}");
  ReprGuard guard(d);
  if (guard.recursive()) return str_value("{...}");
  std::string out = "{";
  bool first = true;
  for (size_t i = 0; i < d->nentries; i++) {
    if (d->entries[i].key.is_null()) continue;
    Ref k = Ref::borrow(d->entries[i].key);
    Ref v = Ref::borrow(d->entries[i].value);
    if (!first) out += ", ";
    first = false;
    append_repr(out, k.get());
    out += ": ";
    append_repr(out, v.get());
  }
  out += "}";
  return str_value(out);
}

// a == b for dicts: same size and every key of a maps to an equal value in b.
static bool dict_equal(Dict* a, Dict* b) {
  CriticalSection2 cs(a, b);
  if (a->used != b->used) return false;
  bool depth_checked = false;
  for (size_t i = 0; i < a->nentries; i++) {
    if (a->entries[i].key.is_null()) continue;
    Ref k = Ref::borrow(a->entries[i].key);
    Ref v = Ref::borrow(a->entries[i].value);
    int64_t ix = dict_lookup(b, k.get(), a->entries[i].hash, nullptr);
    if (ix < 0) return false;
    Ref bv = Ref::borrow(b->entries[ix].value);
    if (!equal_item(v.get(), bv.get(), &depth_checked)) return false;
  }
  return true;
}

static Value dict_richcompare(Value a, Value b, CmpOp op) {
  if (!dict_check(b) || (op != CmpOp::Eq && op != CmpOp::Ne)) return NotImplemented();
  bool eq = dict_equal(a.as<Dict>(), b.as<Dict>());
  return from_bool(op == CmpOp::Eq ? eq : !eq);
}

static int64_t dict_len(Value self) {
  LeafCriticalSection cs(self.as_obj());  // one field read
  return int64_t(self.as<Dict>()->used);
}

static bool dict_truthy(Value self) {
  LeafCriticalSection cs(self.as_obj());  // one field read
  return self.as<Dict>()->used != 0;
}

static Value dict_getitem(Value self, Value key) {
  Dict* d = self.as<Dict>();
  Value v = exact_str(key) ? dict_get_str_ref(d, as_str(key)) : dict_get_ref(d, key);
  if (!v.is_null()) return v;
  Type* t = d->type;
  if (t != &dict_type) {
    static Str* missing = str_intern("__missing__");
    Value m = type_lookup(t, missing);
    if (!m.is_null()) return call2(m, self, key);
  }
  raise_key_error(key);
}

static void dict_setitem(Value self, Value key, Value v) {
  Dict* d = self.as<Dict>();
  if (v.is_null()) {
    if (!dict_del(d, key)) raise_key_error(key);
    return;
  }
  dict_set(d, key, v);
}

static int dict_contains(Value self, Value key) {
  return dict_get(self.as<Dict>(), key).is_null() ? 0 : 1;
}

static Value dict_binop(Value a, Value b, BinOp op, bool inplace) {
  if (op != BinOp::Or) return NotImplemented();
  if (inplace && dict_check(a)) {
    dict_update(a.as<Dict>(), b);
    return iter_self(a);
  }
  if (!dict_check(a) || !dict_check(b)) return NotImplemented();
  Ref r = Ref::steal(dict_copy(a.as<Dict>()));
  dict_merge(r.as<Dict>(), b.as<Dict>());
  return r.release();
}

// dict(), dict(mapping), dict(pairs), dict(**kw).
static Value dict_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  size_t npos = nargs;
  if (npos > 1) raise_fmt(&exc_TypeError, "dict expected at most 1 argument, got {}", npos);
  Ref r = Ref::steal(Value::from_obj(dict_alloc(type)));
  if (npos == 1) dict_update(r.as<Dict>(), args[0]);
  for (size_t i = 0; i < nkw; i++) dict_set(r.as<Dict>(), kwnames->item(i), args[npos + i]);
  return r.release();
}

void init_dict_type() {
  Type* t = &dict_type;
  type_init_static(t, "dict", &object_type, sizeof(Dict), kTypeBaseType | kTypeDictSubclass);
  t->dealloc = dict_dealloc;
  t->traverse = dict_traverse;
  t->clear = dict_gc_clear;
  t->repr = dict_repr;
  t->richcompare = dict_richcompare;
  t->len = dict_len;
  t->truthy = dict_truthy;
  t->iter = dict_iter_keys;
  t->getitem = dict_getitem;
  t->setitem = dict_setitem;
  t->contains = dict_contains;
  t->binop = dict_binop;
  t->construct = dict_construct;
  type_ready(t);
  t->hash = nullptr;
  init_dict_methods();
}

}  // namespace rt
