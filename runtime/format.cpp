// The format-spec mini-language (format(), f-strings), str.format's field syntax and the %
// operator, with CPython 3.11's layout rules and error messages. Numbers are rendered by
// int_digits and format_double (runtime/float.cpp); this file does signs, padding and grouping.
#include "runtime/format.h"

#include <cmath>
#include <string>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"
#include "runtime/utf8.h"

namespace rt {

namespace {

// A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
struct Spec {
  std::string fill = " ";
  bool fill_given = false;
  char align = 0;
  char sign = 0;
  bool z = false;
  bool alt = false;
  int64_t width = -1;
  char grouping = 0;
  int64_t precision = -1;
  char type = 0;
};

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Reads a decimal number at [i]; -1 if there is none.
int64_t read_number(std::string_view s, size_t& i) {
  int64_t n = -1;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (n < 0) n = 0;
    if (n > (INT64_MAX - 9) / 10) raise_msg(&exc_ValueError, "Too many decimal digits in format string");
    n = n * 10 + (s[i++] - '0');
  }
  return n;
}

// Parses [spec] as CPython's parse_internal_render_format_spec for a value of [tname] whose
// default presentation type is [default_type] and default alignment [default_align] ('<' for
// strings, '>' for numbers: a '0' before the width means '=' alignment only for numbers).
Spec parse_spec(std::string_view s, const char* tname, char default_type, char default_align) {
  Spec sp;
  size_t i = 0;
  size_t first = s.empty() ? 0 : utf8::seq_len(s[0]);
  if (s.size() > first && is_align(s[first])) {
    sp.fill.assign(s.data(), first);
    sp.fill_given = true;
    sp.align = s[first];
    i = first + 1;
  } else if (!s.empty() && is_align(s[0])) {
    sp.align = s[0];
    i = 1;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
  if (i < s.size() && s[i] == 'z') {
    sp.z = true;
    i++;
  }
  if (i < s.size() && s[i] == '#') {
    sp.alt = true;
    i++;
  }
  if (!sp.fill_given && i < s.size() && s[i] == '0') {
    sp.fill = "0";
    if (!sp.align && default_align == '>') sp.align = '=';
    i++;
  }
  sp.width = read_number(s, i);
  if (i < s.size() && s[i] == ',') {
    sp.grouping = ',';
    i++;
  }
  if (i < s.size() && s[i] == '_') {
    if (sp.grouping) raise_msg(&exc_ValueError, "Cannot specify both ',' and '_'.");
    sp.grouping = '_';
    i++;
  }
  if (i < s.size() && s[i] == ',' && sp.grouping == '_') raise_msg(&exc_ValueError, "Cannot specify both ',' and '_'.");
  if (i < s.size() && s[i] == '.') {
    i++;
    sp.precision = read_number(s, i);
    if (sp.precision < 0) raise_msg(&exc_ValueError, "Format specifier missing precision");
  }
  if (s.size() - i > 1 || (i < s.size() && utf8::seq_len(s[i]) > 1))
    raise_fmt(&exc_ValueError, "Invalid format specifier '{}' for object of type '{}'", s, tname);
  sp.type = i < s.size() ? s[i] : default_type;
  if (sp.grouping) {
    const char* ok = sp.grouping == ',' ? "deEfFgG%" : "deEfFgG%boxX";
    if (sp.type == 0 || std::string_view(ok).find(sp.type) == std::string_view::npos) {
      if (sp.type != 0) raise_fmt(&exc_ValueError, "Cannot specify '{}' with '{}'.", sp.grouping, sp.type);
    }
  }
  return sp;
}

[[noreturn]] void unknown_code(char type, const char* tname) {
  if (type > 32 && type < 127) raise_fmt(&exc_ValueError, "Unknown format code '{}' for object of type '{}'", type, tname);
  raise_fmt(&exc_ValueError, "Unknown format code '\\x{:x}' for object of type '{}'", unsigned(uint8_t(type)), tname);
}

// Raises MemoryError, before anything is allocated, if [count] characters of [char_bytes]
// bytes each are more than a str can hold (a width or precision of 1099511627776: CPython's
// allocation fails).
void check_str_room(int64_t count, size_t char_bytes) {
  if (count > 0 && uint64_t(count) > strimpl::kMaxBytes / char_bytes) raise_memory_error();
}

// Pads [body] (of [len] code points) to the spec's width with its fill and alignment
// ([default_align] when none was given).
std::string pad(const std::string& body, size_t len, const Spec& sp, char default_align) {
  if (sp.width <= int64_t(len)) return body;
  check_str_room(sp.width, sp.fill.size());
  size_t total = size_t(sp.width) - len;
  char align = sp.align ? sp.align : default_align;
  size_t left = align == '>' ? total : align == '^' ? total / 2 : 0;
  size_t right = total - left;
  std::string out;
  out.reserve(body.size() + total * sp.fill.size());
  for (size_t k = 0; k < left; k++) out += sp.fill;
  out += body;
  for (size_t k = 0; k < right; k++) out += sp.fill;
  return out;
}

// Groups [digits] from the right in groups of [size] with [sep], padding with zeros to at
// least [min_width] characters (never starting with a separator), as CPython's
// _PyUnicode_InsertThousandsGrouping.
std::string group_digits(std::string_view digits, int size, char sep, int64_t min_width) {
  std::string rev;
  int64_t remaining = int64_t(digits.size());
  size_t pos = digits.size();
  bool use_sep = false;
  while (true) {
    int64_t l = std::min<int64_t>(size, std::max<int64_t>(std::max(remaining, min_width), 1));
    int64_t zeros = std::max<int64_t>(0, l - remaining);
    int64_t chars = std::max<int64_t>(0, std::min(remaining, l));
    if (use_sep) rev += sep;
    for (int64_t k = 0; k < chars; k++) rev += digits[--pos];
    rev.append(size_t(zeros), '0');
    remaining -= chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
    use_sep = true;
  }
  return std::string(rev.rbegin(), rev.rend());
}

// Lays out a number: [sign] [prefix] [digits, grouped] [rest], padded as the spec says.
std::string layout_number(char sign, std::string_view prefix, std::string_view digits, std::string_view rest,
                          const Spec& sp, int group_size) {
  check_str_room(sp.width, sp.fill.size());
  std::string head;
  if (sign) head += sign;
  head += prefix;
  std::string body;
  bool zero_fill = sp.align == '=' && sp.fill == "0";
  if (sp.grouping && group_size > 0 && !digits.empty()) {
    int64_t min_width = 0;
    if (zero_fill && sp.width > 0) min_width = sp.width - int64_t(head.size() + rest.size());
    body = group_digits(digits, group_size, sp.grouping, min_width);
  } else {
    body = digits;
  }
  body += rest;
  size_t len = head.size() + body.size();
  if (sp.align == '=' && sp.width > int64_t(len)) {
    std::string out = head;
    for (int64_t k = 0; k < sp.width - int64_t(len); k++) out += sp.fill;
    return out + body;
  }
  return pad(head + body, len, sp, '>');
}

char sign_char(bool negative, char sign) {
  if (negative) return '-';
  if (sign == '+') return '+';
  if (sign == ' ') return ' ';
  return 0;
}

std::string format_float_spec(double d, const Spec& sp, const char* tname);

// format() of an int-like value.
std::string format_int_spec(Value v, const Spec& sp, const char* tname) {
  char type = sp.type;
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_spec(float_from_value(v), sp, tname);
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    default:
      unknown_code(type, tname);
  }
  if (sp.precision >= 0) raise_msg(&exc_ValueError, "Precision not allowed in integer format specifier");
  if (sp.z) raise_msg(&exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'c') {
    if (sp.sign) raise_msg(&exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (sp.alt) raise_msg(&exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_to_i64(v, &cp)) raise_msg(&exc_OverflowError, "Python int too large to convert to C long");
    if (cp < 0 || cp > 0x10FFFF) raise_msg(&exc_OverflowError, "%c arg not in range(0x110000)");
    std::string s;
    utf8::append_cp(s, uint32_t(cp));
    // Laid out as a number with no sign: right-aligned, and '=' pads on the left.
    Spec right = sp;
    if (right.align == '=') right.align = '>';
    return pad(s, 1, right, '>');
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string digits = int_digits(v, base);
  bool negative = digits[0] == '-';
  std::string_view mag(digits);
  if (negative) mag.remove_prefix(1);
  std::string upper;
  if (type == 'X') {
    upper.assign(mag);
    for (char& c : upper) c = char(std::toupper(uint8_t(c)));
    mag = upper;
  }
  std::string prefix;
  if (sp.alt && base != 10) {
    prefix = "0";
    prefix += type == 'b' ? 'b' : type == 'o' ? 'o' : type == 'X' ? 'X' : 'x';
  }
  int group = type == 'n' ? 0 : base == 10 ? 3 : 4;
  return layout_number(sign_char(negative, sp.sign), prefix, mag, "", sp, group);
}

// format() of a float (also ints formatted with a float presentation type).
std::string format_float_spec(double d, const Spec& sp, const char* tname) {
  char type = sp.type;
  int64_t prec = sp.precision;
  unsigned flags = sp.alt ? unsigned(kFmtAlt) : 0u;
  bool percent = false;
  switch (type) {
    case 0:
      flags |= kFmtAddDot0;
      type = prec < 0 ? 'r' : 'g';
      break;
    case 'n': type = 'g'; break;
    case '%':
      type = 'f';
      percent = true;
      d *= 100.0;
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': break;
    default: unknown_code(type, tname);
  }
  if (prec < 0) prec = 6;
  if (prec > 1000000) raise_msg(&exc_ValueError, "precision too big");
  std::string s = format_double(d, type, int(prec), flags);
  bool negative = !s.empty() && s[0] == '-';
  std::string_view body(s);
  if (negative) body.remove_prefix(1);
  if (negative && sp.z) {
    // Negative zero coercion: a result that rounded to zero loses its sign.
    bool all_zero = true;
    for (char c : body) {
      if (c == 'e' || c == 'E') break;
      if (c >= '1' && c <= '9') all_zero = false;
    }
    if (all_zero && std::isfinite(d)) negative = false;
  }
  size_t int_end = 0;
  while (int_end < body.size() && body[int_end] >= '0' && body[int_end] <= '9') int_end++;
  std::string rest(body.substr(int_end));
  if (percent) rest += '%';
  return layout_number(sign_char(negative, sp.sign), "", body.substr(0, int_end), rest, sp, 3);
}

// format() of a str.
std::string format_str_spec(std::string_view s, size_t len, const Spec& sp, const char* tname) {
  if (sp.type != 's') unknown_code(sp.type, tname);
  if (sp.sign == ' ') raise_msg(&exc_ValueError, "Space not allowed in string format specifier");
  if (sp.sign) raise_msg(&exc_ValueError, "Sign not allowed in string format specifier");
  if (sp.z) raise_msg(&exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (sp.alt) raise_msg(&exc_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (sp.align == '=') raise_msg(&exc_ValueError, "'=' alignment not allowed in string format specifier");
  std::string body(s);
  if (sp.precision >= 0 && size_t(sp.precision) < len) {
    size_t cut = 0;
    for (int64_t k = 0; k < sp.precision; k++) cut += utf8::seq_len(body[cut]);
    body.resize(cut);
    len = size_t(sp.precision);
  }
  return pad(body, len, sp, '<');
}

// CPython's ascii(): repr with non-ASCII code points escaped.
std::string ascii_of(Value v) {
  std::string r = repr_string(v);
  std::string out;
  for (size_t i = 0; i < r.size();) {
    uint8_t b = uint8_t(r[i]);
    if (b < 0x80) {
      out += char(b);
      i++;
      continue;
    }
    size_t n = utf8::seq_len(char(b));
    uint32_t cp = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n && i + k < r.size(); k++) cp = (cp << 6) | (uint8_t(r[i + k]) & 0x3F);
    i += n;
    if (cp < 0x100)
      out += fmt::format("\\x{:02x}", cp);
    else if (cp < 0x10000)
      out += fmt::format("\\u{:04x}", cp);
    else
      out += fmt::format("\\U{:08x}", cp);
  }
  return out;
}

}  // namespace

Value format_value(Value v, std::string_view spec) {
  if (spec.empty()) {
    if (v.is_int()) return int_repr(v);
    if (v.is_double()) return str_value(float_repr(v.as_double()));
    if (v.is_obj() && v.as_obj()->type == &str_type) {
      incref(v);
      return v;
    }
  }
  Type* t = type_of(v);
  if (v.is_double())
    return str_value(format_float_spec(v.as_double(), parse_spec(spec, "float", 0, '>'), "float"));
  if (is_bool(v)) {
    Spec sp = parse_spec(spec, "bool", 0, '>');
    if (sp.type == 0) {
      if (spec.empty()) return repr(v);
      sp.type = 'd';
    }
    return str_value(format_int_spec(v, sp, "bool"));
  }
  if (int_check(v) && (t == &int_type || !(t->flags & kTypeHeapType))) {
    Spec sp = parse_spec(spec, t->name, 'd', '>');
    return str_value(format_int_spec(v, sp, t->name));
  }
  if (str_check(v) && !(t->flags & kTypeHeapType)) {
    Str* s = as_str(v);
    Spec sp = parse_spec(spec, t->name, 's', '<');
    return str_value(format_str_spec(s->view(), s->length, sp, t->name));
  }
  // A user class's own __format__.
  if (t->flags & kTypeHeapType) {
    Value f = type_lookup(t, str_intern("__format__"));
    if (!f.is_null() && f.is_obj() && f.as_obj()->type != &method_descr_type) {
      Ref s = Ref::steal(str_value(spec));
      Ref r = Ref::steal(call2(f, v, s.get()));
      if (!str_check(r.get()))
        raise_fmt(&exc_TypeError, "__format__ must return a str, not {}", type_name(r.get()));
      return r.release();
    }
    if (int_check(v))
      return str_value(format_int_spec(v, parse_spec(spec, t->name, 'd', '>'), t->name));
    if (str_check(v)) {
      Str* s = as_str(v);
      return str_value(
          format_str_spec(s->view(), s->length, parse_spec(spec, t->name, 's', '<'), t->name));
    }
  }
  if (!spec.empty()) raise_fmt(&exc_TypeError, "unsupported format string passed to {}.__format__", t->name);
  return str(v);
}

// ---- the % operator ---------------------------------------------------------------------

namespace {

// The state of one fmt % args evaluation, as CPython's unicode_formatter_t: [args] is the
// tuple of arguments, or a single value (also the value a %(key) selected) with arglen -1 and
// argidx -2, so that exactly one conversion can take it.
struct PercentState {
  Value args;
  Tuple* tuple = nullptr;  // args as a tuple, or null for a single value
  Value dict = Value::null();
  int64_t arglen;
  int64_t argidx = 0;

  Value next_arg() {
    if (argidx < arglen) {
      int64_t k = argidx++;
      return arglen < 0 ? args : tuple->item(size_t(k));
    }
    raise_msg(&exc_TypeError, "not enough arguments for format string");
  }
};

// A '*' width or precision from the arguments: an int that fits a C ssize_t ([c_int] false)
// or a C int ([c_int] true), with CPython's messages.
int64_t star_arg(PercentState& st, bool c_int) {
  Value v = st.next_arg();
  if (!int_check(v)) raise_msg(&exc_TypeError, "* wants int");
  int64_t n;
  bool fits = int_to_i64(v, &n);
  if (c_int && fits && (n < INT32_MIN || n > INT32_MAX)) fits = false;
  if (!fits)
    raise_fmt(&exc_OverflowError, "Python int too large to convert to C {}",
              c_int ? "int" : "ssize_t");
  return n;
}

// Reads the digits of a width ([limit] INT64_MAX) or precision ([limit] INT32_MAX) at [i],
// raising ValueError "[what] too big" past the limit.
int64_t percent_number_field(std::string_view f, size_t& i, int64_t limit, const char* what) {
  int64_t n = 0;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
    int d = f[i++] - '0';
    if (n > (limit - d) / 10) raise_fmt(&exc_ValueError, "{} too big", what);
    n = n * 10 + d;
  }
  return n;
}

// Applies % flags to a formatted number: sign, zero padding after sign and prefix, width.
std::string percent_number(std::string digits, std::string_view prefix, bool negative, int64_t width, bool left,
                           bool plus, bool space, bool zero) {
  std::string head;
  if (negative)
    head = "-";
  else if (plus)
    head = "+";
  else if (space)
    head = " ";
  head += prefix;
  int64_t len = int64_t(head.size() + digits.size());
  if (width > len) {
    check_str_room(width, 1);
    if (left) return head + digits + std::string(size_t(width - len), ' ');
    if (zero) return head + std::string(size_t(width - len), '0') + digits;
    return std::string(size_t(width - len), ' ') + head + digits;
  }
  return head + digits;
}

}  // namespace

Value percent_format(Str* fmt_str, Value args) {
  std::string_view f = fmt_str->view();
  PercentState st;
  st.args = args;
  Type* at = type_of(args);
  if (at->flags & kTypeTupleSubclass) {
    st.tuple = args.as<Tuple>();
    st.arglen = int64_t(st.tuple->size);
    st.argidx = 0;
  } else {
    st.arglen = -1;
    st.argidx = -2;
  }
  if (args.is_obj() && at->getitem && !(at->flags & kTypeTupleSubclass) && !str_check(args))
    st.dict = args;
  std::string out;
  out.reserve(f.size() + 16);
  Ref keyed;
  size_t i = 0;
  while (i < f.size()) {
    size_t pct = f.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(f.substr(i));
      break;
    }
    out.append(f.substr(i, pct - i));
    i = pct + 1;
    if (i >= f.size()) raise_msg(&exc_ValueError, "incomplete format");
    if (f[i] == '%') {  // "%%" only: "%5%" is an unsupported conversion, as in CPython
      out += '%';
      i++;
      continue;
    }
    if (f[i] == '(') {
      if (st.dict.is_null()) raise_msg(&exc_TypeError, "format requires a mapping");
      size_t start = ++i;
      int depth = 1;
      while (i < f.size() && depth > 0) {
        if (f[i] == '(') depth++;
        if (f[i] == ')') depth--;
        i++;
      }
      if (depth > 0) raise_msg(&exc_ValueError, "incomplete format key");
      Ref key = Ref::steal(str_value(f.substr(start, i - 1 - start)));
      keyed = Ref::steal(getitem(st.dict, key.get()));
      st.args = keyed.get();
      st.tuple = nullptr;
      st.arglen = -1;
      st.argidx = -2;
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (; i < f.size(); i++) {
      char c = f[i];
      if (c == '-') left = true;
      else if (c == '+') plus = true;
      else if (c == ' ') space = true;
      else if (c == '#') alt = true;
      else if (c == '0') zero = true;
      else break;
    }
    int64_t width = -1, prec = -1;
    if (i < f.size() && f[i] == '*') {
      width = star_arg(st, false);
      if (width < 0) {
        left = true;
        if (width != INT64_MIN) width = -width;  // CPython's negation overflows: no padding
      }
      i++;
    } else if (i < f.size() && f[i] >= '0' && f[i] <= '9') {
      width = percent_number_field(f, i, INT64_MAX, "width");
    }
    if (i < f.size() && f[i] == '.') {
      i++;
      prec = 0;
      if (i < f.size() && f[i] == '*') {
        prec = std::max<int64_t>(0, star_arg(st, true));
        i++;
      } else {
        prec = percent_number_field(f, i, INT32_MAX, "precision");
      }
    }
    if (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
    if (i >= f.size()) raise_msg(&exc_ValueError, "incomplete format");
    char conv = f[i++];
    Value arg = st.next_arg();
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        std::string s = conv == 's' ? str_string(arg) : conv == 'r' ? repr_string(arg) : ascii_of(arg);
        size_t len = utf8::length(s);
        if (prec >= 0 && size_t(prec) < len) {
          size_t cut = 0;
          for (int64_t k = 0; k < prec; k++) cut += utf8::seq_len(s[cut]);
          s.resize(cut);
          len = size_t(prec);
        }
        if (width > int64_t(len)) {
          check_str_room(width, 1);
          std::string padding(size_t(width) - len, ' ');
          s = left ? s + padding : padding + s;
        }
        out += s;
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        Ref num;
        if (int_check(arg)) {
          num = Ref::borrow(arg);
        } else if (arg.is_double() && (conv == 'd' || conv == 'i' || conv == 'u')) {
          num = Ref::steal(int_from_double(arg.as_double()));
        } else if (conv == 'd' || conv == 'i' || conv == 'u') {
          raise_fmt(&exc_TypeError, "%{} format: a real number is required, not {}", conv, type_name(arg));
        } else {
          raise_fmt(&exc_TypeError, "%{} format: an integer is required, not {}", conv, type_name(arg));
        }
        int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
        std::string digits = int_digits(num.get(), base);
        bool negative = digits[0] == '-';
        if (negative) digits.erase(0, 1);
        if (conv == 'X')
          for (char& c : digits) c = char(std::toupper(uint8_t(c)));
        if (prec > int64_t(digits.size())) {
          check_str_room(prec, 1);
          digits.insert(0, size_t(prec) - digits.size(), '0');
        }
        std::string prefix;
        if (alt && base == 8) prefix = "0o";
        if (alt && base == 16) prefix = conv == 'X' ? "0X" : "0x";
        out += percent_number(digits, prefix, negative, width, left, plus, space, zero);
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d = float_from_value(arg);
        std::string s = format_double(d, conv, int(prec < 0 ? 6 : prec), alt ? unsigned(kFmtAlt) : 0u);
        bool negative = s[0] == '-';
        if (negative) s.erase(0, 1);
        out += percent_number(s, "", negative, width, left, plus, space, zero);
        break;
      }
      case 'c': {
        std::string s;
        if (int_check(arg)) {
          int64_t cp;
          if (!int_to_i64(arg, &cp) || cp < 0 || cp > 0x10FFFF)
            raise_msg(&exc_OverflowError, "%c arg not in range(0x110000)");
          utf8::append_cp(s, uint32_t(cp));
        } else if (str_check(arg) && as_str(arg)->length == 1) {
          s.assign(as_str(arg)->view());
        } else {
          raise_msg(&exc_TypeError, "%c requires int or char");
        }
        if (width > 1) {
          check_str_room(width, 1);
          std::string padding(size_t(width) - 1, ' ');
          s = left ? s + padding : padding + s;
        }
        out += s;
        break;
      }
      default: {
        size_t index = utf8::length(f.substr(0, i - 1));
        uint32_t cp = uint8_t(conv);
        if (cp >= 0x80) {
          size_t n = utf8::seq_len(conv);
          cp &= n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07;
          for (size_t k = 1; k < n && i - 1 + k < f.size(); k++) cp = (cp << 6) | (uint8_t(f[i - 1 + k]) & 0x3F);
        }
        char shown = cp >= 31 && cp <= 126 ? char(cp) : '?';
        raise_fmt(&exc_ValueError, "unsupported format character '{}' (0x{:x}) at index {}", shown, cp, index);
      }
    }
  }
  if (st.argidx < st.arglen && st.dict.is_null())
    raise_msg(&exc_TypeError, "not all arguments converted during string formatting");
  return str_value(out);
}

// ---- str.format -------------------------------------------------------------------------

namespace {

// The arguments of one str.format call and its automatic numbering state.
struct FormatArgs {
  const Value* pos;
  size_t npos;
  const Value* kwvalues;
  Tuple* kwnames;
  int auto_state = 0;  // 0 init, 1 auto, 2 manual
  int64_t next_auto = 0;
};

// The object a field name refers to: an argument, then .attr and [key] lookups.
Value field_object(std::string_view name, FormatArgs& a) {
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') i++;
  std::string_view first = name.substr(0, i);
  int64_t index = -1;
  if (!first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos) {
    size_t k = 0;
    index = read_number(first, k);
  }
  bool empty = first.empty();
  if (empty || index >= 0) {
    if (a.auto_state == 0) a.auto_state = empty ? 1 : 2;
    if (a.auto_state == 2 && empty)
      raise_msg(&exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
    if (a.auto_state == 1 && !empty)
      raise_msg(&exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
    if (empty) index = a.next_auto++;
  }
  Ref obj;
  if (index < 0) {
    size_t nkw = a.kwnames ? a.kwnames->size : 0;
    for (size_t k = 0; k < nkw; k++) {
      if (as_str(a.kwnames->item(k))->view() == first) {
        obj = Ref::borrow(a.kwvalues[k]);
        break;
      }
    }
    if (!obj) raise(new_exception(&exc_KeyError, first));
  } else {
    if (size_t(index) >= a.npos)
      raise_fmt(&exc_IndexError, "Replacement index {} out of range for positional args tuple", index);
    obj = Ref::borrow(a.pos[index]);
  }
  while (i < name.size()) {
    char c = name[i++];
    std::string_view part;
    bool attr = c == '.';
    if (attr) {
      size_t start = i;
      while (i < name.size() && name[i] != '.' && name[i] != '[') i++;
      part = name.substr(start, i - start);
    } else if (c == '[') {
      size_t close = name.find(']', i);
      if (close == std::string_view::npos) raise_msg(&exc_ValueError, "Missing ']' in format string");
      part = name.substr(i, close - i);
      i = close + 1;
    } else {
      raise_msg(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (part.empty()) raise_msg(&exc_ValueError, "Empty attribute in format string");
    if (attr) {
      obj = Ref::steal(getattr(obj.get(), str_intern(part)));
    } else if (part.find_first_not_of("0123456789") == std::string_view::npos) {
      size_t k = 0;
      Ref key = Ref::steal(int_from_i64(read_number(part, k)));
      obj = Ref::steal(getitem(obj.get(), key.get()));
    } else {
      Ref key = Ref::steal(str_value(part));
      obj = Ref::steal(getitem(obj.get(), key.get()));
    }
  }
  return obj.release();
}

// Expands the replacement fields of [s] into [out] (CPython's build_string).
void build_string(std::string_view s, FormatArgs& a, int depth, std::string& out) {
  if (depth <= 0) raise_msg(&exc_ValueError, "Max string recursion exceeded");
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c != '{' && c != '}') {
      size_t next = s.find_first_of("{}", i);
      if (next == std::string_view::npos) next = s.size();
      out.append(s.substr(i, next - i));
      i = next;
      continue;
    }
    i++;
    bool at_end = i >= s.size();
    if (c == '}') {
      if (at_end || s[i] != '}') raise_msg(&exc_ValueError, "Single '}' encountered in format string");
      out += '}';
      i++;
      continue;
    }
    if (at_end) raise_msg(&exc_ValueError, "Single '{' encountered in format string");
    if (s[i] == '{') {
      out += '{';
      i++;
      continue;
    }
    // A field: name up to '}', ':' or '!' (skipping [..]), then conversion and spec.
    size_t name_start = i;
    char end_char = 0;
    while (i < s.size()) {
      char d = s[i++];
      if (d == '{') raise_msg(&exc_ValueError, "unexpected '{' in field name");
      if (d == '[') {
        while (i < s.size() && s[i] != ']') i++;
        continue;
      }
      if (d == '}' || d == ':' || d == '!') {
        end_char = d;
        break;
      }
    }
    std::string_view name = s.substr(name_start, (end_char ? i - 1 : i) - name_start);
    char conversion = 0;
    std::string_view spec;
    bool nested = false;
    if (end_char == '!' || end_char == ':') {
      bool done = false;
      if (end_char == '!') {
        if (i >= s.size()) raise_msg(&exc_ValueError, "end of string while looking for conversion specifier");
        conversion = s[i++];
        if (i < s.size()) {
          char d = s[i++];
          if (d == '}') done = true;
          else if (d != ':') raise_msg(&exc_ValueError, "expected ':' after conversion specifier");
        }
      }
      if (!done) {
        size_t spec_start = i;
        int count = 1;
        while (i < s.size()) {
          char d = s[i++];
          if (d == '{') {
            nested = true;
            count++;
          } else if (d == '}' && --count == 0) {
            break;
          }
        }
        if (count != 0) raise_msg(&exc_ValueError, "unmatched '{' in format spec");
        spec = s.substr(spec_start, i - 1 - spec_start);
      }
    } else if (end_char != '}') {
      raise_msg(&exc_ValueError, "expected '}' before end of string");
    }
    Ref obj = Ref::steal(field_object(name, a));
    if (conversion) {
      if (conversion == 'r')
        obj = Ref::steal(repr(obj.get()));
      else if (conversion == 's')
        obj = Ref::steal(str(obj.get()));
      else if (conversion == 'a')
        obj = Ref::steal(str_value(ascii_of(obj.get())));
      else if (conversion > 32 && conversion < 127)
        raise_fmt(&exc_ValueError, "Unknown conversion specifier {}", conversion);
      else
        raise_fmt(&exc_ValueError, "Unknown conversion specifier \\x{:x}", unsigned(uint8_t(conversion)));
    }
    std::string expanded;
    if (nested) {
      build_string(spec, a, depth - 1, expanded);
      spec = expanded;
    }
    Ref text = Ref::steal(format_value(obj.get(), spec));
    out.append(as_str(text.get())->view());
  }
}

}  // namespace

Value str_format(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1 || !str_check(args[0])) raise_msg(&exc_TypeError, "descriptor 'format' of 'str' object needs an argument");
  FormatArgs a{args + 1, nargs - 1, args + nargs, kwnames};
  std::string out;
  build_string(as_str(args[0])->view(), a, 2, out);
  return str_value(out);
}

}  // namespace rt
