// The methods of str: searching (find, count, startswith...), splitting and joining,
// stripping, replacing, case mapping, the is* predicates and padding. Each builds its result
// directly into a Str of the right size where it can; ASCII strings take byte-wise paths.
#include <cstring>
#include <string>
#include <vector>

#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/format.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace rt {

using namespace strimpl;

namespace {

// ---- arguments ----------------------------------------------------------------------------
// [n] counts the arguments after self; [qual] is "str.find", [name] "find".

bool has_kw(Tuple* kwnames) { return kwnames != nullptr && kwnames->size != 0; }

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

// A method without arguments: "str.upper() takes no arguments (1 given)".
void no_args(const char* qual, size_t n, Tuple* kwnames) {
  if (has_kw(kwnames)) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", qual);
  if (n != 0) raise_fmt(&exc_TypeError, "{}() takes no arguments ({} given)", qual, n);
}

// A method of exactly one argument: "str.zfill() takes exactly one argument (0 given)".
void one_arg(const char* qual, size_t n, Tuple* kwnames) {
  if (has_kw(kwnames)) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", qual);
  if (n != 1) raise_fmt(&exc_TypeError, "{}() takes exactly one argument ({} given)", qual, n);
}

// Positional-only arguments, Argument Clinic style: "center expected at least 1 argument, got 0".
void clinic_args(const char* qual, const char* name, size_t n, Tuple* kwnames, size_t lo, size_t hi) {
  if (has_kw(kwnames)) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", qual);
  if (n < lo) raise_fmt(&exc_TypeError, "{} expected at least {} argument{}, got {}", name, lo, plural(lo), n);
  if (n > hi) raise_fmt(&exc_TypeError, "{} expected at most {} argument{}, got {}", name, hi, plural(hi), n);
}

// Positional-only arguments, old style: "find() takes at least 1 argument (0 given)".
void old_args(const char* qual, const char* name, size_t n, Tuple* kwnames, size_t lo, size_t hi) {
  if (has_kw(kwnames)) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", qual);
  if (n < lo) raise_fmt(&exc_TypeError, "{}() takes at least {} argument{} ({} given)", name, lo, plural(lo), n);
  if (n > hi) raise_fmt(&exc_TypeError, "{}() takes at most {} argument{} ({} given)", name, hi, plural(hi), n);
}

// Binds positional-or-keyword arguments [names] of [name] into [out] (null where absent).
void kw_args(const char* name, const Value* args, size_t n, Tuple* kwnames,
             std::initializer_list<const char*> names, Value* out) {
  if (n > names.size()) {
    raise_fmt(&exc_TypeError, "{}() takes at most {} argument{} ({} given)", name, names.size(),
              plural(names.size()), n + (kwnames ? kwnames->size : 0));
  }
  if (!has_kw(kwnames)) {
    for (size_t i = 0; i < names.size(); ++i) out[i] = i < n ? args[i] : Value::null();
    return;
  }
  parse_args(name, args, n, kwnames, names, 0, out);
}

// An int argument converted as CPython's argument clinic does for a Py_ssize_t ([c_int]
// false) or a C int ([c_int] true): TypeError if not an int, OverflowError "Python int too
// large to convert to C ssize_t" (or "C int") if it does not fit.
int64_t clinic_int(Value v, bool c_int) {
  if (v.is_int() && (!c_int || (v.as_int() >= INT32_MIN && v.as_int() <= INT32_MAX)))
    return v.as_int();
  if (!int_check(v))
    raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
  int64_t i;
  if (!int_to_i64(v, &i) || (c_int && (i < INT32_MIN || i > INT32_MAX)))
    raise_fmt(&exc_OverflowError, "Python int too large to convert to C {}",
              c_int ? "int" : "ssize_t");
  return i;
}

Str* self_str(const Value* args) { return as_str(args[0]); }

// A str argument, else TypeError "must be str, not int".
Str* need_str(Value v) {
  if (!str_check(v)) raise_fmt(&exc_TypeError, "must be str, not {}", type_name(v));
  return as_str(v);
}

Value ret(Str* s) { return Value::from_obj(s); }

// Returns [s] itself (a new reference) when it is an exact str, else a plain copy.
Value same(Str* s) {
  if (s->type == &str_type) {
    incref(s);
    return Value::from_obj(s);
  }
  return ret(from_known(s->data(), s->nbytes, s->length));
}

// A new list owning the references in [items].
Value make_list(std::vector<Value>& items) {
  List* l = list_new(items.size());
  for (size_t i = 0; i < items.size(); ++i) l->items[i] = items[i];
  items.clear();
  return Value::from_obj(l);
}

// Decrefs the values of a vector on unwinding (when building a list raises midway).
struct ValuesGuard {
  std::vector<Value>& v;
  ~ValuesGuard() {
    for (Value x : v) decref(x);
  }
};

// The piece [p, p+n) of [s] as a new string.
Value piece(Str* s, const char* p, size_t n) { return ret(from_bytes(p, n, s->ascii)); }

// A start/end argument of find, count, startswith...: None or an int, clamped to int64.
int64_t slice_arg(Value v, int64_t dflt) {
  if (v.is_null() || v == None()) return dflt;
  if (v.is_int()) return v.as_int();
  if (!int_check(v)) {
    raise_msg(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  int64_t i;
  if (int_to_i64(v, &i)) return i;
  return compare_bool(v, Value::from_int(0), CmpOp::Lt) ? INT64_MIN / 2 : INT64_MAX / 2;
}

// CPython's ADJUST_INDICES: clamps [start, end) to a string of [len] code points.
void adjust(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) {
    end = len;
  } else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

// Reads the optional start and end arguments at args[i], args[i+1] (given [n] in all).
void read_range(const Value* args, size_t n, size_t i, int64_t& start, int64_t& end) {
  start = n > i ? slice_arg(args[i], 0) : 0;
  end = n > i + 1 ? slice_arg(args[i + 1], INT64_MAX / 2) : INT64_MAX / 2;
}

// The last occurrence of [needle] in [hay], or nullptr.
const char* rsearch(const char* hay, size_t hn, const char* needle, size_t nn) {
  if (nn > hn) return nullptr;
  if (nn == 1) return static_cast<const char*>(memrchr(hay, needle[0], hn));
  for (const char* p = hay + (hn - nn);; --p) {
    if (*p == needle[0] && std::memcmp(p, needle, nn) == 0) return p;
    if (p == hay) return nullptr;
  }
}

// The first occurrence of [needle] in [hay], or nullptr.
const char* search(const char* hay, size_t hn, const char* needle, size_t nn) {
  if (nn == 1) return static_cast<const char*>(std::memchr(hay, needle[0], hn));
  return static_cast<const char*>(memmem(hay, hn, needle, nn));
}

// ---- find, index, count -----------------------------------------------------------------------

// The code point index of [sub] in s[start:end] (first or last occurrence), or -1.
int64_t find_impl(Str* s, Str* sub, int64_t start, int64_t end, bool last) {
  adjust(start, end, s->length);
  if (end - start < static_cast<int64_t>(sub->length)) return -1;
  if (sub->nbytes == 0) return last ? end : start;
  size_t b0 = offset_of(s, start);
  size_t b1 = end == s->length ? s->nbytes : offset_of(s, end);
  const char* base = s->data();
  const char* hit = last ? rsearch(base + b0, b1 - b0, sub->data(), sub->nbytes)
                         : search(base + b0, b1 - b0, sub->data(), sub->nbytes);
  if (hit == nullptr) return -1;
  if (s->ascii) return hit - base;
  return start + static_cast<int64_t>(count_code_points(base + b0, hit - (base + b0)));
}

// find/rfind/index/rindex(sub[, start[, end]]).
int64_t find_common(const char* qual, const char* name, const Value* args, size_t nargs,
                    Tuple* kwnames, bool last) {
  old_args(qual, name, nargs - 1, kwnames, 1, 3);
  Str* sub = need_str(args[1]);
  int64_t start, end;
  read_range(args + 1, nargs - 1, 1, start, end);
  return find_impl(self_str(args), sub, start, end, last);
}

Value str_find(const Value* args, size_t nargs, Tuple* kwnames) {
  return Value::from_int(find_common("str.find", "find", args, nargs, kwnames, false));
}

Value str_rfind(const Value* args, size_t nargs, Tuple* kwnames) {
  return Value::from_int(find_common("str.rfind", "rfind", args, nargs, kwnames, true));
}

Value str_index(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t i = find_common("str.index", "index", args, nargs, kwnames, false);
  if (i < 0) raise_msg(&exc_ValueError, "substring not found");
  return Value::from_int(i);
}

Value str_rindex(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t i = find_common("str.rindex", "rindex", args, nargs, kwnames, true);
  if (i < 0) raise_msg(&exc_ValueError, "substring not found");
  return Value::from_int(i);
}

// count(sub[, start[, end]]): non-overlapping occurrences.
Value str_count(const Value* args, size_t nargs, Tuple* kwnames) {
  old_args("str.count", "count", nargs - 1, kwnames, 1, 3);
  Str* s = self_str(args);
  Str* sub = need_str(args[1]);
  int64_t start, end;
  read_range(args + 1, nargs - 1, 1, start, end);
  adjust(start, end, s->length);
  if (end - start < static_cast<int64_t>(sub->length)) return Value::from_int(0);
  if (sub->nbytes == 0) return Value::from_int(end - start + 1);
  size_t b0 = offset_of(s, start);
  size_t b1 = end == s->length ? s->nbytes : offset_of(s, end);
  const char* p = s->data() + b0;
  const char* e = s->data() + b1;
  int64_t count = 0;
  while (p < e) {
    const char* hit = search(p, e - p, sub->data(), sub->nbytes);
    if (hit == nullptr) break;
    ++count;
    p = hit + sub->nbytes;
  }
  return Value::from_int(count);
}

// ---- startswith, endswith -----------------------------------------------------------------------

// Whether s[start:end] starts (or ends) with [sub], as CPython's tailmatch.
bool tailmatch(Str* s, Str* sub, int64_t start, int64_t end, bool at_end) {
  adjust(start, end, s->length);
  if (end - static_cast<int64_t>(sub->length) < start) return false;
  if (sub->nbytes == 0) return true;
  size_t b0 = start == 0 ? 0 : offset_of(s, start);
  size_t b1 = end == s->length ? s->nbytes : offset_of(s, end);
  if (b1 - b0 < sub->nbytes) return false;
  const char* p = at_end ? s->data() + b1 - sub->nbytes : s->data() + b0;
  return std::memcmp(p, sub->data(), sub->nbytes) == 0;
}

Value starts_ends(const char* qual, const char* name, const Value* args, size_t nargs,
                  Tuple* kwnames, bool at_end) {
  old_args(qual, name, nargs - 1, kwnames, 1, 3);
  Str* s = self_str(args);
  int64_t start, end;
  read_range(args + 1, nargs - 1, 1, start, end);
  Value prefix = args[1];
  if (str_check(prefix)) return from_bool(tailmatch(s, as_str(prefix), start, end, at_end));
  if (type_of(prefix) == &tuple_type || (type_of(prefix)->flags & kTypeTupleSubclass)) {
    Tuple* t = prefix.as<Tuple>();
    for (size_t i = 0; i < t->size; ++i) {
      Value item = t->item(i);
      if (!str_check(item)) {
        raise_fmt(&exc_TypeError, "tuple for {} must only contain str, not {}", name, type_name(item));
      }
      if (tailmatch(s, as_str(item), start, end, at_end)) return True();
    }
    return False();
  }
  raise_fmt(&exc_TypeError, "{} first arg must be str or a tuple of str, not {}", name, type_name(prefix));
}

Value str_startswith(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 2 && kwnames == nullptr && str_check(args[1])) {
    Str* s = self_str(args);
    Str* p = as_str(args[1]);
    return from_bool(p->nbytes <= s->nbytes && std::memcmp(s->data(), p->data(), p->nbytes) == 0);
  }
  return starts_ends("str.startswith", "startswith", args, nargs, kwnames, false);
}

Value str_endswith(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 2 && kwnames == nullptr && str_check(args[1])) {
    Str* s = self_str(args);
    Str* p = as_str(args[1]);
    return from_bool(p->nbytes <= s->nbytes &&
                     std::memcmp(s->data() + s->nbytes - p->nbytes, p->data(), p->nbytes) == 0);
  }
  return starts_ends("str.endswith", "endswith", args, nargs, kwnames, true);
}

// ---- split, rsplit, splitlines ----------------------------------------------------------------

// The whitespace test for the code point at byte [i] of [s]; sets [next] past it.
inline bool space_at(Str* s, size_t i, size_t& next) {
  const char* base = s->data();
  unsigned char b = static_cast<unsigned char>(base[i]);
  if (b < 0x80) {
    next = i + 1;
    return ascii_space(b);
  }
  const char* p = base + i;
  uint32_t c = decode(p);
  next = p - base;
  return uni_isspace(c);
}

// True if the code point ending at byte [i] (exclusive) is whitespace; sets [prev] to its start.
inline bool space_before(Str* s, size_t i, size_t& prev) {
  const char* base = s->data();
  unsigned char b = static_cast<unsigned char>(base[i - 1]);
  if (b < 0x80) {
    prev = i - 1;
    return ascii_space(b);
  }
  const char* p = base + i;
  uint32_t c = decode_back(p);
  prev = p - base;
  return uni_isspace(c);
}

// split() on runs of whitespace, at most [maxsplit] times (negative: no limit).
void split_whitespace(Str* s, int64_t maxsplit, std::vector<Value>& out) {
  size_t n = s->nbytes;
  const char* base = s->data();
  size_t i = 0, next;
  while (i < n) {
    while (i < n && space_at(s, i, next)) i = next;
    if (i == n) break;
    if (maxsplit == 0) {
      out.push_back(piece(s, base + i, n - i));
      break;
    }
    size_t j = i;
    while (j < n && !space_at(s, j, next)) j = next;
    if (i == 0 && j == n && s->type == &str_type) {
      incref(s);
      out.push_back(Value::from_obj(s));
    } else {
      out.push_back(piece(s, base + i, j - i));
    }
    if (maxsplit > 0) --maxsplit;
    i = j;
  }
}

// rsplit() on runs of whitespace, from the right; [out] ends up in reverse order.
void rsplit_whitespace(Str* s, int64_t maxsplit, std::vector<Value>& out) {
  const char* base = s->data();
  size_t i = s->nbytes, prev;
  while (i > 0) {
    while (i > 0 && space_before(s, i, prev)) i = prev;
    if (i == 0) break;
    if (maxsplit == 0) {
      out.push_back(piece(s, base, i));
      break;
    }
    size_t j = i;
    while (j > 0 && !space_before(s, j, prev)) j = prev;
    out.push_back(piece(s, base + j, i - j));
    if (maxsplit > 0) --maxsplit;
    i = j;
  }
}

// split(sep) on every occurrence of [sep] (non-empty), at most [maxsplit] times.
void split_sep(Str* s, Str* sep, int64_t maxsplit, std::vector<Value>& out) {
  const char* p = s->data();
  const char* e = p + s->nbytes;
  size_t sn = sep->nbytes;
  while (maxsplit != 0) {
    const char* hit = search(p, e - p, sep->data(), sn);
    if (hit == nullptr) break;
    out.push_back(piece(s, p, hit - p));
    p = hit + sn;
    if (maxsplit > 0) --maxsplit;
  }
  if (p == s->data() && s->type == &str_type) {
    incref(s);
    out.push_back(Value::from_obj(s));
    return;
  }
  out.push_back(piece(s, p, e - p));
}

// rsplit(sep) from the right; [out] ends up in reverse order.
void rsplit_sep(Str* s, Str* sep, int64_t maxsplit, std::vector<Value>& out) {
  const char* b = s->data();
  const char* e = b + s->nbytes;
  size_t sn = sep->nbytes;
  while (maxsplit != 0) {
    const char* hit = rsearch(b, e - b, sep->data(), sn);
    if (hit == nullptr) break;
    out.push_back(piece(s, hit + sn, e - (hit + sn)));
    e = hit;
    if (maxsplit > 0) --maxsplit;
  }
  out.push_back(piece(s, b, e - b));
}

// Shared by split and rsplit: sep=None, maxsplit=-1.
Value split_common(const char* name, const Value* args, size_t nargs, Tuple* kwnames, bool right) {
  Str* s = self_str(args);
  Value sep = Value::null(), maxv = Value::null();
  if (nargs == 1 && kwnames == nullptr) {
    // The common s.split(): no arguments to bind.
  } else {
    Value out[2];
    kw_args(name, args + 1, nargs - 1, kwnames, {"sep", "maxsplit"}, out);
    sep = out[0];
    maxv = out[1];
  }
  int64_t maxsplit = maxv.is_null() ? -1 : clinic_int(maxv, false);
  std::vector<Value> items;
  ValuesGuard guard{items};
  if (sep.is_null() || sep == None()) {
    if (right) {
      rsplit_whitespace(s, maxsplit, items);
    } else {
      split_whitespace(s, maxsplit, items);
    }
  } else {
    if (!str_check(sep)) raise_fmt(&exc_TypeError, "must be str or None, not {}", type_name(sep));
    Str* sp = as_str(sep);
    if (sp->nbytes == 0) raise_msg(&exc_ValueError, "empty separator");
    if (right) {
      rsplit_sep(s, sp, maxsplit, items);
    } else {
      split_sep(s, sp, maxsplit, items);
    }
  }
  if (right) {
    for (size_t i = 0, j = items.size(); i + 1 < j; ++i, --j) std::swap(items[i], items[j - 1]);
  }
  return make_list(items);
}

Value str_split(const Value* args, size_t nargs, Tuple* kwnames) {
  return split_common("split", args, nargs, kwnames, false);
}

Value str_rsplit(const Value* args, size_t nargs, Tuple* kwnames) {
  return split_common("rsplit", args, nargs, kwnames, true);
}

// splitlines(keepends=False): splits at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
Value str_splitlines(const Value* args, size_t nargs, Tuple* kwnames) {
  Str* s = self_str(args);
  Value kv;
  kw_args("splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, &kv);
  bool keepends = !kv.is_null() && clinic_int(kv, true) != 0;
  std::vector<Value> items;
  ValuesGuard guard{items};
  const char* base = s->data();
  size_t n = s->nbytes, i = 0;
  while (i < n) {
    size_t j = i, eol = n, next = n;
    while (j < n) {
      const char* p = base + j;
      uint32_t c = decode(p);
      if (uni_islinebreak(c)) {
        eol = j;
        next = p - base;
        if (c == '\r' && next < n && base[next] == '\n') ++next;
        break;
      }
      j = p - base;
    }
    if (j >= n) eol = next = n;
    size_t stop = keepends ? next : eol;
    if (i == 0 && stop == n && s->type == &str_type) {
      incref(s);
      items.push_back(Value::from_obj(s));
    } else {
      items.push_back(piece(s, base + i, stop - i));
    }
    i = next;
  }
  return make_list(items);
}

// ---- join ---------------------------------------------------------------------------------------

}  // namespace

// [sep].join of [n] values: checks that each is a str, then copies into one new string.
Value str_join(Str* sep, const Value* items, size_t n) {
  if (n == 0) return ret(empty());
  size_t nbytes = 0, length = 0;
  for (size_t i = 0; i < n; ++i) {
    Value v = items[i];
    if (!str_check(v)) {
      raise_fmt(&exc_TypeError, "sequence item {}: expected str instance, {} found", i, type_name(v));
    }
    nbytes += as_str(v)->nbytes;
    length += as_str(v)->length;
  }
  if (n == 1 && as_str(items[0])->type == &str_type) {
    incref(items[0]);
    return items[0];
  }
  nbytes += sep->nbytes * (n - 1);
  length += size_t(sep->length) * (n - 1);
  Str* r = alloc(nbytes, length);
  char* d = r->data();
  const char* sd = sep->data();
  size_t sn = sep->nbytes;
  for (size_t i = 0; i < n; ++i) {
    if (i != 0 && sn != 0) {
      if (sn == 1) {
        *d = *sd;
      } else {
        std::memcpy(d, sd, sn);
      }
      d += sn;
    }
    Str* x = as_str(items[i]);
    std::memcpy(d, x->data(), x->nbytes);
    d += x->nbytes;
  }
  return ret(r);
}

Value str_concat(const Value* items, size_t n) { return str_join(empty(), items, n); }

namespace {

Value str_join_method(const Value* args, size_t nargs, Tuple* kwnames) {
  one_arg("str.join", nargs - 1, kwnames);
  Str* sep = self_str(args);
  Value it = args[1];
  Type* t = type_of(it);
  if (t == &list_type) {
    List* l = it.as<List>();
    CriticalSection cs(l);  // another thread may be resizing l
    return str_join(sep, l->items, l->size);
  }
  if (t == &tuple_type) {
    Tuple* tu = it.as<Tuple>();
    return str_join(sep, tu->items(), tu->size);
  }
  if (t->iter == nullptr && t->getitem == nullptr) raise_msg(&exc_TypeError, "can only join an iterable");
  Ref iter = Ref::steal(get_iter(it));
  std::vector<Value> items;
  ValuesGuard guard{items};
  for (;;) {
    Value v = iter_next(iter.get());
    if (v.is_null()) break;
    items.push_back(v);
  }
  return str_join(sep, items.data(), items.size());
}

// ---- strip --------------------------------------------------------------------------------------

// strip/lstrip/rstrip([chars]): [left]/[right] say which ends to strip.
Value strip_common(const char* qual, const char* name, const Value* args, size_t nargs,
                   Tuple* kwnames, bool left, bool right) {
  clinic_args(qual, name, nargs - 1, kwnames, 0, 1);
  Str* s = self_str(args);
  const char* base = s->data();
  size_t i = 0, j = s->nbytes;
  Value chars = nargs > 1 ? args[1] : Value::null();
  if (chars.is_null() || chars == None()) {
    size_t next;
    if (left) {
      while (i < j && space_at(s, i, next)) i = next;
    }
    if (right) {
      while (j > i && space_before(s, j, next)) j = next;
    }
  } else {
    if (!str_check(chars)) raise_fmt(&exc_TypeError, "{} arg must be None or str", name);
    Str* cs = as_str(chars);
    if (s->ascii && cs->ascii) {
      bool table[128] = {};
      for (size_t k = 0; k < cs->nbytes; ++k) table[static_cast<unsigned char>(cs->data()[k])] = true;
      if (left) {
        while (i < j && table[static_cast<unsigned char>(base[i])]) ++i;
      }
      if (right) {
        while (j > i && table[static_cast<unsigned char>(base[j - 1])]) --j;
      }
    } else {
      std::vector<uint32_t> set;
      for (const char* p = cs->data(); p < cs->data() + cs->nbytes;) set.push_back(decode(p));
      auto member = [&](uint32_t c) {
        for (uint32_t x : set) {
          if (x == c) return true;
        }
        return false;
      };
      if (left) {
        while (i < j) {
          const char* p = base + i;
          if (!member(decode(p))) break;
          i = p - base;
        }
      }
      if (right) {
        while (j > i) {
          const char* p = base + j;
          if (!member(decode_back(p))) break;
          j = p - base;
        }
      }
    }
  }
  if (i == 0 && j == s->nbytes) return same(s);
  return piece(s, base + i, j - i);
}

Value str_strip(const Value* args, size_t nargs, Tuple* kwnames) {
  return strip_common("str.strip", "strip", args, nargs, kwnames, true, true);
}

Value str_lstrip(const Value* args, size_t nargs, Tuple* kwnames) {
  return strip_common("str.lstrip", "lstrip", args, nargs, kwnames, true, false);
}

Value str_rstrip(const Value* args, size_t nargs, Tuple* kwnames) {
  return strip_common("str.rstrip", "rstrip", args, nargs, kwnames, false, true);
}

// ---- replace ------------------------------------------------------------------------------------

// replace(old, new[, count]): sizes the result from the match positions, then copies once.
Value str_replace(const Value* args, size_t nargs, Tuple* kwnames) {
  clinic_args("str.replace", "replace", nargs - 1, kwnames, 2, 3);
  Str* s = self_str(args);
  if (!str_check(args[1])) raise_fmt(&exc_TypeError, "replace() argument 1 must be str, not {}", type_name(args[1]));
  if (!str_check(args[2])) raise_fmt(&exc_TypeError, "replace() argument 2 must be str, not {}", type_name(args[2]));
  Str* old = as_str(args[1]);
  Str* rep = as_str(args[2]);
  int64_t count = nargs > 3 ? clinic_int(args[3], false) : -1;
  if (count < 0) count = INT64_MAX;
  if (old->nbytes == 0) {
    // Insert [rep] before each code point and at the end, [count] times at most.
    int64_t k = std::min<int64_t>(count, int64_t(s->length) + 1);
    if (k == 0 || rep->nbytes == 0) return same(s);
    Str* r = alloc(s->nbytes + k * rep->nbytes, s->length + k * rep->length);
    char* d = r->data();
    const char* p = s->data();
    const char* e = p + s->nbytes;
    for (int64_t i = 0; i < k; ++i) {
      std::memcpy(d, rep->data(), rep->nbytes);
      d += rep->nbytes;
      if (p < e) {
        const char* q = p;
        decode(q);
        std::memcpy(d, p, q - p);
        d += q - p;
        p = q;
      }
    }
    std::memcpy(d, p, e - p);
    return ret(r);
  }
  // Two passes: count the matches to size the result, then copy around them.
  const char* base = s->data();
  const char* e = base + s->nbytes;
  size_t on = old->nbytes;
  int64_t k = 0;
  for (const char* p = base; k < count && p < e; ++k) {
    const char* hit = search(p, e - p, old->data(), on);
    if (hit == nullptr) break;
    p = hit + on;
  }
  if (k == 0) return same(s);
  Str* r = alloc(s->nbytes - k * on + k * rep->nbytes, s->length - k * old->length + k * rep->length);
  char* d = r->data();
  const char* p = base;
  for (int64_t i = 0; i < k; ++i) {
    const char* hit = search(p, e - p, old->data(), on);
    std::memcpy(d, p, hit - p);
    d += hit - p;
    std::memcpy(d, rep->data(), rep->nbytes);
    d += rep->nbytes;
    p = hit + on;
  }
  std::memcpy(d, p, e - p);
  return ret(r);
}

// ---- case mapping -------------------------------------------------------------------------------

// Applies [ascii_fn] byte-wise to an ASCII string, else [fn] per code point.
template <class AsciiFn, class Fn>
Value map_case(Str* s, AsciiFn ascii_fn, Fn fn) {
  if (s->ascii) {
    Str* r = alloc(s->nbytes, s->length);
    const char* src = s->data();
    char* d = r->data();
    ascii_fn(src, d, s->nbytes);
    if (s->nbytes == 1) {
      Str* c = from_char(static_cast<unsigned char>(d[0]));
      decref(r);
      return ret(c);
    }
    return ret(r);
  }
  std::string out;
  out.reserve(s->nbytes + 8);
  fn(out);
  return ret(from_bytes(out.data(), out.size(), false));
}

inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char upper_ascii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline bool cased_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Calls [f] on each code point of [s].
template <class F>
void each_cp(Str* s, F f) {
  const char* p = s->data();
  const char* e = p + s->nbytes;
  while (p < e) f(decode(p));
}

// Calls [f] on each code point of [s] and the position where it starts.
template <class F>
void each_cp_at(Str* s, F f) {
  const char* p = s->data();
  const char* e = p + s->nbytes;
  while (p < e) {
    const char* at = p;
    f(decode(p), at);
  }
}

// append_lower of the code point [c] at [at] in [s], with the final-sigma rule.
void lower_in(std::string& out, Str* s, const char* at, uint32_t c) {
  append_lower_in(out, s->data(), at, s->data() + s->nbytes, c);
}

Value str_upper(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.upper", nargs - 1, kwnames);
  Str* s = self_str(args);
  return map_case(
      s, [](const char* a, char* d, size_t n) { for (size_t i = 0; i < n; ++i) d[i] = upper_ascii(a[i]); },
      [&](std::string& out) { each_cp(s, [&](uint32_t c) { append_upper(out, c); }); });
}

Value str_lower(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.lower", nargs - 1, kwnames);
  Str* s = self_str(args);
  return map_case(
      s,
      [](const char* a, char* d, size_t n) {
        for (size_t i = 0; i < n; ++i) d[i] = lower_ascii(a[i]);
      },
      [&](std::string& out) {
        each_cp_at(s, [&](uint32_t c, const char* at) { lower_in(out, s, at, c); });
      });
}

Value str_casefold(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.casefold", nargs - 1, kwnames);
  Str* s = self_str(args);
  return map_case(
      s, [](const char* a, char* d, size_t n) { for (size_t i = 0; i < n; ++i) d[i] = lower_ascii(a[i]); },
      [&](std::string& out) { each_cp(s, [&](uint32_t c) { append_casefold(out, c); }); });
}

Value str_swapcase(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.swapcase", nargs - 1, kwnames);
  Str* s = self_str(args);
  return map_case(
      s,
      [](const char* a, char* d, size_t n) {
        for (size_t i = 0; i < n; ++i)
          d[i] = cased_ascii(a[i]) ? static_cast<char>(a[i] ^ 0x20) : a[i];
      },
      [&](std::string& out) {
        each_cp_at(s, [&](uint32_t c, const char* at) {
          if (uni_isupper(c)) {
            lower_in(out, s, at, c);
          } else if (uni_islower(c)) {
            append_upper(out, c);
          } else {
            append_cp(out, c);
          }
        });
      });
}

// title(): the first cased character of each run is title-cased, the others lowercased.
Value str_title(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.title", nargs - 1, kwnames);
  Str* s = self_str(args);
  return map_case(
      s,
      [](const char* a, char* d, size_t n) {
        bool prev_cased = false;
        for (size_t i = 0; i < n; ++i) {
          d[i] = prev_cased ? lower_ascii(a[i]) : upper_ascii(a[i]);
          prev_cased = cased_ascii(a[i]);
        }
      },
      [&](std::string& out) {
        bool prev_cased = false;
        each_cp_at(s, [&](uint32_t c, const char* at) {
          if (prev_cased) {
            lower_in(out, s, at, c);
          } else {
            append_title(out, c);
          }
          prev_cased = uni_iscased(c);
        });
      });
}

// capitalize(): the first character title-cased, the rest lowercased.
Value str_capitalize(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.capitalize", nargs - 1, kwnames);
  Str* s = self_str(args);
  return map_case(
      s,
      [](const char* a, char* d, size_t n) {
        for (size_t i = 0; i < n; ++i) d[i] = i == 0 ? upper_ascii(a[i]) : lower_ascii(a[i]);
      },
      [&](std::string& out) {
        bool first = true;
        each_cp_at(s, [&](uint32_t c, const char* at) {
          if (first) {
            append_title(out, c);
          } else {
            lower_in(out, s, at, c);
          }
          first = false;
        });
      });
}

// ---- predicates ---------------------------------------------------------------------------------

// True if [s] is non-empty and every code point satisfies [pred].
template <class Pred>
bool all_cps(Str* s, Pred pred) {
  if (s->nbytes == 0) return false;
  const char* p = s->data();
  const char* e = p + s->nbytes;
  while (p < e) {
    if (!pred(decode(p))) return false;
  }
  return true;
}

#define MINIPY_STR_PREDICATE(NAME, PRED)                                 \
  Value str_##NAME(const Value* args, size_t nargs, Tuple* kwnames) {    \
    no_args("str." #NAME, nargs - 1, kwnames);                           \
    return from_bool(all_cps(self_str(args), PRED));                     \
  }

MINIPY_STR_PREDICATE(isdigit, uni_isdigit)
MINIPY_STR_PREDICATE(isdecimal, uni_isdecimal)
MINIPY_STR_PREDICATE(isnumeric, uni_isnumeric)
MINIPY_STR_PREDICATE(isalpha, uni_isalpha)
MINIPY_STR_PREDICATE(isalnum, uni_isalnum)
MINIPY_STR_PREDICATE(isspace, uni_isspace)
#undef MINIPY_STR_PREDICATE

Value str_isascii(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.isascii", nargs - 1, kwnames);
  return from_bool(self_str(args)->ascii);
}

Value str_isprintable(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.isprintable", nargs - 1, kwnames);
  Str* s = self_str(args);
  return from_bool(s->nbytes == 0 || all_cps(s, uni_isprintable));
}

// isupper(): some cased character and no lowercase or titlecase ones ([upper] false: islower).
bool cased_check(Str* s, bool upper) {
  bool cased = false;
  const char* p = s->data();
  const char* e = p + s->nbytes;
  while (p < e) {
    uint32_t c = decode(p);
    bool up = uni_isupper(c), lo = uni_islower(c);
    if (uni_istitle(c) || (upper ? lo : up)) return false;
    if (upper ? up : lo) cased = true;
  }
  return cased;
}

Value str_isupper(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.isupper", nargs - 1, kwnames);
  return from_bool(cased_check(self_str(args), true));
}

Value str_islower(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.islower", nargs - 1, kwnames);
  return from_bool(cased_check(self_str(args), false));
}

Value str_istitle(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.istitle", nargs - 1, kwnames);
  Str* s = self_str(args);
  bool cased = false, prev_cased = false;
  const char* p = s->data();
  const char* e = p + s->nbytes;
  while (p < e) {
    uint32_t c = decode(p);
    if (uni_isupper(c) || uni_istitle(c)) {
      if (prev_cased) return False();
      prev_cased = cased = true;
    } else if (uni_islower(c)) {
      if (!prev_cased) return False();
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return from_bool(cased);
}

Value str_isidentifier(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("str.isidentifier", nargs - 1, kwnames);
  Str* s = self_str(args);
  if (s->nbytes == 0) return False();
  const char* p = s->data();
  const char* e = p + s->nbytes;
  uint32_t c = decode(p);
  if (c != '_' && !uni_isxidstart(c)) return False();
  while (p < e) {
    if (!uni_isxidcontinue(decode(p))) return False();
  }
  return True();
}

// ---- padding ------------------------------------------------------------------------------------

// [s] with [left] and [right] copies of the fill character [fill] (one code point) around it.
Value pad(Str* s, int64_t left, int64_t right, Str* fill) {
  if (left <= 0 && right <= 0) return same(s);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  size_t fb = fill->nbytes;
  Str* r = alloc(s->nbytes + (left + right) * fb, s->length + left + right);
  char* d = r->data();
  auto put = [&](int64_t k) {
    if (fb == 1) {
      std::memset(d, fill->data()[0], k);
      d += k;
    } else {
      for (int64_t i = 0; i < k; ++i, d += fb) std::memcpy(d, fill->data(), fb);
    }
  };
  put(left);
  std::memcpy(d, s->data(), s->nbytes);
  d += s->nbytes;
  put(right);
  return ret(r);
}

// The width and fill character of ljust/rjust/center(width[, fillchar]).
Str* pad_args(const char* qual, const char* name, const Value* args, size_t nargs, Tuple* kwnames,
              int64_t& width) {
  clinic_args(qual, name, nargs - 1, kwnames, 1, 2);
  width = clinic_int(args[1], false);
  if (nargs < 3) return from_char(' ');
  Value f = args[2];
  if (!str_check(f)) {
    raise_fmt(&exc_TypeError, "The fill character must be a unicode character, not {}", type_name(f));
  }
  if (as_str(f)->length != 1) raise_msg(&exc_TypeError, "The fill character must be exactly one character long");
  return as_str(f);
}

Value str_ljust(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t width;
  Str* fill = pad_args("str.ljust", "ljust", args, nargs, kwnames, width);
  Str* s = self_str(args);
  return pad(s, 0, width - int64_t(s->length), fill);
}

Value str_rjust(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t width;
  Str* fill = pad_args("str.rjust", "rjust", args, nargs, kwnames, width);
  Str* s = self_str(args);
  return pad(s, width - int64_t(s->length), 0, fill);
}

Value str_center(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t width;
  Str* fill = pad_args("str.center", "center", args, nargs, kwnames, width);
  Str* s = self_str(args);
  int64_t marg = width - int64_t(s->length);
  if (marg <= 0) return same(s);
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(s, left, marg - left, fill);
}

// zfill(width): pads with zeros on the left, after a leading sign.
Value str_zfill(const Value* args, size_t nargs, Tuple* kwnames) {
  one_arg("str.zfill", nargs - 1, kwnames);
  Str* s = self_str(args);
  int64_t width = clinic_int(args[1], false);
  int64_t fill = width - int64_t(s->length);
  if (fill <= 0) return same(s);
  Str* r = alloc(s->nbytes + fill, s->length + fill);
  char* d = r->data();
  std::memset(d, '0', fill);
  std::memcpy(d + fill, s->data(), s->nbytes);
  if (s->nbytes > 0 && (d[fill] == '+' || d[fill] == '-')) {
    d[0] = d[fill];
    d[fill] = '0';
  }
  return ret(r);
}

// expandtabs(tabsize=8): tabs to spaces up to the next multiple of tabsize.
Value str_expandtabs(const Value* args, size_t nargs, Tuple* kwnames) {
  Value tv;
  kw_args("expandtabs", args + 1, nargs - 1, kwnames, {"tabsize"}, &tv);
  int64_t tabsize = tv.is_null() ? 8 : clinic_int(tv, true);
  Str* s = self_str(args);
  if (std::memchr(s->data(), '\t', s->nbytes) == nullptr) return same(s);
  std::string out;
  size_t col = 0, length = 0;
  const char* p = s->data();
  const char* e = p + s->nbytes;
  while (p < e) {
    const char* start = p;
    uint32_t c = decode(p);
    if (c == '\t') {
      if (tabsize > 0) {
        size_t incr = tabsize - (col % tabsize);
        out.append(incr, ' ');
        col += incr;
        length += incr;
      }
    } else {
      out.append(start, p - start);
      ++length;
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return ret(from_known(out.data(), out.size(), length));
}

// ---- partition, removeprefix, format --------------------------------------------------------------

// A new 3-tuple owning [a], [b], [c].
Value triple(Value a, Value b, Value c) {
  Tuple* t = tuple_new(3);
  t->items()[0] = a;
  t->items()[1] = b;
  t->items()[2] = c;
  return Value::from_obj(t);
}

Value partition_common(const char* qual, const Value* args, size_t nargs, Tuple* kwnames, bool last) {
  one_arg(qual, nargs - 1, kwnames);
  Str* s = self_str(args);
  Str* sep = need_str(args[1]);
  if (sep->nbytes == 0) raise_msg(&exc_ValueError, "empty separator");
  const char* base = s->data();
  const char* hit = last ? rsearch(base, s->nbytes, sep->data(), sep->nbytes)
                         : search(base, s->nbytes, sep->data(), sep->nbytes);
  if (hit == nullptr) {
    if (last) return triple(ret(empty()), ret(empty()), same(s));
    return triple(same(s), ret(empty()), ret(empty()));
  }
  const char* after = hit + sep->nbytes;
  Ref a = Ref::steal(piece(s, base, hit - base));
  Value b = same(sep);
  return triple(a.release(), b, piece(s, after, base + s->nbytes - after));
}

Value str_partition(const Value* args, size_t nargs, Tuple* kwnames) {
  return partition_common("str.partition", args, nargs, kwnames, false);
}

Value str_rpartition(const Value* args, size_t nargs, Tuple* kwnames) {
  return partition_common("str.rpartition", args, nargs, kwnames, true);
}

Value remove_affix(const char* qual, const char* name, const Value* args, size_t nargs,
                   Tuple* kwnames, bool suffix) {
  one_arg(qual, nargs - 1, kwnames);
  Str* s = self_str(args);
  if (!str_check(args[1])) raise_fmt(&exc_TypeError, "{}() argument must be str, not {}", name, type_name(args[1]));
  Str* a = as_str(args[1]);
  if (a->nbytes == 0 || a->nbytes > s->nbytes) return same(s);
  const char* p = suffix ? s->data() + s->nbytes - a->nbytes : s->data();
  if (std::memcmp(p, a->data(), a->nbytes) != 0) return same(s);
  size_t rest = s->nbytes - a->nbytes;
  return ret(from_known(suffix ? s->data() : s->data() + a->nbytes, rest, s->length - a->length));
}

Value str_removeprefix(const Value* args, size_t nargs, Tuple* kwnames) {
  return remove_affix("str.removeprefix", "removeprefix", args, nargs, kwnames, false);
}

Value str_removesuffix(const Value* args, size_t nargs, Tuple* kwnames) {
  return remove_affix("str.removesuffix", "removesuffix", args, nargs, kwnames, true);
}

Value str_format_method(const Value* args, size_t nargs, Tuple* kwnames) {
  return str_format(args, nargs, kwnames);
}

}  // namespace

void register_str_methods() {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry kMethods[] = {
      {"split", str_split}, {"rsplit", str_rsplit}, {"splitlines", str_splitlines},
      {"join", str_join_method}, {"strip", str_strip}, {"lstrip", str_lstrip}, {"rstrip", str_rstrip},
      {"replace", str_replace}, {"find", str_find}, {"rfind", str_rfind}, {"index", str_index},
      {"rindex", str_rindex}, {"count", str_count}, {"startswith", str_startswith},
      {"endswith", str_endswith}, {"upper", str_upper}, {"lower", str_lower},
      {"title", str_title}, {"capitalize", str_capitalize}, {"swapcase", str_swapcase},
      {"casefold", str_casefold}, {"isdigit", str_isdigit}, {"isdecimal", str_isdecimal},
      {"isnumeric", str_isnumeric}, {"isalpha", str_isalpha}, {"isalnum", str_isalnum},
      {"isspace", str_isspace}, {"isupper", str_isupper}, {"islower", str_islower},
      {"istitle", str_istitle}, {"isidentifier", str_isidentifier}, {"isascii", str_isascii},
      {"isprintable", str_isprintable}, {"zfill", str_zfill}, {"ljust", str_ljust},
      {"rjust", str_rjust}, {"center", str_center}, {"partition", str_partition},
      {"rpartition", str_rpartition}, {"expandtabs", str_expandtabs},
      {"format", str_format_method}, {"removeprefix", str_removeprefix},
      {"removesuffix", str_removesuffix},
  };
  for (const Entry& e : kMethods) type_add_method(&str_type, e.name, e.fn);
}

}  // namespace rt
