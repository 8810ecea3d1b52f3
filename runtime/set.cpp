// The set and frozenset types: CPython 3.11's setobject.c algorithm, step for step (linear
// probes of 9, perturbation shift 5, a table of 8 to start, the same resize policy and
// reinsertion order), so that iteration order, and so printed output, matches CPython's.
// The methods and operators are in set_ops.cpp.
#include "runtime/critical_section.h"
#include "runtime/set_internal.h"
#include "runtime/gc.h"

#include <cstring>

namespace rt {

Type set_type;
Type frozenset_type;
static Type set_iterator_type;

// The marker of a deleted entry (its hash is -1).
static Object dummy_object = {MINIPY_STATIC_HEADER(nullptr)};
const Value kSetDummy = Value::from_obj(&dummy_object);

static constexpr size_t kMinSize = 8;
static constexpr size_t kLinearProbes = 9;
static constexpr unsigned kPerturbShift = 5;

Set* set_alloc(Type* t) {
  Set* s = alloc_instance<Set>(t);
  s->mask = kMinSize - 1;
  s->table = s->smalltable;
  s->hash = -1;
  for (SetEntry& e : s->smalltable) e = SetEntry{Value::null(), 0};
  return s;
}

Set* set_new(Type* t) { return set_alloc(t); }

int64_t set_hash_key(Value key) {
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

// An empty entry: no key and hash 0 (an active key may have hash 0 too).
static inline bool is_unused(const SetEntry* e) { return e->hash == 0 && e->key.is_null(); }

// Compares [startkey] (found at [entry]) with [key]. Returns 1 equal, 0 not, -1 when the
// table changed under the comparison (the caller restarts).
static int compare_entry(Set* s, SetEntry* entry, Value startkey, Value key) {
  int cmp = equal_builtin(startkey, key);
  if (cmp >= 0) return cmp;
  SetEntry* table = s->table;
  Ref hold = Ref::borrow(startkey);
  bool eq = equal(startkey, key);
  if (table != s->table || entry->key != startkey) return -1;
  return eq ? 1 : 0;
}

// set_lookkey: the entry holding [key], or an unused entry if it is absent.
SetEntry* set_lookkey(Set* s, Value key, int64_t hash) {
restart:
  size_t perturb = size_t(hash);
  size_t mask = s->mask;
  size_t i = size_t(hash) & mask;
  while (true) {
    SetEntry* entry = &s->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (is_unused(entry)) return entry;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey == key) return entry;
        int cmp = compare_entry(s, entry, startkey, key);
        if (cmp < 0) goto restart;
        if (cmp > 0) return entry;
        mask = s->mask;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_insert_clean: inserts into a table known to hold neither [key] nor dummies.
static void insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  SetEntry* entry;
  while (true) {
    entry = &table[i];
    if (entry->key.is_null()) goto found;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key.is_null()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  entry->key = key;
  entry->hash = hash;
}

// set_table_resize: a table of the smallest power of two above [minused], reinserting the
// active entries in table order.
void set_table_resize(Set* s, size_t minused) {
  size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* oldtable = s->table;
  size_t oldmask = s->mask;
  bool old_is_small = oldtable == s->smalltable;
  SetEntry small_copy[kMinSize];
  SetEntry* newtable;
  if (newsize == kMinSize) {
    newtable = s->smalltable;
    if (newtable == oldtable) {
      if (s->fill == s->used) return;
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    newtable = static_cast<SetEntry*>(alloc_bytes(newsize * sizeof(SetEntry)));
  }
  for (size_t i = 0; i < newsize; i++) newtable[i] = SetEntry{Value::null(), 0};
  s->mask = newsize - 1;
  s->table = newtable;
  if (s->fill == s->used) {
    for (size_t i = 0; i <= oldmask; i++) {
      if (!oldtable[i].key.is_null()) insert_clean(newtable, s->mask, oldtable[i].key, oldtable[i].hash);
    }
  } else {
    s->fill = s->used;
    for (size_t i = 0; i <= oldmask; i++) {
      Value k = oldtable[i].key;
      if (!k.is_null() && k != kSetDummy) insert_clean(newtable, s->mask, k, oldtable[i].hash);
    }
  }
  if (!old_is_small) free_bytes(oldtable);
}

// set_add_entry: adds [key] with [hash] (increfs it when inserted).
void set_add_entry(Set* s, Value key, int64_t hash) {
  Ref hold = Ref::borrow(key);
  CriticalSection cs(s);
restart:
  size_t mask = s->mask;
  size_t i = size_t(hash) & mask;
  SetEntry* freeslot = nullptr;
  size_t perturb = size_t(hash);
  SetEntry* entry;
  while (true) {
    entry = &s->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (is_unused(entry)) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value startkey = entry->key;
        if (startkey == key) return;
        int cmp = compare_entry(s, entry, startkey, key);
        if (cmp > 0) return;
        if (cmp < 0) goto restart;
        mask = s->mask;
      } else if (entry->hash == -1) {
        if (freeslot == nullptr) freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot != nullptr) {
    s->used++;
    freeslot->key = hold.release();
    freeslot->hash = hash;
    return;
  }
  s->fill++;
  s->used++;
  entry->key = hold.release();
  entry->hash = hash;
  if (s->fill * 5 < mask * 3) return;
  set_table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

void set_add(Set* s, Value key) { set_add_entry(s, key, set_hash_key(key)); }

// The hash of a key being looked up: a set key is retried as a frozenset, as CPython's
// set_contains does ({1} in {frozenset({1})}).
static int64_t lookup_hash(Value key, Ref* tmp, Value* keyp) {
  if (key.is_obj() && !exact_str(key) && key.as_obj()->type->hash == nullptr && anyset_check(key)) {
    *tmp = Ref::steal(Value::from_obj(set_make(&frozenset_type, key)));
    *keyp = tmp->get();
    return set_hash_key(tmp->get());
  }
  return set_hash_key(key);
}

bool set_contains(Set* s, Value key) {
  Ref tmp;
  int64_t h = lookup_hash(key, &tmp, &key);
  CriticalSection cs(s);
  return !set_lookkey(s, key, h)->key.is_null();
}

bool set_contains_entry(Set* s, Value key, int64_t hash) {
  CriticalSection cs(s);
  return !set_lookkey(s, key, hash)->key.is_null();
}

// set_discard_entry: true if [key] was present and is now removed.
bool set_discard_entry(Set* s, Value key, int64_t hash) {
  CriticalSection cs(s);
  SetEntry* entry = set_lookkey(s, key, hash);
  if (entry->key.is_null()) return false;
  Value old = entry->key;
  entry->key = kSetDummy;
  entry->hash = -1;
  s->used--;
  decref(old);
  return true;
}

bool set_discard(Set* s, Value key) {
  Ref tmp;
  int64_t h = lookup_hash(key, &tmp, &key);
  return set_discard_entry(s, key, h);
}

// Iterates active entries in table order; [pos] starts at 0. Borrowed key.
bool set_next(Set* s, size_t* pos, Value* key) {
  CriticalSection cs(s);
  size_t i = *pos;
  while (i <= s->mask && (s->table[i].key.is_null() || s->table[i].key == kSetDummy)) i++;
  if (i > s->mask) return false;
  *pos = i + 1;
  if (key) *key = s->table[i].key;
  return true;
}

// As set_next, giving the entry (for its hash). Caller locks [s] for as long as it uses the
// entry.
SetEntry* set_next_entry(Set* s, size_t* pos) {
  size_t i = *pos;
  while (i <= s->mask && (s->table[i].key.is_null() || s->table[i].key == kSetDummy)) i++;
  if (i > s->mask) return nullptr;
  *pos = i + 1;
  return &s->table[i];
}

void set_clear_internal(Set* s) {
  CriticalSection cs(s);
  SetEntry* table = s->table;
  size_t mask = s->mask;
  bool small = table == s->smalltable;
  SetEntry copy[kMinSize];
  if (small) {
    std::memcpy(copy, table, sizeof(copy));
    table = copy;
  }
  for (size_t i = 0; i < kMinSize; i++) s->smalltable[i] = SetEntry{Value::null(), 0};
  s->table = s->smalltable;
  s->mask = kMinSize - 1;
  s->fill = s->used = 0;
  s->hash = -1;
  for (size_t i = 0; i <= mask; i++) {
    if (!table[i].key.is_null() && table[i].key != kSetDummy) decref(table[i].key);
  }
  if (!small) free_bytes(table);
}

// set_merge: adds every key of the set [other] to [s].
void set_merge(Set* s, Set* other) {
  if (other == s) return;
  CriticalSection2 cs(s, other);
  if (other->used == 0) return;
  if ((s->fill + other->used) * 5 >= s->mask * 3) set_table_resize(s, (s->used + other->used) * 2);
  SetEntry* so_entry = s->table;
  SetEntry* other_entry = other->table;
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    for (size_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
      Value key = other_entry->key;
      if (!key.is_null()) {
        incref(key);
        so_entry->key = key;
        so_entry->hash = other_entry->hash;
      }
    }
    s->fill = other->fill;
    s->used = other->used;
    return;
  }
  if (s->fill == 0) {
    s->fill = other->used;
    s->used = other->used;
    for (size_t i = 0; i <= other->mask; i++, other_entry++) {
      Value key = other_entry->key;
      if (!key.is_null() && key != kSetDummy) {
        incref(key);
        insert_clean(s->table, s->mask, key, other_entry->hash);
      }
    }
    return;
  }
  for (size_t i = 0; i <= other->mask; i++) {
    other_entry = &other->table[i];
    Value key = other_entry->key;
    if (!key.is_null() && key != kSetDummy) set_add_entry(s, key, other_entry->hash);
  }
}

// set_update_internal: adds the items of any iterable.
void set_update_from(Set* s, Value other) {
  if (anyset_check(other)) {
    set_merge(s, other.as<Set>());
    return;
  }
  if (other.is_obj() && other.as_obj()->type == &dict_type) {
    Dict* d = other.as<Dict>();
    CriticalSection2 cs(s, d);
    if ((s->fill + d->used) * 5 >= s->mask * 3) set_table_resize(s, (s->used + d->used) * 2);
    for (size_t i = 0; i < d->nentries; i++) {
      if (d->entries[i].key.is_null()) continue;
      set_add_entry(s, d->entries[i].key, d->entries[i].hash);
    }
    return;
  }
  Ref it = Ref::steal(get_iter(other));
  while (true) {
    Ref k = Ref::steal(iter_next(it.get()));
    if (!k) break;
    set_add(s, k.get());
  }
}

Set* set_make(Type* t, Value iterable) {
  Set* s = set_alloc(t);
  Ref r = Ref::steal(Value::from_obj(s));
  if (!iterable.is_null()) set_update_from(s, iterable);
  return r.release().as<Set>();
}

// Exchanges the contents of two sets (intersection_update builds a new table then swaps).
void set_swap_bodies(Set* a, Set* b) {
  CriticalSection2 cs(a, b);
  Set ta = *a, tb = *b;
  auto copy_body = [](Set* dst, const Set& src, const Set* src_obj) {
    dst->fill = src.fill;
    dst->used = src.used;
    dst->mask = src.mask;
    if (src.table == src_obj->smalltable) {
      std::memcpy(dst->smalltable, src.smalltable, sizeof(dst->smalltable));
      dst->table = dst->smalltable;
    } else {
      dst->table = src.table;
    }
    dst->hash = -1;
  };
  copy_body(a, tb, b);
  copy_body(b, ta, a);
}

// ---- the type's storage slots -----------------------------------------------------------------

// The cycle collector's slots: visit the keys; drop them.
static void set_traverse(Object* o, GcVisitFn visit, void* arg) {
  Set* s = static_cast<Set*>(o);
  for (size_t i = 0; i <= s->mask; i++) {
    Value k = s->table[i].key;
    if (k != kSetDummy) visit(k, arg);
  }
}
static void set_gc_clear(Object* o) { set_clear_internal(static_cast<Set*>(o)); }

static void set_dealloc(Object* o) {
  Set* s = static_cast<Set*>(o);
  for (size_t i = 0; i <= s->mask; i++) {
    Value k = s->table[i].key;
    if (!k.is_null() && k != kSetDummy) decref(k);
  }
  if (s->table != s->smalltable) free_bytes(s->table);
  object_free(o);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

// CPython's frozenset_hash: order-independent, cached.
static int64_t frozenset_hash(Value self) {
  Set* s = self.as<Set>();
  if (int64_t cached = cached_hash_load(s->hash); cached != -1) return cached;
  uint64_t h = 0;
  for (size_t i = 0; i <= s->mask; i++) h ^= shuffle_bits(uint64_t(s->table[i].hash));
  if ((s->mask + 1 - s->fill) & 1) h ^= shuffle_bits(0);
  if ((s->fill - s->used) & 1) h ^= shuffle_bits(uint64_t(-1));
  h ^= (uint64_t(s->used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  if (h == uint64_t(-1)) h = 590923713ull;
  cached_hash_store(s->hash, int64_t(h));
  return int64_t(h);
}

static int64_t set_len(Value self) { return int64_t(set_used(self.as<Set>())); }

static bool set_truthy(Value self) { return set_used(self.as<Set>()) != 0; }

static int set_contains_slot(Value self, Value key) { return set_contains(self.as<Set>(), key) ? 1 : 0; }

// "{1, 2}", "set()", "frozenset({1, 2})", "frozenset()"; subclasses "Name({1})".
static Value set_repr(Value self) {
  Set* s = self.as<Set>();
  CriticalSection cs(s);
  Type* t = s->type;
  bool plain = t == &set_type;
  if (s->used == 0) return str_value(std::string(t->name) + "()");
  ReprGuard guard(s);
  if (guard.recursive()) return str_value(std::string(t->name) + "(...)");
  List* keys = list_new(0);
  Ref kr = Ref::steal(Value::from_obj(keys));
  size_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k)) list_append(keys, k);
  std::string out = plain ? "{" : std::string(t->name) + "({";
  for (size_t i = 0; i < keys->size; i++) {
    if (i) out += ", ";
    append_repr(out, keys->items[i]);
  }
  out += plain ? "}" : "})";
  return str_value(out);
}

// ---- iterator ---------------------------------------------------------------------------------

struct SetIter : Object {
  Set* set;  // null once exhausted
  size_t pos;
  size_t used;
  int64_t len;
};

static Value set_iter(Value self) {
  Set* s = self.as<Set>();
  SetIter* it = alloc_object<SetIter>(&set_iterator_type);
  incref(s);
  it->set = s;
  CriticalSection cs(s);
  it->pos = 0;
  it->used = s->used;
  it->len = int64_t(s->used);
  return Value::from_obj(it);
}

static Value set_iter_next(Value self) {
  SetIter* it = self.as<SetIter>();
  Set* s = it->set;
  if (s == nullptr) return Value::null();
  {
    CriticalSection cs(s);
    if (it->used != s->used) {
      it->used = size_t(-1);
      raise_msg(&exc_RuntimeError, "Set changed size during iteration");
    }
    Value k;
    if (set_next(s, &it->pos, &k)) {
      it->len--;
      incref(k);
      return k;
    }
  }
  it->set = nullptr;
  decref(s);  // after the section: the set may die here
  return Value::null();
}

static void set_iter_dealloc(Object* o) {
  SetIter* it = static_cast<SetIter*>(o);
  if (it->set) decref(it->set);
  object_free(o);
}

void init_set_type() {
  type_init_static(&set_type, "set", &object_type, sizeof(Set), kTypeBaseType);
  type_init_static(&frozenset_type, "frozenset", &object_type, sizeof(Set), kTypeBaseType);
  for (Type* t : {&set_type, &frozenset_type}) {
    t->dealloc = set_dealloc;
    t->traverse = set_traverse;
    t->clear = set_gc_clear;
    t->repr = set_repr;
    t->len = set_len;
    t->truthy = set_truthy;
    t->contains = set_contains_slot;
    t->iter = set_iter;
  }
  frozenset_type.hash = frozenset_hash;
  init_set_ops();
  type_ready(&set_type);
  type_ready(&frozenset_type);
  set_type.hash = nullptr;
  init_set_methods();

  type_init_static(&set_iterator_type, "set_iterator", &object_type, sizeof(SetIter));
  set_iterator_type.dealloc = set_iter_dealloc;
  set_iterator_type.iter = iter_self;
  set_iterator_type.next = set_iter_next;
  type_ready(&set_iterator_type);
}

}  // namespace rt
