// The float type: always unboxed doubles. Arithmetic, CPython's repr (shortest round-trip
// digits via std::to_chars), parsing, hashing and the float-to-text engine that format.cpp
// and the % operator share (PyOS_double_to_string).
#include <gmp.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/error.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace rt {

Type float_type;

// ---- text -------------------------------------------------------------------------------

// The shortest round-trip digits of finite [a] > 0 and the decimal point position: the value
// is 0.DIGITS * 10**decpt.
static void shortest_digits(double a, std::string& digits, int& decpt) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf - 1, a, std::chars_format::scientific);
  *r.ptr = '\0';
  const char* e = static_cast<const char*>(std::memchr(buf, 'e', r.ptr - buf));
  digits.clear();
  for (const char* p = buf; p < e; p++)
    if (*p != '.') digits.push_back(*p);
  decpt = std::atoi(e + 1) + 1;
}

// Writes [digits] * 10**(decpt - len) in exponent form "d.ddde+XX" (with [alt], the point
// stays even when no digit follows it: "1.e+16").
static void append_exponent(std::string& out, const std::string& digits, int decpt, bool upper,
                            bool alt) {
  out += digits[0];
  if (digits.size() > 1 || alt) {
    out += '.';
    out.append(digits, 1, std::string::npos);
  }
  int exp = decpt - 1;
  out += upper ? 'E' : 'e';
  out += exp < 0 ? '-' : '+';
  int m = exp < 0 ? -exp : exp;
  if (m < 10) out += '0';
  out += std::to_string(m);
}

// 'g' style: scientific or fixed chosen by the decimal exponent after rounding to [prec]
// significant digits; trailing zeros stripped unless [alt].
static void format_general(std::string& out, double a, int prec, unsigned flags, bool upper) {
  if (prec == 0) prec = 1;
  std::string buf(size_t(prec) + 40, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size() - 1, a, std::chars_format::scientific, prec - 1);
  *r.ptr = '\0';
  const char* e = static_cast<const char*>(std::memchr(buf.data(), 'e', r.ptr - buf.data()));
  int exp = std::atoi(e + 1);
  size_t start = out.size();
  bool exp_form = (flags & kFmtAddDot0) ? (exp < -4 || exp >= prec - 1) : (exp < -4 || exp >= prec);
  if (!exp_form) {
    std::string fbuf(size_t(prec) + 360, '\0');
    auto f = std::to_chars(fbuf.data(), fbuf.data() + fbuf.size(), a, std::chars_format::fixed, prec - 1 - exp);
    out.append(fbuf.data(), size_t(f.ptr - fbuf.data()));
  } else {
    out.append(buf.data(), size_t(e - buf.data()));
  }
  bool has_dot = out.find('.', start) != std::string::npos;
  if (!(flags & kFmtAlt)) {
    if (has_dot) {
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out.pop_back();
    }
  } else if (!has_dot) {
    out += '.';
  }
  if (exp_form) {
    out += upper ? 'E' : 'e';
    out += exp < 0 ? '-' : '+';
    int m = exp < 0 ? -exp : exp;
    if (m < 10) out += '0';
    out += std::to_string(m);
  } else if ((flags & kFmtAddDot0) && out.find('.', start) == std::string::npos) {
    out += ".0";
  }
}

std::string format_double(double d, char type, int prec, unsigned flags) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  std::string out;
  if (std::signbit(d) && !std::isnan(d)) out += '-';
  double a = std::fabs(d);
  if (std::isinf(a)) return out + (upper ? "INF" : "inf");
  if (std::isnan(a)) return upper ? "NAN" : "nan";
  switch (type) {
    case 'r': {
      if (a == 0.0) return out + "0.0";
      std::string digits;
      int decpt;
      shortest_digits(a, digits, decpt);
      int n = int(digits.size());
      if (decpt <= -4 || decpt > 16) {
        append_exponent(out, digits, decpt, false, flags & kFmtAlt);
      } else if (decpt <= 0) {
        out += "0.";
        out.append(-decpt, '0');
        out += digits;
      } else if (decpt >= n) {
        out += digits;
        out.append(decpt - n, '0');
        out += ".0";
      } else {
        out.append(digits, 0, decpt);
        out += '.';
        out.append(digits, decpt, std::string::npos);
      }
      return out;
    }
    case 'f':
    case 'F': {
      // Up to 309 integer digits plus the fraction; the common case stays on the stack.
      char small[512];
      std::string big;
      char* buf = small;
      size_t cap = sizeof small;
      if (prec > 180) {
        big.resize(size_t(prec) + 330);
        buf = big.data();
        cap = big.size();
      }
      auto r = std::to_chars(buf, buf + cap, a, std::chars_format::fixed, prec);
      out.append(buf, size_t(r.ptr - buf));
      if (prec == 0 && (flags & kFmtAlt)) out += '.';
      return out;
    }
    case 'e':
    case 'E': {
      std::string buf(prec + 40, '\0');
      auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::scientific, prec);
      const char* e = static_cast<const char*>(std::memchr(buf.data(), 'e', r.ptr - buf.data()));
      out.append(buf.data(), size_t(e - buf.data()));
      if (prec == 0 && (flags & kFmtAlt)) out += '.';
      out += upper ? 'E' : 'e';
      out.append(e + 1, size_t(r.ptr - (e + 1)));
      return out;
    }
    default:
      format_general(out, a, prec, flags, upper);
      return out;
  }
}

std::string float_repr(double d) { return format_double(d, 'r', 0, 0); }

static Value float_repr_slot(Value v) { return str_value(float_repr(v.as_double())); }

// Parses CPython's float() syntax: whitespace, sign, digits with single underscores between
// digits, optional fraction and exponent, or inf/infinity/nan. False on a syntax error.
static bool parse_float(std::string_view s, double* out) {
  size_t i = 0, end = s.size();
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (i < end && space(s[i])) i++;
  while (end > i && space(s[end - 1])) end--;
  std::string clean;
  if (i < end && (s[i] == '+' || s[i] == '-')) clean += s[i++];
  std::string word;
  for (size_t k = i; k < end; k++) word += char(s[k] | 0x20);
  if (word == "inf" || word == "infinity" || word == "nan") {
    double v = word == "nan" ? NAN : INFINITY;
    *out = (!clean.empty() && clean[0] == '-') ? -v : v;
    return true;
  }
  // Digits with underscores only between two digits.
  auto digits = [&](bool required) {
    size_t n = 0;
    while (i < end) {
      char c = s[i];
      if (c >= '0' && c <= '9') {
        clean += c;
        n++;
        i++;
      } else if (c == '_' && n > 0 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i++;
      } else {
        break;
      }
    }
    return n > 0 || !required;
  };
  size_t before = clean.size();
  digits(false);
  bool int_digits = clean.size() > before;
  if (i < end && s[i] == '.') {
    clean += s[i++];
    size_t b2 = clean.size();
    digits(false);
    if (!int_digits && clean.size() == b2) return false;
  } else if (!int_digits) {
    return false;
  }
  if (i < end && (s[i] == 'e' || s[i] == 'E')) {
    clean += s[i++];
    if (i < end && (s[i] == '+' || s[i] == '-')) clean += s[i++];
    if (!digits(true)) return false;
  }
  if (i != end) return false;
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

double float_from_value(Value v) {
  if (v.is_double()) return v.as_double();
  if (int_check(v)) return is_bigint(v) ? mpz_to_double(v.as<BigInt>()->z) : double(small_value(v));
  raise_fmt(&exc_TypeError, "must be real number, not {}", type_name(v));
}

bool as_double(Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    return true;
  }
  if (!int_check(v)) return false;
  *out = is_bigint(v) ? mpz_to_double(v.as<BigInt>()->z) : double(small_value(v));
  return true;
}

// ---- arithmetic -------------------------------------------------------------------------

static bool is_odd_integer(double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; }

Value float_pow(double iv, double iw) {
  if (iw == 0.0) return Value::from_double(1.0);
  if (std::isnan(iv)) return Value::from_double(iv);
  if (std::isnan(iw)) return Value::from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return Value::from_double(1.0);
    return Value::from_double((iw > 0.0) == (iv > 1.0) ? std::fabs(iw) : 0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return Value::from_double(odd ? iv : std::fabs(iv));
    return Value::from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) raise_msg(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::from_double(is_odd_integer(iw) ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      raise_msg(&exc_ValueError, "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return Value::from_double(negate ? -1.0 : 1.0);
  double r = std::pow(iv, iw);
  if (std::isinf(r)) raise_msg(&exc_OverflowError, "(34, 'Numerical result out of range')");
  return Value::from_double(negate ? -r : r);
}

double float_mod(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) mod += wx;
  } else {
    mod = std::copysign(0.0, wx);
  }
  return mod;
}

double float_floordiv(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0 && ((wx < 0) != (mod < 0))) div -= 1.0;
  if (div != 0.0) {
    double fl = std::floor(div);
    if (div - fl > 0.5) fl += 1.0;
    return fl;
  }
  return std::copysign(0.0, vx / wx);
}

// The binop slot: float with float or int in either position; NotImplemented otherwise.
static Value float_binop(Value a, Value b, BinOp op, bool) {
  double x, y;
  if (a.is_double() && b.is_double()) {
    x = a.as_double();
    y = b.as_double();
  } else {
    if (!(a.is_double() || b.is_double())) return NotImplemented();
    if (!int_check(a.is_double() ? b : a)) return NotImplemented();
    if (op >= BinOp::LShift) return NotImplemented();
    x = float_from_value(a);
    y = float_from_value(b);
  }
  switch (op) {
    case BinOp::Add: return Value::from_double(x + y);
    case BinOp::Sub: return Value::from_double(x - y);
    case BinOp::Mul: return Value::from_double(x * y);
    case BinOp::TrueDiv:
      if (y == 0.0) raise_msg(&exc_ZeroDivisionError, "float division by zero");
      return Value::from_double(x / y);
    case BinOp::FloorDiv:
      if (y == 0.0) raise_msg(&exc_ZeroDivisionError, "float floor division by zero");
      return Value::from_double(float_floordiv(x, y));
    case BinOp::Mod:
      if (y == 0.0) raise_msg(&exc_ZeroDivisionError, "float modulo");
      return Value::from_double(float_mod(x, y));
    case BinOp::Pow: return float_pow(x, y);
    default: return NotImplemented();
  }
}

static Value float_unary(Value a, UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return Value::from_double(-a.as_double());
    case UnaryOp::Pos: return a;
    default: return NotImplemented();
  }
}

// Compares float [a] with float or int [b].
static Value float_richcompare(Value a, Value b, CmpOp op) {
  if (!a.is_double()) return NotImplemented();
  double x = a.as_double();
  bool r;
  if (b.is_double()) {
    double y = b.as_double();
    switch (op) {
      case CmpOp::Lt: r = x < y; break;
      case CmpOp::Le: r = x <= y; break;
      case CmpOp::Eq: r = x == y; break;
      case CmpOp::Ne: r = x != y; break;
      case CmpOp::Gt: r = x > y; break;
      default: r = x >= y; break;
    }
    return from_bool(r);
  }
  if (!int_check(b)) return NotImplemented();
  int c = int_compare_double(b, x);  // b vs x: reverse the sign
  if (c == 2) return from_bool(op == CmpOp::Ne);
  c = -c;
  switch (op) {
    case CmpOp::Lt: r = c < 0; break;
    case CmpOp::Le: r = c <= 0; break;
    case CmpOp::Eq: r = c == 0; break;
    case CmpOp::Ne: r = c != 0; break;
    case CmpOp::Gt: r = c > 0; break;
    default: r = c >= 0; break;
  }
  return from_bool(r);
}

int64_t float_hash(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t(1) << kBits) - 1;
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    return 0;
  }
  if (v == std::trunc(v) && std::fabs(v) < 1e15) {
    int64_t i = int64_t(v);
    return i == -1 ? -2 : i;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = x * uint64_t(int64_t(sign));
  if (x == uint64_t(-1)) x = uint64_t(-2);
  return int64_t(x);
}

static int64_t float_hash_slot(Value v) { return float_hash(v.as_double()); }
static bool float_truthy(Value v) { return v.as_double() != 0.0; }

// round(float[, ndigits]), correctly rounded with ties to even as CPython's double_round.
Value float_round(double x, Value ndigits) {
  if (ndigits.is_null() || ndigits == None()) {
    double r = std::nearbyint(x);
    return int_from_double(r);
  }
  if (!int_check(ndigits))
    raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(ndigits));
  int64_t n;
  if (!int_to_i64(ndigits, &n)) n = is_bigint(ndigits) && mpz_sgn(ndigits.as<BigInt>()->z) < 0 ? -100000 : 100000;
  if (!std::isfinite(x) || x == 0.0) return Value::from_double(x);
  if (n > 323) return Value::from_double(x);
  if (n < -308) return Value::from_double(0.0 * x);
  double r;
  if (n >= 0) {
    std::string s = format_double(x, 'f', int(n), 0);
    r = std::strtod(s.c_str(), nullptr);
  } else {
    // Round the exact integer part to a multiple of 10**-n; a non-zero fraction only breaks
    // ties away from zero.
    double whole = std::trunc(x);
    bool frac = whole != x;
    Mpz i, p, q, rem, twice;
    mpz_set_d(i.z, std::fabs(whole));
    mpz_ui_pow_ui(p.z, 10, (unsigned long)(-n));
    mpz_fdiv_qr(q.z, rem.z, i.z, p.z);
    mpz_mul_2exp(twice.z, rem.z, 1);
    int c = mpz_cmp(twice.z, p.z);
    if (c > 0 || (c == 0 && (frac || mpz_odd_p(q.z)))) mpz_add_ui(q.z, q.z, 1);
    mpz_mul(q.z, q.z, p.z);
    if (mpz_sizeinbase(q.z, 2) > 1024) raise_msg(&exc_OverflowError, "rounded value too large to represent");
    r = mpz_to_double(q.z);
    r = std::copysign(r, x);
  }
  if (std::isinf(r)) raise_msg(&exc_OverflowError, "rounded value too large to represent");
  return Value::from_double(r);
}

// float(), float(x) from a number or a string.
static Value float_construct(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "float() takes no keyword arguments");
  if (nargs > 1) raise_fmt(&exc_TypeError, "float expected at most 1 argument, got {}", nargs);
  if (nargs == 0) return Value::from_double(0.0);
  Value x = args[0];
  double d;
  if (as_double(x, &d)) return Value::from_double(d);
  if (str_check(x)) {
    Str* text = as_str(x);
    std::string ascii;  // non-ASCII digits and whitespace read as their ASCII equivalents
    if (!text->ascii) ascii = str_decimal_ascii(text->view());
    if (!parse_float(text->ascii ? text->view() : std::string_view(ascii), &d)) {
      Ref q = Ref::steal(repr(x));
      raise_fmt(&exc_ValueError, "could not convert string to float: {}", as_str(q.get())->view());
    }
    return Value::from_double(d);
  }
  for (const char* name : {"__float__", "__index__"}) {
    Value f = type_lookup(type_of(x), str_intern(name));
    if (f.is_null()) continue;
    Ref r = Ref::steal(call1(f, x));
    if (!as_double(r.get(), &d))
      raise_fmt(&exc_TypeError, "{}.{} returned non-float (type {})", type_name(x), name, type_name(r.get()));
    return Value::from_double(d);
  }
  raise_fmt(&exc_TypeError, "float() argument must be a string or a real number, not '{}'", type_name(x));
}

static Value float_getattr(Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real") return self;
  if (n == "imag") return Value::from_double(0.0);
  return generic_getattr(self, name);
}

static void no_args(const char* name, size_t nargs, Tuple* kwnames) {
  no_kwargs(name, kwnames);
  if (nargs != 1) raise_fmt(&exc_TypeError, "{}() takes no arguments ({} given)", name, nargs - 1);
}

static Value float_is_integer(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("is_integer", nargs, kwnames);
  double d = args[0].as_double();
  return from_bool(std::isfinite(d) && d == std::trunc(d));
}

static Value float_conjugate(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("conjugate", nargs, kwnames);
  return args[0];
}

static Value float_as_integer_ratio(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("as_integer_ratio", nargs, kwnames);
  double d = args[0].as_double();
  if (std::isinf(d)) raise_msg(&exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) raise_msg(&exc_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(d, &e);
  for (int i = 0; i < 300 && m != std::floor(m); i++) {
    m *= 2.0;
    e--;
  }
  Mpz num, den;
  mpz_set_d(num.z, m);
  mpz_set_ui(den.z, 1);
  if (e > 0)
    mpz_mul_2exp(num.z, num.z, e);
  else
    mpz_mul_2exp(den.z, den.z, -e);
  Ref a = Ref::steal(int_from_mpz(num.z));
  Ref b = Ref::steal(int_from_mpz(den.z));
  Tuple* t = tuple_new(2);
  t->items()[0] = a.release();
  t->items()[1] = b.release();
  return Value::from_obj(t);
}

// float.hex(): "0x1.8000000000000p+0" style, as CPython's float_hex.
static Value float_hex(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args("hex", nargs, kwnames);
  double d = args[0].as_double();
  if (!std::isfinite(d)) return str_value(float_repr(d));
  std::string out = std::signbit(d) ? "-" : "";
  if (d == 0.0) return str_value(out + "0x0.0p+0");
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  int exp = int((bits >> 52) & 0x7FF);
  uint64_t mant = bits & ((uint64_t(1) << 52) - 1);
  int lead = 1;
  if (exp == 0) {
    lead = 0;
    exp = -1022;
  } else {
    exp -= 1023;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "0x%d.%013llxp%+d", lead, (unsigned long long)mant, exp);
  return str_value(out + buf);
}

static Value float_format_method(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("__format__", kwnames);
  if (nargs != 2) raise_fmt(&exc_TypeError, "__format__() takes exactly one argument ({} given)", nargs - 1);
  if (!str_check(args[1]))
    raise_fmt(&exc_TypeError, "__format__() argument must be str, not {}", type_name(args[1]));
  return format_value(args[0], as_str(args[1])->view());
}

// Fills float's slots and registers its methods (called from init_number_types).
void init_float_type() {
  Type* t = &float_type;
  init_static_immortal(*t);
  t->type = &type_type;
  t->name = "float";
  t->base = &object_type;
  t->flags = kTypeBaseType;
  t->basicsize = sizeof(Object);
  t->repr = float_repr_slot;
  t->hash = float_hash_slot;
  t->richcompare = float_richcompare;
  t->truthy = float_truthy;
  t->getattr = float_getattr;
  t->binop = float_binop;
  t->unary = float_unary;
  t->construct = float_construct;
  type_ready(t);
  type_add_method(t, "is_integer", float_is_integer);
  type_add_method(t, "conjugate", float_conjugate);
  type_add_method(t, "as_integer_ratio", float_as_integer_ratio);
  type_add_method(t, "hex", float_hex);
  type_add_method(t, "__format__", float_format_method);
}

}  // namespace rt
