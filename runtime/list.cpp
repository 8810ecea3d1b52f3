// The list type: a growable array of owned Values, its iterators and its methods.
// Thread safety (free-threaded build): every operation that reads or writes a list's items
// runs inside a critical section on the list (runtime/critical_section.h); the helpers marked
// "caller locks" expect one to be held. In the GIL build the sections compile to nothing.
// Also the shared helpers of the container files (containers.h) and init_container_types().
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/containers.h"
#include "runtime/critical_section.h"
#include "runtime/gc.h"
#include "runtime/init.h"
#include "runtime/objects.h"
#include "runtime/timsort.h"

namespace rt {

Type list_type;
Type list_iterator_type;
static Type list_reverseiterator_type;

// ---- shared container helpers ------------------------------------------------------------

bool anyset_check(Value v) {
  if (!v.is_obj()) return false;
  Type* t = v.as_obj()->type;
  return t == &set_type || t == &frozenset_type || is_subtype(t, &set_type) ||
         is_subtype(t, &frozenset_type);
}

void raise_key_error(Value key) {
  Value cls = Value::from_obj(&exc_KeyError);
  raise(call1(cls, key));
}

Value iter_self(Value self) {
  incref(self);
  return self;
}

void append_repr(std::string& out, Value v) {
  Ref r = Ref::steal(repr(v));
  out.append(as_str(r.get())->view());
}

// The short name of a method for positional-count messages: "list.pop" -> "pop".
static const char* short_name(const char* qualname) {
  const char* dot = std::strrchr(qualname, '.');
  return dot ? dot + 1 : qualname;
}

void check_no_kw(const char* qualname, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", qualname);
}

void check_nargs(const char* qualname, size_t nargs, Tuple* kwnames, size_t lo, size_t hi) {
  check_no_kw(qualname, kwnames);
  if (nargs >= lo && nargs <= hi) return;
  const char* name = short_name(qualname);
  if (lo == hi)
    raise_fmt(&exc_TypeError, "{} expected {} argument{}, got {}", name, lo, lo == 1 ? "" : "s", nargs);
  if (nargs < lo)
    raise_fmt(&exc_TypeError, "{} expected at least {} argument{}, got {}", name, lo, lo == 1 ? "" : "s",
              nargs);
  raise_fmt(&exc_TypeError, "{} expected at most {} argument{}, got {}", name, hi, hi == 1 ? "" : "s", nargs);
}

void check_noargs(const char* qualname, size_t nargs, Tuple* kwnames) {
  check_no_kw(qualname, kwnames);
  if (nargs != 0) raise_fmt(&exc_TypeError, "{}() takes no arguments ({} given)", qualname, nargs);
}

void check_onearg(const char* qualname, size_t nargs, Tuple* kwnames) {
  check_no_kw(qualname, kwnames);
  if (nargs != 1) raise_fmt(&exc_TypeError, "{}() takes exactly one argument ({} given)", qualname, nargs);
}

int64_t container_index(Value key, const char* what) {
  if (key.is_int()) return key.as_int();
  if (int_check(key)) {
    int64_t i;
    if (!int_to_i64(key, &i)) raise_msg(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
    return i;
  }
  raise_fmt(&exc_TypeError, "{} indices must be integers or slices, not {}", what, type_name(key));
}

// ---- storage -------------------------------------------------------------------------------

// The capacity for at least [need] items, growing geometrically as CPython (about 1.125x + 6).
static size_t grown_capacity(size_t need) { return need + (need >> 3) + (need < 9 ? 3 : 6); }

// Makes room for at least [need] items.
static void list_reserve(List* l, size_t need) {
  if (need <= l->capacity) return;
  if (need > kMaxItems) raise_memory_error();
  size_t cap = grown_capacity(need);
  Value* items = static_cast<Value*>(alloc_bytes(cap * sizeof(Value)));
  if (l->size) std::memcpy(items, l->items, l->size * sizeof(Value));
  if (l->items) free_bytes(l->items);
  l->items = items;
  l->capacity = cap;
}

static List* list_alloc(Type* t, size_t n) {
  if (n > kMaxItems) raise_memory_error();
  List* l = alloc_instance<List>(t);
  if (n) {
    l->items = static_cast<Value*>(alloc_bytes(n * sizeof(Value)));
    for (size_t i = 0; i < n; i++) l->items[i] = Value::null();
    l->capacity = n;
  }
  l->size = n;
  return l;
}

List* list_new(size_t n) { return list_alloc(&list_type, n); }

List* list_from(const Value* items, size_t n) {
  List* l = list_new(n);
  for (size_t i = 0; i < n; i++) {
    incref(items[i]);
    l->items[i] = items[i];
  }
  return l;
}

#if MINIPY_FREE_THREADED
// From this capacity on, a full list that other threads may be appending to gets its larger
// array allocated outside its lock: faulting in a fresh block of a megabyte takes long enough
// that the other appenders would give up spinning and sleep.
constexpr size_t kGrowOutsideLock = 8192;

// list_append when [l] was full.
[[gnu::noinline]] static void append_growing(List* l, Value v) {
  Value* fresh = nullptr;  // a larger array, allocated with the list unlocked
  size_t fresh_cap = 0;
  for (;;) {
    Value* old = nullptr;
    {
      LeafCriticalSection cs(l);
      if (l->size == l->capacity) {
        if (fresh_cap > l->size) {
          if (l->size) std::memcpy(fresh, l->items, l->size * sizeof(Value));
          old = l->items;
          l->items = fresh;
          l->capacity = fresh_cap;
          fresh = nullptr;
        } else if (l->capacity >= kGrowOutsideLock && object_locks_active()) {
          fresh_cap = grown_capacity(l->size + 1);  // allocated below, then try again
        } else {
          list_reserve(l, l->size + 1);
        }
      }
      if (l->size < l->capacity) {
        incref(v);
        l->items[l->size++] = v;
        fresh_cap = 0;
      }
    }
    if (old != nullptr) free_bytes(old);
    if (fresh != nullptr) free_bytes(fresh);  // too small by now, or not needed
    fresh = nullptr;
    if (fresh_cap == 0) return;
    fresh = static_cast<Value*>(alloc_bytes(fresh_cap * sizeof(Value)));
    for (size_t off = 0; off < fresh_cap * sizeof(Value); off += 4096)
      reinterpret_cast<volatile char*>(fresh)[off] = 0;  // the page faults, here
  }
}

void list_append(List* l, Value v) {
  {
    LeafCriticalSection cs(l);
    if (l->size < l->capacity) [[likely]] {
      incref(v);
      l->items[l->size++] = v;
      return;
    }
  }
  append_growing(l, v);
}
#else
void list_append(List* l, Value v) {
  if (l->size == l->capacity) list_reserve(l, l->size + 1);
  incref(v);
  l->items[l->size++] = v;
}
#endif

// Appends [n] borrowed items (which may alias l's own storage). Caller locks [l] (and the
// source's owner).
static void list_append_array(List* l, const Value* items, size_t n) {
  if (n == 0) return;
  if (l->size + n > l->capacity) {
    size_t need = l->size + n;
    if (need > kMaxItems) raise_memory_error();
    Value* buf = static_cast<Value*>(alloc_bytes(need * sizeof(Value)));
    if (l->size) std::memcpy(buf, l->items, l->size * sizeof(Value));
    for (size_t i = 0; i < n; i++) {
      incref(items[i]);
      buf[l->size + i] = items[i];
    }
    if (l->items) free_bytes(l->items);
    l->items = buf;
    l->capacity = need;
    l->size = need;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    incref(items[i]);
    l->items[l->size + i] = items[i];
  }
  l->size += n;
}

// Appends the items of [iterable]. Exact lists and tuples are copied directly; anything
// else, subclasses included, goes through its iterator (CPython's PyList_CheckExact fast
// path), so an overridden __iter__ is used.
void list_extend(List* l, Value iterable) {
  Type* it_type = type_of(iterable);
  if (it_type == &list_type) {
    List* o = iterable.as<List>();
    CriticalSection2 cs(l, o);
    list_append_array(l, o->items, o->size);
    return;
  }
  if (it_type == &tuple_type) {
    Tuple* t = iterable.as<Tuple>();
    CriticalSection cs(l);
    list_append_array(l, t->items(), t->size);
    return;
  }
  if (iterable.is_obj() && iterable.as_obj()->type == &range_type) {
    Range* r = iterable.as<Range>();
    // CPython sizes the list from len() first: a range too long for an index raises there
    // (r->length is -1 also for a short range with big bounds).
    if (r->length < 0) length(iterable);
    int64_t start, step;
    if (r->length >= 0 && int_to_i64(r->start, &start) && int_to_i64(r->step, &step)) {
      CriticalSection cs(l);
      list_reserve(l, l->size + r->length);
      for (int64_t i = 0; i < r->length; i++) l->items[l->size++] = int_from_i64(start + i * step);
      return;
    }
  }
  if (iterable.is_obj() && iterable.as_obj() == l) {
    // A subclass extending itself: what its iterator gives now (PySequence_Fast), not
    // what it gives while growing.
    List* tmp = list_new(0);
    Ref hold = Ref::steal(Value::from_obj(tmp));
    list_extend(tmp, iterable);
    CriticalSection cs(l);
    list_append_array(l, tmp->items, tmp->size);
    return;
  }
  Ref it = Ref::steal(get_iter(iterable));
  Type* t = type_of(it.get());
  while (true) {
    Value v = t->next ? t->next(it.get()) : iter_next(it.get());
    if (v.is_null()) break;
    CriticalSection cs(l);
    if (l->size == l->capacity) list_reserve(l, l->size + 1);
    l->items[l->size++] = v;
  }
}

Value list_as_tuple(List* l) {
  CriticalSection cs(l);
  return Value::from_obj(tuple_from(l->items, l->size));
}

// Drops every item; the list stays usable. Caller locks.
static void list_clear_items(List* l) {
  Value* items = l->items;
  size_t n = l->size;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  for (size_t i = 0; i < n; i++) decref(items[i]);
  if (items) free_bytes(items);
}

// The cycle collector's slots: visit the items; drop them.
static void list_traverse(Object* o, GcVisitFn visit, void* arg) {
  List* l = static_cast<List*>(o);
  for (size_t i = 0; i < l->size; i++) visit(l->items[i], arg);
}
static void list_gc_clear(Object* o) { list_clear_items(static_cast<List*>(o)); }

static void list_dealloc(Object* o) {
  List* l = static_cast<List*>(o);
  for (size_t i = 0; i < l->size; i++) decref(l->items[i]);
  if (l->items) free_bytes(l->items);
  object_free(o);
}

// ---- sorting -------------------------------------------------------------------------------

namespace {

enum class KeyKind { Int, Float, Str, Generic };

// Classifies the keys so the comparison can skip the generic protocol when all are alike.
KeyKind classify(const Value* keys, size_t n) {
  if (n == 0) return KeyKind::Generic;
  bool all_int = true, all_float = true, all_str = true;
  for (size_t i = 0; i < n; i++) {
    Value k = keys[i];
    all_int = all_int && k.is_int();
    all_float = all_float && k.is_double();
    all_str = all_str && exact_str(k);
    if (!all_int && !all_float && !all_str) return KeyKind::Generic;
  }
  if (all_int) return KeyKind::Int;
  if (all_float) return KeyKind::Float;
  return KeyKind::Str;
}


}  // namespace

// Sorts a permutation of indices with CPython's timsort (runtime/timsort.h), then puts the
// items in its order. A key function that raises leaves the list as it was; a comparison that
// raises leaves it as far sorted as CPython's would be. With reverse, as CPython: the items are
// reversed, sorted forwards (which keeps equal items in order) and reversed back.
void list_sort(List* l, Value key, bool reverse) {
  CriticalSection cs(l);
  Value* items = l->items;
  size_t n = l->size;
  size_t cap = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  std::vector<Value> keyvec;
  bool have_key = !key.is_null() && key != None();
  // Gives the items back to the list; true if the list was changed during the sort (the
  // items it got meanwhile are dropped).
  auto restore = [&]() {
    for (Value k : keyvec) decref(k);
    bool modified = l->items != nullptr || l->size != 0;
    if (modified) list_clear_items(l);
    l->items = items;
    l->size = n;
    l->capacity = cap;
    return modified;
  };
  std::vector<uint32_t> perm;
  // Puts the items in the order of [perm] (reversed back first with reverse).
  auto apply_perm = [&]() {
    if (reverse) std::reverse(perm.begin(), perm.end());
    std::vector<Value> sorted(n);
    for (size_t i = 0; i < n; i++) sorted[i] = items[perm[i]];
    std::memcpy(items, sorted.data(), n * sizeof(Value));
  };
  try {
    // As CPython, the key function sees every item, even the only one.
    if (n > 1 || (n == 1 && have_key)) {
      const Value* keys = items;
      if (have_key) {
        keyvec.reserve(n);
        for (size_t i = 0; i < n; i++) keyvec.push_back(call1(key, items[i]));
        keys = keyvec.data();
      }
      perm.resize(n);
      for (size_t i = 0; i < n; i++) perm[i] = uint32_t(reverse ? n - 1 - i : i);
      try {
        switch (classify(keys, n)) {
          case KeyKind::Int:
            timsort(perm.data(), n, [&](uint32_t a, uint32_t b) { return keys[a].as_int() < keys[b].as_int(); });
            break;
          case KeyKind::Float:
            timsort(perm.data(), n, [&](uint32_t a, uint32_t b) { return keys[a].as_double() < keys[b].as_double(); });
            break;
          case KeyKind::Str:
            timsort(perm.data(), n,
                    [&](uint32_t a, uint32_t b) { return as_str(keys[a])->view() < as_str(keys[b])->view(); });
            break;
          case KeyKind::Generic:
            timsort(perm.data(), n, [&](uint32_t a, uint32_t b) { return compare_bool(keys[a], keys[b], CmpOp::Lt); });
            break;
        }
      } catch (...) {
        apply_perm();  // timsort left [perm] a permutation, partly sorted
        throw;
      }
      apply_perm();
    }
  } catch (...) {
    restore();
    throw;
  }
  if (restore()) raise_msg(&exc_ValueError, "list modified during sort");
}

// ---- slots ---------------------------------------------------------------------------------

static Value list_repr(Value self) {
  List* l = self.as<List>();
  CriticalSection cs(l);
  if (l->size == 0) return str_value("[]");
  ReprGuard guard(l);
  if (guard.recursive()) return str_value("[...]");
  std::string out = "[";
  for (size_t i = 0; i < l->size; i++) {
    if (i) out += ", ";
    Ref item = Ref::borrow(l->items[i]);
    append_repr(out, item.get());
  }
  out += "]";
  return str_value(out);
}

static Value list_richcompare(Value a, Value b, CmpOp op) {
  if (!list_check(b)) return NotImplemented();
  List* x = a.as<List>();
  List* y = b.as<List>();
  CriticalSection2 cs(x, y);
  if (x->size != y->size && (op == CmpOp::Eq || op == CmpOp::Ne)) return from_bool(op == CmpOp::Ne);
  size_t i = 0;
  bool depth_checked = false;
  for (; i < x->size && i < y->size; i++) {
    Ref xi = Ref::borrow(x->items[i]);
    Ref yi = Ref::borrow(y->items[i]);
    if (!equal_item(xi.get(), yi.get(), &depth_checked)) break;
  }
  if (i >= x->size || i >= y->size) {
    size_t xs = x->size, ys = y->size;
    bool r = false;
    switch (op) {
      case CmpOp::Lt: r = xs < ys; break;
      case CmpOp::Le: r = xs <= ys; break;
      case CmpOp::Eq: r = xs == ys; break;
      case CmpOp::Ne: r = xs != ys; break;
      case CmpOp::Gt: r = xs > ys; break;
      case CmpOp::Ge: r = xs >= ys; break;
    }
    return from_bool(r);
  }
  if (op == CmpOp::Eq) return False();
  if (op == CmpOp::Ne) return True();
  Ref xi = Ref::borrow(x->items[i]);
  Ref yi = Ref::borrow(y->items[i]);
  return compare(xi.get(), yi.get(), op);
}

static int64_t list_len(Value self) {
  LeafCriticalSection cs(self.as_obj());  // one field read
  return int64_t(self.as<List>()->size);
}

static bool list_truthy(Value self) {
  LeafCriticalSection cs(self.as_obj());  // one field read
  return self.as<List>()->size != 0;
}

// The slice [start:stop:step] selecting [n] items as a new list. Caller locks.
static Value list_slice(List* l, int64_t start, int64_t step, int64_t n) {
  List* r = list_new(size_t(n));
  for (int64_t i = 0; i < n; i++) {
    Value v = l->items[start + i * step];
    incref(v);
    r->items[i] = v;
  }
  return Value::from_obj(r);
}

static Value list_getitem(Value self, Value key) {
  List* l = self.as<List>();
  CriticalSection cs(l);
  if (key.is_int()) {
    int64_t i = key.as_int();
    if (i < 0) i += int64_t(l->size);
    if (uint64_t(i) >= l->size) raise_msg(&exc_IndexError, "list index out of range");
    Value v = l->items[i];
    incref(v);
    return v;
  }
  if (key.is_obj() && key.as_obj()->type == &slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), int64_t(l->size), &start, &stop, &step);
    return list_slice(l, start, step, n);
  }
  int64_t i = container_index(key, "list");
  if (i < 0) i += int64_t(l->size);
  if (i < 0 || uint64_t(i) >= l->size) raise_msg(&exc_IndexError, "list index out of range");
  Value v = l->items[i];
  incref(v);
  return v;
}

// Replaces items [lo, hi) with the [n] values of [src] (owned by the caller, borrowed here).
// Caller locks.
static void list_replace_range(List* l, int64_t lo, int64_t hi, const Value* src, size_t n) {
  size_t removed = size_t(hi - lo);
  std::vector<Value> old(l->items + lo, l->items + hi);
  if (n > removed) list_reserve(l, l->size + (n - removed));
  size_t tail = l->size - size_t(hi);
  if (tail != 0) std::memmove(l->items + lo + n, l->items + hi, tail * sizeof(Value));  // items may be null
  for (size_t i = 0; i < n; i++) {
    incref(src[i]);
    l->items[lo + i] = src[i];
  }
  l->size = l->size - removed + n;
  for (Value v : old) decref(v);
}

// Deletes the items selected by a slice.
static void list_delete_slice(List* l, int64_t start, int64_t step, int64_t n) {
  if (n <= 0) return;
  if (step < 0) {
    start = start + step * (n - 1);
    step = -step;
  }
  if (step == 1) {
    list_replace_range(l, start, start + n, nullptr, 0);
    return;
  }
  std::vector<Value> old;
  old.reserve(size_t(n));
  size_t w = size_t(start);
  int64_t next_del = start, deleted = 0;
  for (size_t r = size_t(start); r < l->size; r++) {
    if (deleted < n && int64_t(r) == next_del) {
      old.push_back(l->items[r]);
      deleted++;
      next_del += step;
      continue;
    }
    l->items[w++] = l->items[r];
  }
  l->size = w;
  for (Value v : old) decref(v);
}

static void list_setslice(List* l, Slice* s, Value v) {
  int64_t start, stop, step;
  int64_t n = slice_indices(s, int64_t(l->size), &start, &stop, &step);
  if (v.is_null()) {
    list_delete_slice(l, start, step, n);
    return;
  }
  Ref seq;
  if (v.is_obj() && v.as_obj() == l) {
    seq = Ref::steal(Value::from_obj(list_from(l->items, l->size)));
  } else if (type_of(v) == &list_type || type_of(v) == &tuple_type) {  // PySequence_Fast
    seq = Ref::borrow(v);
  } else {
    Type* vt = type_of(v);
    if (!vt->iter && !vt->getitem) raise_msg(&exc_TypeError, "can only assign an iterable");
    List* tmp = list_new(0);
    seq = Ref::steal(Value::from_obj(tmp));
    list_extend(tmp, v);
  }
  const Value* src;
  size_t m;
  if (type_of(seq.get()) == &tuple_type) {
    src = seq.as<Tuple>()->items();
    m = seq.as<Tuple>()->size;
  } else {
    src = seq.as<List>()->items;
    m = seq.as<List>()->size;
  }
  if (step == 1) {
    if (stop < start) stop = start;
    list_replace_range(l, start, stop, src, m);
    return;
  }
  if (int64_t(m) != n)
    raise_fmt(&exc_ValueError, "attempt to assign sequence of size {} to extended slice of size {}", m, n);
  std::vector<Value> old(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    Value* slot = &l->items[start + i * step];
    old[i] = *slot;
    incref(src[i]);
    *slot = src[i];
  }
  for (Value o : old) decref(o);
}

static void list_setitem(Value self, Value key, Value v) {
  List* l = self.as<List>();
  CriticalSection cs(l);
  if (key.is_obj() && key.as_obj()->type == &slice_type) {
    list_setslice(l, key.as<Slice>(), v);
    return;
  }
  int64_t i = key.is_int() ? key.as_int() : container_index(key, "list");
  if (i < 0) i += int64_t(l->size);
  if (i < 0 || uint64_t(i) >= l->size) raise_msg(&exc_IndexError, "list assignment index out of range");
  Value old = l->items[i];
  if (v.is_null()) {
    std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
    l->size--;
  } else {
    incref(v);
    l->items[i] = v;
  }
  decref(old);
}

static int list_contains(Value self, Value item) {
  List* l = self.as<List>();
  CriticalSection cs(l);
  for (size_t i = 0; i < l->size; i++) {
    Value x = l->items[i];
    if (x == item) return 1;
    Ref hold = Ref::borrow(x);
    if (equal(x, item)) return 1;
  }
  return 0;
}

// Repeats [l]'s items [n] times into a new list. Caller locks.
static Value list_repeat(List* l, int64_t n) {
  if (n <= 0 || l->size == 0) return Value::from_obj(list_new(0));
  if (size_t(n) > kMaxItems / l->size) raise_memory_error();
  size_t total = l->size * size_t(n);
  List* r = list_new(total);
  for (size_t k = 0; k < total; k++) {
    Value v = l->items[k % l->size];
    incref(v);
    r->items[k] = v;
  }
  return Value::from_obj(r);
}

// Caller locks.
static void list_inplace_repeat(List* l, int64_t n) {
  if (n <= 0) {
    list_clear_items(l);
    return;
  }
  size_t m = l->size;
  if (m != 0 && size_t(n) > kMaxItems / m) raise_memory_error();
  list_reserve(l, m * size_t(n));
  for (int64_t k = 1; k < n; k++) list_append_array(l, l->items, m);
}

// The repeat count of `seq * n`: "can't multiply sequence by non-int of type 'float'".
static int64_t repeat_count(Value n) {
  if (n.is_int()) return n.as_int();
  if (!int_check(n)) raise_fmt(&exc_TypeError, "can't multiply sequence by non-int of type '{}'", type_name(n));
  return index_value(n);
}

static bool is_heap(Value v) { return v.is_obj() && (v.as_obj()->type->flags & kTypeHeapType); }

static Value list_binop(Value a, Value b, BinOp op, bool inplace) {
  if (op == BinOp::Add) {
    if (!list_check(a)) return NotImplemented();
    if (inplace) {
      // CPython tries the right operand's __radd__ (nb_add) before list's in-place concat.
      Type* tb = type_of(b);
      if (is_heap(b) && tb->binop != nullptr && tb->binop != list_type.binop) {
        Value r = tb->binop(a, b, op, false);
        if (r != NotImplemented()) return r;
      }
      list_extend(a.as<List>(), b);
      return iter_self(a);
    }
    if (!list_check(b)) {
      if (is_heap(b)) return NotImplemented();
      raise_fmt(&exc_TypeError, "can only concatenate list (not \"{}\") to list", type_name(b));
    }
    List* x = a.as<List>();
    List* y = b.as<List>();
    CriticalSection2 cs(x, y);
    List* r = list_new(0);
    list_reserve(r, x->size + y->size);
    list_append_array(r, x->items, x->size);
    list_append_array(r, y->items, y->size);
    return Value::from_obj(r);
  }
  if (op == BinOp::Mul) {
    Value seq = list_check(a) ? a : b;
    Value n = list_check(a) ? b : a;
    if (is_heap(n)) return NotImplemented();
    int64_t count = repeat_count(n);
    CriticalSection cs(seq);
    if (inplace && seq == a) {
      list_inplace_repeat(a.as<List>(), count);
      return iter_self(a);
    }
    return list_repeat(seq.as<List>(), count);
  }
  return NotImplemented();
}

// ---- iterators -----------------------------------------------------------------------------

static Value list_iter(Value self) {
  ListIter* it = alloc_object<ListIter>(&list_iterator_type);
  incref(self);
  it->list = self.as<List>();
  it->index = 0;
  return Value::from_obj(it);
}

static Value list_iter_next_locking(ListIter* it);

// The common case, while no other thread runs, with nothing to lock (LeafCriticalSection's
// own fast path) and no call to set up.
static Value list_iter_next(Value self) {
  ListIter* it = self.as<ListIter>();
  List* l = it->list;
  if (l != nullptr && !object_locks_active() && it->index < l->size) [[likely]] {
    Value v = l->items[it->index++];
    incref(v);
    return v;
  }
  return list_iter_next_locking(it);
}

[[gnu::noinline]] static Value list_iter_next_locking(ListIter* it) {
  List* l = it->list;
  if (l == nullptr) return Value::null();
  {
    LeafCriticalSection cs(l);
    if (it->index < l->size) {
      Value v = l->items[it->index++];
      incref(v);
      return v;
    }
  }
  it->list = nullptr;
  decref(l);  // after the section: the list may die here
  return Value::null();
}

static void list_iter_dealloc(Object* o) {
  ListIter* it = static_cast<ListIter*>(o);
  if (it->list) decref(it->list);
  object_free(o);
}

Value list_reversed_iter(List* l) {
  ListIter* it = alloc_object<ListIter>(&list_reverseiterator_type);
  incref(l);
  it->list = l;
  CriticalSection cs(l);
  it->index = l->size;
  return Value::from_obj(it);
}

static Value list_reviter_next(Value self) {
  ListIter* it = self.as<ListIter>();
  List* l = it->list;
  if (l == nullptr) return Value::null();
  {
    LeafCriticalSection cs(l);
    if (it->index > 0 && it->index <= l->size) {
      Value v = l->items[--it->index];
      incref(v);
      return v;
    }
  }
  it->list = nullptr;
  decref(l);
  return Value::null();
}

// ---- construction and methods ----------------------------------------------------------------

static Value list_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "list() takes no keyword arguments");
  if (nargs > 1) raise_fmt(&exc_TypeError, "list expected at most 1 argument, got {}", nargs);
  Ref r = Ref::steal(Value::from_obj(list_alloc(type, 0)));
  if (nargs == 1) list_extend(r.as<List>(), args[0]);
  return r.release();
}

static Value m_append(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("list.append", nargs - 1, kw);
  list_append(args[0].as<List>(), args[1]);
  return None();
}

static Value m_extend(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("list.extend", nargs - 1, kw);
  List* l = args[0].as<List>();
  if (args[1] == args[0] && type_of(args[0]) == &list_type) {
    CriticalSection cs(l);
    list_append_array(l, l->items, l->size);
  } else {
    list_extend(l, args[1]);
  }
  return None();
}

// Clamps a start/stop argument of insert/index to [0, size].
static int64_t clamp_index(int64_t i, size_t size) {
  if (i < 0) {
    i += int64_t(size);
    if (i < 0) i = 0;
  } else if (uint64_t(i) > size) {
    i = int64_t(size);
  }
  return i;
}

static Value m_insert(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("list.insert", nargs - 1, kw, 2, 2);
  List* l = args[0].as<List>();
  int64_t index = index_value(args[1]);
  CriticalSection cs(l);
  int64_t i = clamp_index(index, l->size);
  list_reserve(l, l->size + 1);
  std::memmove(l->items + i + 1, l->items + i, (l->size - i) * sizeof(Value));
  incref(args[2]);
  l->items[i] = args[2];
  l->size++;
  return None();
}

static Value m_pop(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("list.pop", nargs - 1, kw, 0, 1);
  List* l = args[0].as<List>();
  int64_t i = nargs > 1 ? index_value(args[1]) : -1;
  CriticalSection cs(l);
  if (l->size == 0) raise_msg(&exc_IndexError, "pop from empty list");
  if (i < 0) i += int64_t(l->size);
  if (i < 0 || uint64_t(i) >= l->size) raise_msg(&exc_IndexError, "pop index out of range");
  Value v = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
  l->size--;
  return v;
}

static Value m_remove(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("list.remove", nargs - 1, kw);
  List* l = args[0].as<List>();
  CriticalSection cs(l);
  for (size_t i = 0; i < l->size; i++) {
    Ref x = Ref::borrow(l->items[i]);
    if (equal(x.get(), args[1])) {
      if (i < l->size && l->items[i] == x.get()) {
        std::memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Value));
        l->size--;
        decref(x.get());
      }
      return None();
    }
  }
  raise_msg(&exc_ValueError, "list.remove(x): x not in list");
}

static Value m_index(const Value* args, size_t nargs, Tuple* kw) {
  check_nargs("list.index", nargs - 1, kw, 1, 3);
  List* l = args[0].as<List>();
  int64_t start = nargs > 2 ? index_value(args[2]) : 0;
  int64_t stop = nargs > 3 ? index_value(args[3]) : INT64_MAX;
  CriticalSection cs(l);
  start = clamp_index(start, l->size);
  stop = clamp_index(stop, l->size);
  for (int64_t i = start; i < stop && uint64_t(i) < l->size; i++) {
    Ref x = Ref::borrow(l->items[i]);
    if (equal(x.get(), args[1])) return int_from_i64(i);
  }
  Ref r = Ref::steal(repr(args[1]));
  raise_fmt(&exc_ValueError, "{} is not in list", as_str(r.get())->view());
}

static Value m_count(const Value* args, size_t nargs, Tuple* kw) {
  check_onearg("list.count", nargs - 1, kw);
  List* l = args[0].as<List>();
  CriticalSection cs(l);
  int64_t n = 0;
  for (size_t i = 0; i < l->size; i++) {
    Ref x = Ref::borrow(l->items[i]);
    if (equal(x.get(), args[1])) n++;
  }
  return int_from_i64(n);
}

static Value m_sort(const Value* args, size_t nargs, Tuple* kw) {
  if (nargs > 1) raise_msg(&exc_TypeError, "sort() takes no positional arguments");
  Value key = Value::null();
  bool reverse = false;
  size_t nkw = kw ? kw->size : 0;
  for (size_t i = 0; i < nkw; i++) {
    std::string_view name = as_str(kw->item(i))->view();
    Value v = args[nargs + i];
    if (name == "key") {
      key = v;
    } else if (name == "reverse") {
      reverse = truthy(v);
    } else {
      raise_fmt(&exc_TypeError, "'{}' is an invalid keyword argument for sort()", name);
    }
  }
  list_sort(args[0].as<List>(), key, reverse);
  return None();
}

static Value m_reverse(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("list.reverse", nargs - 1, kw);
  List* l = args[0].as<List>();
  CriticalSection cs(l);
  std::reverse(l->items, l->items + l->size);
  return None();
}

static Value m_copy(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("list.copy", nargs - 1, kw);
  List* l = args[0].as<List>();
  CriticalSection cs(l);
  return Value::from_obj(list_from(l->items, l->size));
}

static Value m_clear(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("list.clear", nargs - 1, kw);
  CriticalSection cs(args[0]);
  list_clear_items(args[0].as<List>());
  return None();
}

static Value m_reversed(const Value* args, size_t nargs, Tuple* kw) {
  check_noargs("list.__reversed__", nargs - 1, kw);
  return list_reversed_iter(args[0].as<List>());
}

void init_list_type() {
  Type* t = &list_type;
  type_init_static(t, "list", &object_type, sizeof(List), kTypeBaseType | kTypeListSubclass);
  t->dealloc = list_dealloc;
  t->traverse = list_traverse;
  t->clear = list_gc_clear;
  t->repr = list_repr;
  t->richcompare = list_richcompare;
  t->truthy = list_truthy;
  t->len = list_len;
  t->iter = list_iter;
  t->getitem = list_getitem;
  t->setitem = list_setitem;
  t->contains = list_contains;
  t->binop = list_binop;
  t->construct = list_construct;
  type_ready(t);
  t->hash = nullptr;
  type_add_method(t, "append", m_append);
  type_add_method(t, "extend", m_extend);
  type_add_method(t, "insert", m_insert);
  type_add_method(t, "pop", m_pop);
  type_add_method(t, "remove", m_remove);
  type_add_method(t, "index", m_index);
  type_add_method(t, "count", m_count);
  type_add_method(t, "sort", m_sort);
  type_add_method(t, "reverse", m_reverse);
  type_add_method(t, "copy", m_copy);
  type_add_method(t, "clear", m_clear);
  type_add_method(t, "__reversed__", m_reversed);

  for (Type* it : {&list_iterator_type, &list_reverseiterator_type}) {
    type_init_static(it, it == &list_iterator_type ? "list_iterator" : "list_reverseiterator", &object_type,
                     sizeof(ListIter));
    it->dealloc = list_iter_dealloc;
    it->iter = iter_self;
    it->next = it == &list_iterator_type ? list_iter_next : list_reviter_next;
    type_ready(it);
  }
}

// Readies every container type, in dependency order.
void init_container_types() {
  init_list_type();
  init_dict_type();
  init_set_type();
  init_range_type();
  init_slice_type();
}

}  // namespace rt
