// The str type: immutable UTF-8 strings with a cached code point count and hash, the intern
// table, the cached empty and one-character strings, and the type's slots (repr, compare,
// indexing and slicing, concatenation, iteration). The methods live in str_methods.cpp.
#include <array>
#include <cstring>
#include <mutex>
#include <vector>

#include "runtime/error.h"
#include "runtime/format.h"
#include "runtime/init.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace rt {

void register_str_methods();  // runtime/str_methods.cpp

namespace {

// ---- statically allocated strings ---------------------------------------------------------

// A string with its bytes stored inline after the header, for the immortal singletons.
struct StaticStr {
  Str s;
  char bytes[8];
};
static_assert(sizeof(StaticStr) == sizeof(Str) + 8, "bytes must follow the Str header");

constexpr StaticStr make_static_str(int c) {
  StaticStr r{};
  init_static_immortal(r.s);
  r.s.type = &str_type;
  r.s.hash = -1;
  r.s.length = c < 0 ? 0 : 1;
  r.s.nbytes = c < 0 ? 0 : 1;
  r.s.ascii = 1;
  r.s.interned = 1;
  r.bytes[0] = c < 0 ? 0 : static_cast<char>(c);
  return r;
}

constexpr std::array<StaticStr, 128> make_chars() {
  std::array<StaticStr, 128> a{};
  for (int i = 0; i < 128; ++i) a[i] = make_static_str(i);
  return a;
}

constinit StaticStr g_empty = make_static_str(-1);
constinit std::array<StaticStr, 128> g_chars = make_chars();

// True when the [n] bytes at [p] are all ASCII; checks eight bytes at a time.
bool all_ascii(const char* p, size_t n) {
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    acc |= w;
  }
  for (; i < n; ++i) acc |= static_cast<unsigned char>(p[i]);
  return (acc & 0x8080808080808080ull) == 0;
}

// ---- hashing --------------------------------------------------------------------------------

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// A MurmurHash3-style hash of [n] bytes at [p], eight bytes per step, finished with fmix64.
uint64_t hash_bytes(const char* p, size_t n) {
  const uint64_t c1 = 0x87c37b91114253d5ull, c2 = 0x4cf5ad432745937full;
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t k;
    std::memcpy(&k, p + i, 8);
    k *= c1;
    k = rotl(k, 31);
    k *= c2;
    h ^= k;
    h = rotl(h, 27) * 5 + 0x52dce729;
  }
  if (i < n) {
    uint64_t k = 0;
    std::memcpy(&k, p + i, n - i);
    k *= c1;
    k = rotl(k, 31);
    k *= c2;
    h ^= k;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// ---- the intern table -------------------------------------------------------------------------

// Open addressing with linear probing over Str pointers; grows at half full. Interned strings
// are immortal, so the table never removes entries.
struct InternTable {
  std::vector<Str*> slots = std::vector<Str*>(1024, nullptr);
  size_t used = 0;
#if MINIPY_FREE_THREADED
  std::mutex lock;
#endif

  Str** find_slot(std::string_view s, int64_t h) {
    size_t mask = slots.size() - 1;
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      Str* e = slots[i];
      if (e == nullptr) return &slots[i];
      if (e->hash == h && e->view() == s) return &slots[i];
    }
  }

  void grow() {
    std::vector<Str*> old(slots.size() * 2, nullptr);
    old.swap(slots);
    size_t mask = slots.size() - 1;
    for (Str* e : old) {
      if (e == nullptr) continue;
      size_t i = static_cast<size_t>(e->hash) & mask;
      while (slots[i] != nullptr) i = (i + 1) & mask;
      slots[i] = e;
    }
  }
};

InternTable& intern_table() {
  static InternTable* t = new InternTable();
  return *t;
}

}  // namespace

// ---- construction -------------------------------------------------------------------------

namespace strimpl {

size_t count_code_points(const char* p, size_t n) { return utf8::length(std::string_view(p, n)); }

Str* empty() { return &g_empty.s; }

Str* alloc(size_t nbytes, size_t length) {
  if (nbytes == 0) return &g_empty.s;
  if (nbytes > kMaxBytes) raise_memory_error();
  Str* s = alloc_object<Str>(&str_type, nbytes + 1);
  s->hash = -1;
  s->length = static_cast<uint32_t>(length);
  s->nbytes = static_cast<uint32_t>(nbytes);
  s->ascii = length == nbytes;
  s->data()[nbytes] = 0;
  return s;
}

Str* from_known(const char* p, size_t nbytes, size_t length) {
  if (nbytes == 1) return &g_chars[static_cast<unsigned char>(p[0])].s;
  Str* s = alloc(nbytes, length);
  if (nbytes != 0) std::memcpy(s->data(), p, nbytes);
  return s;
}

Str* from_bytes(const char* p, size_t n, bool ascii) {
  return from_known(p, n, ascii ? n : count_code_points(p, n));
}

Str* from_char(uint32_t c) {
  if (c < 128) return &g_chars[c].s;
  char buf[4];
  size_t n = encode(c, buf);
  Str* s = alloc(n, 1);
  std::memcpy(s->data(), buf, n);
  return s;
}

size_t offset_of(Str* s, int64_t index) {
  if (s->ascii) return static_cast<size_t>(index);
  const char* p = s->data();
  size_t n = s->nbytes;
  if (index > static_cast<int64_t>(s->length) / 2) {
    // Nearer the end: walk backwards.
    int64_t back = static_cast<int64_t>(s->length) - index;
    size_t off = n;
    while (back > 0) {
      --off;
      if (!is_cont(static_cast<unsigned char>(p[off]))) --back;
    }
    return off;
  }
  size_t off = 0;
  while (index > 0) {
    ++off;
    while (off < n && is_cont(static_cast<unsigned char>(p[off]))) ++off;
    --index;
  }
  return off;
}

int64_t index_of_offset(Str* s, size_t off) {
  if (s->ascii) return static_cast<int64_t>(off);
  return static_cast<int64_t>(count_code_points(s->data(), off));
}

}  // namespace strimpl

using namespace strimpl;

Str* str_new(std::string_view utf8) {
  size_t n = utf8.size();
  if (n == 0) return &g_empty.s;
  const char* p = utf8.data();
  if (all_ascii(p, n)) return from_known(p, n, n);
  return from_known(p, n, count_code_points(p, n));
}

Value str_value(std::string_view utf8) { return Value::from_obj(str_new(utf8)); }

bool str_check(Value v) { return v.is_obj() && (v.as_obj()->type->flags & kTypeStrSubclass); }

int64_t str_hash_compute(Str* s) {
  int64_t h = static_cast<int64_t>(hash_bytes(s->data(), s->nbytes));
  if (h == -1) h = -2;
  cached_hash_store(s->hash, h);
  return h;
}

bool str_equal(Str* a, Str* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->interned && b->interned) return false;
  int64_t ha = cached_hash_load(a->hash), hb = cached_hash_load(b->hash);
  if (ha != -1 && hb != -1 && ha != hb) return false;
  return std::memcmp(a->data(), b->data(), a->nbytes) == 0;
}

Str* str_intern(std::string_view s) {
  if (s.empty()) return &g_empty.s;
  if (s.size() == 1 && static_cast<unsigned char>(s[0]) < 128) {
    return &g_chars[static_cast<unsigned char>(s[0])].s;
  }
  int64_t h = static_cast<int64_t>(hash_bytes(s.data(), s.size()));
  if (h == -1) h = -2;
  InternTable& t = intern_table();
#if MINIPY_FREE_THREADED
  std::lock_guard<std::mutex> guard(t.lock);
#endif
  Str** slot = t.find_slot(s, h);
  if (*slot != nullptr) return *slot;
  Str* r = str_new(s);
  r->hash = h;
  r->interned = 1;
  make_immortal(r);
  *slot = r;
  if (++t.used * 2 > t.slots.size()) t.grow();
  return r;
}

// ---- slots -----------------------------------------------------------------------------------

namespace {

// Strings own no references: give the memory back.
void str_dealloc(Object* o) { object_free(o); }

const char kHex[] = "0123456789abcdef";

// CPython's repr of a string: single quotes unless the text has ' and no ", escapes for
// backslash, the quote, \t \n \r, other control characters and non-printable code points.
Value str_repr(Value self) {
  Str* s = as_str(self);
  std::string_view v = s->view();
  bool has_single = v.find('\'') != std::string_view::npos;
  bool has_double = v.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.reserve(v.size() + 2);
  out.push_back(quote);
  size_t length = 2;
  const char* p = v.data();
  const char* end = p + v.size();
  while (p < end) {
    const char* start = p;
    uint32_t c = decode(p);
    if (c == static_cast<uint32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      length += 2;
    } else if (c == '\t') {
      out += "\\t";
      length += 2;
    } else if (c == '\n') {
      out += "\\n";
      length += 2;
    } else if (c == '\r') {
      out += "\\r";
      length += 2;
    } else if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      length += 1;
    } else if (c >= 0x80 && uni_isprintable(c)) {
      out.append(start, p - start);
      length += 1;
    } else if (c <= 0xFF) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
      length += 4;
    } else if (c <= 0xFFFF) {
      out += "\\u";
      for (int sh = 12; sh >= 0; sh -= 4) out.push_back(kHex[(c >> sh) & 15]);
      length += 6;
    } else {
      out += "\\U";
      for (int sh = 28; sh >= 0; sh -= 4) out.push_back(kHex[(c >> sh) & 15]);
      length += 10;
    }
  }
  out.push_back(quote);
  return Value::from_obj(from_known(out.data(), out.size(), length));
}

// str(s) is s itself for an exact str; a copy for instances of subclasses.
Value str_str(Value self) {
  Str* s = as_str(self);
  if (s->type == &str_type) {
    incref(s);
    return self;
  }
  return Value::from_obj(from_known(s->data(), s->nbytes, s->length));
}

int64_t str_hash_slot(Value self) { return str_hash(as_str(self)); }

// Compares bytewise, which for UTF-8 is code point order.
Value str_richcompare(Value a, Value b, CmpOp op) {
  if (!str_check(b) || !str_check(a)) return NotImplemented();
  Str* x = as_str(a);
  Str* y = as_str(b);
  if (op == CmpOp::Eq) return from_bool(str_equal(x, y));
  if (op == CmpOp::Ne) return from_bool(!str_equal(x, y));
  size_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
  int c = n == 0 ? 0 : std::memcmp(x->data(), y->data(), n);
  if (c == 0) c = x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes ? 1 : 0;
  switch (op) {
    case CmpOp::Lt: return from_bool(c < 0);
    case CmpOp::Le: return from_bool(c <= 0);
    case CmpOp::Gt: return from_bool(c > 0);
    case CmpOp::Ge: return from_bool(c >= 0);
    default: return NotImplemented();
  }
}

int64_t str_len(Value self) { return as_str(self)->length; }

// The substring of code points [start, stop) (already clamped).
Value substring(Str* s, int64_t start, int64_t stop) {
  if (start >= stop) return Value::from_obj(empty());
  if (start == 0 && stop == s->length && s->type == &str_type) {
    incref(s);
    return Value::from_obj(s);
  }
  if (s->ascii) return Value::from_obj(from_known(s->data() + start, stop - start, stop - start));
  size_t b0 = offset_of(s, start);
  const char* p = s->data() + b0;
  const char* q = p;
  for (int64_t i = start; i < stop; ++i) {
    ++q;
    while (is_cont(static_cast<unsigned char>(*q))) ++q;
  }
  return Value::from_obj(from_known(p, q - p, stop - start));
}

// s[key]: an int index (negative from the end) or a slice, with CPython's errors.
Value str_getitem(Value self, Value key) {
  Str* s = as_str(self);
  int64_t i;
  if (key.is_int()) {
    i = key.as_int();
  } else if (type_of(key) == &slice_type) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), s->length, &start, &stop, &step);
    if (step == 1) return substring(s, start, start + n);
    if (n <= 0) return Value::from_obj(empty());
    if (s->ascii) {
      Str* r = alloc(n, n);
      const char* src = s->data();
      char* dst = r->data();
      for (int64_t k = 0, j = start; k < n; ++k, j += step) dst[k] = src[j];
      if (n == 1) {
        Str* c = from_char(static_cast<unsigned char>(dst[0]));
        decref(r);
        return Value::from_obj(c);
      }
      return Value::from_obj(r);
    }
    // Non-ASCII: index the code points' offsets once, then copy the selected ones.
    std::vector<uint32_t> offs;
    offs.reserve(s->length + 1);
    const char* base = s->data();
    for (const char* p = base; p < base + s->nbytes;) {
      offs.push_back(static_cast<uint32_t>(p - base));
      ++p;
      while (is_cont(static_cast<unsigned char>(*p))) ++p;
    }
    offs.push_back(s->nbytes);
    size_t nbytes = 0;
    for (int64_t k = 0, j = start; k < n; ++k, j += step) nbytes += offs[j + 1] - offs[j];
    Str* r = alloc(nbytes, n);
    char* dst = r->data();
    for (int64_t k = 0, j = start; k < n; ++k, j += step) {
      size_t len = offs[j + 1] - offs[j];
      std::memcpy(dst, base + offs[j], len);
      dst += len;
    }
    return Value::from_obj(r);
  } else if (int_check(key)) {
    if (!int_to_i64(key, &i)) raise_msg(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
  } else {
    raise_fmt(&exc_TypeError, "string indices must be integers, not '{}'", type_name(key));
  }
  int64_t n = s->length;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_msg(&exc_IndexError, "string index out of range");
  if (s->ascii) return Value::from_obj(&g_chars[static_cast<unsigned char>(s->data()[i])].s);
  const char* p = s->data() + offset_of(s, i);
  return Value::from_obj(from_char(decode(p)));
}

int str_contains(Value self, Value item) {
  if (!str_check(item)) {
    raise_fmt(&exc_TypeError, "'in <string>' requires string as left operand, not {}", type_name(item));
  }
  Str* s = as_str(self);
  Str* sub = as_str(item);
  if (sub->nbytes == 0) return 1;
  return memmem(s->data(), s->nbytes, sub->data(), sub->nbytes) != nullptr;
}

// The concatenation of [a] and [b].
Value concat(Str* a, Str* b) {
  if (a->nbytes == 0 && b->type == &str_type) {
    incref(b);
    return Value::from_obj(b);
  }
  if (b->nbytes == 0 && a->type == &str_type) {
    incref(a);
    return Value::from_obj(a);
  }
  Str* r = alloc(size_t(a->nbytes) + b->nbytes, size_t(a->length) + b->length);
  std::memcpy(r->data(), a->data(), a->nbytes);
  std::memcpy(r->data() + a->nbytes, b->data(), b->nbytes);
  return Value::from_obj(r);
}

// [s] repeated [n] times.
Value repeat(Str* s, Value count) {
  int64_t n = count.is_int() ? count.as_int() : index_value(count);
  if (n <= 0 || s->nbytes == 0) return Value::from_obj(empty());
  if (n == 1 && s->type == &str_type) {
    incref(s);
    return Value::from_obj(s);
  }
  // CPython's order: a length in code points past the largest index first, then a size that
  // cannot be allocated.
  if (static_cast<uint64_t>(n) > uint64_t(INT64_MAX) / s->length) {
    raise_msg(&exc_OverflowError, "repeated string is too long");
  }
  if (static_cast<uint64_t>(n) > kMaxBytes / s->nbytes) raise_memory_error();
  size_t total = size_t(s->nbytes) * n;
  Str* r = alloc(total, size_t(s->length) * n);
  char* d = r->data();
  if (s->nbytes == 1) {
    std::memset(d, s->data()[0], total);
  } else {
    std::memcpy(d, s->data(), s->nbytes);
    size_t done = s->nbytes;
    while (done < total) {
      size_t chunk = done < total - done ? done : total - done;
      std::memcpy(d + done, d, chunk);
      done += chunk;
    }
  }
  return Value::from_obj(r);
}

// A user class on the other side may define the reflected method (__radd__, __rmul__).
bool defer_to(Value other) { return type_of(other)->flags & kTypeHeapType; }

// str + str, str * int, int * str and str % args. The slot serves both the normal and the
// reflected attempt, so either operand may be the str.
Value str_binop(Value a, Value b, BinOp op, bool) {
  switch (op) {
    case BinOp::Add:
      if (!str_check(a)) return NotImplemented();
      if (str_check(b)) return concat(as_str(a), as_str(b));
      if (defer_to(b)) return NotImplemented();
      raise_fmt(&exc_TypeError, "can only concatenate str (not \"{}\") to str", type_name(b));
    case BinOp::Mul: {
      Value s = str_check(a) ? a : b;
      Value n = str_check(a) ? b : a;
      if (int_check(n)) return repeat(as_str(s), n);
      if (defer_to(n)) return NotImplemented();
      raise_fmt(&exc_TypeError, "can't multiply sequence by non-int of type '{}'", type_name(n));
    }
    case BinOp::Mod:
      if (!str_check(a)) return NotImplemented();
      return percent_format(as_str(a), b);
    default:
      return NotImplemented();
  }
}

// str(object='') and str(object, encoding, errors); bytes are out of scope.
Value str_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[3];
  if (kwnames == nullptr && nargs <= 1) {
    out[0] = nargs == 1 ? args[0] : Value::null();
  } else {
    if (kwnames == nullptr && nargs > 3) {
      raise_fmt(&exc_TypeError, "str() takes at most 3 arguments ({} given)", nargs);
    }
    parse_args("str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, out);
    if (!out[1].is_null() && !str_check(out[1])) {
      raise_fmt(&exc_TypeError, "str() argument 'encoding' must be str, not {}", type_name(out[1]));
    }
    if (!out[2].is_null() && !str_check(out[2])) {
      raise_fmt(&exc_TypeError, "str() argument 'errors' must be str, not {}", type_name(out[2]));
    }
    if (!out[1].is_null() || !out[2].is_null()) {
      if (out[0].is_null()) return Value::from_obj(empty());
      if (str_check(out[0])) raise_msg(&exc_TypeError, "decoding str is not supported");
      raise_fmt(&exc_TypeError, "decoding to str: need a bytes-like object, {} found", type_name(out[0]));
    }
  }
  Value r = out[0].is_null() ? Value::from_obj(empty()) : rt::str(out[0]);
  if (type == &str_type) return r;
  // A subclass instance: a copy of the text with the subclass as its type.
  Ref text = Ref::steal(r);
  Str* t = as_str(r);
  size_t extra = type->basicsize > sizeof(Str) ? type->basicsize - sizeof(Str) : 0;
  Str* s = alloc_object<Str>(type, t->nbytes + 1 + extra);
  s->hash = -1;
  s->length = t->length;
  s->nbytes = t->nbytes;
  s->ascii = t->ascii;
  std::memcpy(s->data(), t->data(), t->nbytes + 1);
  incref(type);
  return Value::from_obj(s);
}

// ---- the iterator -------------------------------------------------------------------------------

struct StrIter : Object {
  Str* s;      // null once exhausted
  size_t pos;  // byte offset of the next code point
};

void str_iter_dealloc(Object* o) {
  StrIter* it = static_cast<StrIter*>(o);
  if (it->s != nullptr) decref(it->s);
  object_free(o);
}

Value str_iter_self(Value self) {
  incref(self);
  return self;
}

Value str_iter_next(Value self) {
  StrIter* it = self.as<StrIter>();
  Str* s = it->s;
  if (s == nullptr) return Value::null();
  if (it->pos >= s->nbytes) {
    it->s = nullptr;
    decref(s);
    return Value::null();
  }
  const char* p = s->data() + it->pos;
  unsigned char b = static_cast<unsigned char>(*p);
  if (b < 0x80) {
    it->pos++;
    return Value::from_obj(&g_chars[b].s);
  }
  uint32_t c = decode(p);
  it->pos = p - s->data();
  return Value::from_obj(from_char(c));
}

Value str_iter(Value self) {
  StrIter* it = alloc_object<StrIter>(&str_iterator_type);
  Str* s = as_str(self);
  incref(s);
  it->s = s;
  it->pos = 0;
  return Value::from_obj(it);
}

// ---- the type objects ----------------------------------------------------------------------------

constexpr Type make_str_type() {
  Type t{};
  init_static_immortal(t);
  t.type = &type_type;
  t.name = "str";
  t.base = &object_type;
  t.flags = kTypeBaseType | kTypeStrSubclass;
  t.basicsize = sizeof(Str);
  t.dealloc = str_dealloc;
  t.repr = str_repr;
  t.str = str_str;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.len = str_len;
  t.iter = str_iter;
  t.getitem = str_getitem;
  t.contains = str_contains;
  t.binop = str_binop;
  t.construct = str_construct;
  return t;
}

constexpr Type make_str_iterator_type() {
  Type t{};
  init_static_immortal(t);
  t.type = &type_type;
  t.name = "str_iterator";
  t.base = &object_type;
  t.basicsize = sizeof(StrIter);
  t.dealloc = str_iter_dealloc;
  t.iter = str_iter_self;
  t.next = str_iter_next;
  return t;
}

}  // namespace

// Statically initialised so strings work (hash, compare) before runtime_init readies them.
constinit Type str_type = make_str_type();
constinit Type str_iterator_type = make_str_iterator_type();

void init_str_type() {
  type_ready(&str_type);
  type_ready(&str_iterator_type);
  register_str_methods();
}

}  // namespace rt
