// The int type: unboxed 50-bit small ints with a GMP-backed BigInt for everything larger.
// Small-int arithmetic runs on int64 with overflow checks and only falls back to GMP when a
// result leaves the small range; every result is normalised (small whenever it fits).
#if MINIPY_USE_MIMALLOC
#include <mimalloc.h>
#endif

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/error.h"
#include "runtime/format.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace rt {

Type int_type;
int64_t int_max_str_digits = 4300;

namespace {

// GMP allocates through alloc_bytes like every other part of the runtime (mimalloc, or malloc
// in sanitizer builds: runtime/alloc.cpp), so a failed allocation raises MemoryError. GMP's
// manual leaves an allocation function that throws undefined; it unwinds through GMP's C
// frames (x86-64 code carries unwind tables) and at worst leaks GMP's temporaries. The size
// checks of the operations below (check_int_bits) keep GMP from being asked for more than the
// machine has in the first place; this is the fallback under a lower ulimit.
void* gmp_alloc(size_t n) { return alloc_bytes(n); }
void* gmp_realloc(void* p, size_t, size_t n) {
  if (allocation_too_large(n)) raise_memory_error();
#if MINIPY_USE_MIMALLOC
  void* q = mi_realloc(p, n);
#else
  void* q = std::realloc(p, n);
#endif
  if (q == nullptr) raise_memory_error();
  return q;
}
void gmp_free(void* p, size_t) { free_bytes(p); }

// The most bits an int may have. GMP counts limbs in an int and aborts the process past
// INT_MAX limbs ("gmp: overflow in mpz type"); CPython's own limit is far higher, but an int
// of 2**37 bits is 16 GiB: where CPython's allocation fails (MemoryError), or succeeds
// slowly.
constexpr uint64_t kMaxIntBits = (uint64_t(INT32_MAX) - 4) * GMP_NUMB_BITS;

// Raises MemoryError, as CPython when the allocation fails, if an int of [bits] bits is more
// than GMP can hold or the machine can allocate.
void check_int_bits(uint64_t bits) {
  if (bits > kMaxIntBits || allocation_too_large(bits / 8)) raise_memory_error();
}

// The number of bits of |v| (0 for 0).
uint64_t int_bits(Value v) {
  if (is_bigint(v)) return mpz_sizeinbase(v.as<BigInt>()->z, 2);
  int64_t x = small_value(v);
  uint64_t m = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
  return m == 0 ? 0 : 64 - uint64_t(__builtin_clzll(m));
}

void bigint_dealloc(Object* o) {
  mpz_clear(static_cast<BigInt*>(o)->z);
  object_free(o);
}

// Raises the OverflowError of a float conversion that does not fit.
[[noreturn]] void raise_int_too_large() { raise_msg(&exc_OverflowError, "int too large to convert to float"); }

}  // namespace

// ---- construction and conversion --------------------------------------------------------

Value int_from_i64(int64_t i) {
  if (Value::fits_small_int(i)) return Value::from_int(i);
  BigInt* b = alloc_object<BigInt>(&int_type);
  mpz_init_set_si(b->z, i);
  return Value::from_obj(b);
}

Value int_from_mpz(mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long i = mpz_get_si(z);
    if (Value::fits_small_int(i)) {
      mpz_set_ui(z, 0);
      return Value::from_int(i);
    }
  }
  BigInt* b = alloc_object<BigInt>(&int_type);
  mpz_init(b->z);
  mpz_swap(b->z, z);
  return Value::from_obj(b);
}

bool int_check(Value v) {
  if (v.is_int()) return true;
  if (!v.is_obj()) return false;
  return (v.as_obj()->type->flags & kTypeIntSubclass) != 0;
}

bool int_to_i64(Value v, int64_t* out) {
  if (!is_bigint(v)) {
    *out = small_value(v);
    return true;
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

int64_t index_value(Value v) {
  if (!int_check(v)) raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
  int64_t i;
  if (!int_to_i64(v, &i)) raise_msg(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
  return i;
}

int64_t ssize_value(Value v) {
  if (v.is_int()) return v.as_int();
  if (!int_check(v)) raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
  int64_t i;
  if (!int_to_i64(v, &i)) raise_msg(&exc_OverflowError, "Python int too large to convert to C ssize_t");
  return i;
}

// Rounds [q] * 2**-[s] (with [sticky] meaning "a little more than q") to the nearest double,
// ties to even, handling subnormals with a single rounding.
static double round_scaled(uint64_t q, bool sticky, int64_t s) {
  if (q == 0) return 0.0;
  int n = 64 - __builtin_clzll(q);
  int64_t e = n - 1 - s;  // the value lies in [2**e, 2**(e+1))
  int64_t p = e >= -1022 ? 53 : 1075 + e;
  int64_t drop = n - p;
  if (drop <= 0) return std::ldexp(double(q), int(-s));
  if (drop > 64) return 0.0;
  using u128 = unsigned __int128;
  u128 wide = q;
  u128 keep = wide >> drop;
  u128 rem = wide & ((u128(1) << drop) - 1);
  u128 half = u128(1) << (drop - 1);
  if (rem > half || (rem == half && (sticky || (keep & 1)))) keep++;
  return std::ldexp(double(uint64_t(keep)), int(drop - s));
}

double mpz_to_double(mpz_srcptr z) {
  int sign = mpz_sgn(z);
  if (sign == 0) return 0.0;
  size_t n = mpz_sizeinbase(z, 2);
  if (n <= 53) return mpz_get_d(z);
  if (n > 1024) raise_int_too_large();
  Mpz top;
  mpz_abs(top.z, z);
  size_t shift = n > 64 ? n - 64 : 0;
  bool sticky = mpz_scan1(top.z, 0) < shift;
  mpz_tdiv_q_2exp(top.z, top.z, shift);
  uint64_t q = mpz_get_ui(top.z);
  double d = round_scaled(q, sticky, -int64_t(shift));
  if (std::isinf(d)) raise_int_too_large();
  return sign < 0 ? -d : d;
}

Value int_from_double(double d) {
  if (std::isinf(d)) raise_msg(&exc_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise_msg(&exc_ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (std::fabs(t) < 9.0e15) return int_from_i64(int64_t(t));
  Mpz z;
  mpz_set_d(z.z, t);
  return int_from_mpz(z.z);
}

// The repr of a str for error messages, truncated to [limit] code points as CPython's %.200R.
static std::string quoted(std::string_view s, size_t limit = 200) {
  Ref r = Ref::steal(str_value(s));
  std::string q = repr_string(r.get());
  if (q.size() > limit) {
    size_t cut = 0, cps = 0;
    while (cut < q.size() && cps < limit) {
      cut++;
      while (cut < q.size() && (uint8_t(q[cut]) & 0xC0) == 0x80) cut++;
      cps++;
    }
    q.resize(cut);
  }
  return q;
}

// Python's ASCII whitespace (Py_ISSPACE): not the \x1c-\x1f separators str.split() takes.
static bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

Value int_from_string(std::string_view text, int base) {
  if (base != 0 && (base < 2 || base > 36)) raise_msg(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
  auto fail = [&]() -> Value {
    raise_fmt(&exc_ValueError, "invalid literal for int() with base {}: {}", base, quoted(text));
  };
  // Non-ASCII digits and whitespace are read as their ASCII equivalents.
  std::string ascii;
  std::string_view s = text;
  for (char c : text) {
    if (uint8_t(c) >= 0x80) {
      ascii = str_decimal_ascii(text);
      s = ascii;
      break;
    }
  }
  size_t i = 0, end = s.size();
  while (i < end && is_space(s[i])) i++;
  while (end > i && is_space(s[end - 1])) end--;
  bool neg = false;
  if (i < end && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  int b = base;
  bool prefixed = false;
  if (i + 1 < end && s[i] == '0') {
    char p = s[i + 1] | 0x20;
    if ((p == 'x' && (b == 16 || b == 0)) || (p == 'o' && (b == 8 || b == 0)) || (p == 'b' && (b == 2 || b == 0))) {
      b = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      i += 2;
      prefixed = true;
    }
  }
  bool base0_decimal = b == 0;
  if (b == 0) b = 10;
  // Digits with single underscores between them (one may follow a base prefix).
  std::string digits;
  bool last_underscore = prefixed;
  bool first = true;
  if (prefixed && i < end && s[i] == '_') {
    i++;
    last_underscore = false;
  }
  for (; i < end; i++) {
    char c = s[i];
    if (c == '_') {
      if (first || last_underscore) return fail();
      last_underscore = true;
      continue;
    }
    if (digit_value(c) >= b) return fail();
    digits.push_back(c);
    last_underscore = false;
    first = false;
  }
  if (digits.empty() || last_underscore) return fail();
  if (base0_decimal && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) return fail();
  if ((b & (b - 1)) != 0 && int_max_str_digits > 0 && int64_t(digits.size()) > int_max_str_digits)
    raise_fmt(&exc_ValueError,
              "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use "
              "sys.set_int_max_str_digits() to increase the limit",
              int_max_str_digits, digits.size());
  if (digits.size() <= 10) {
    int64_t v = 0;
    for (char c : digits) v = v * b + digit_value(c);
    return int_from_i64(neg ? -v : v);
  }
  Mpz z;
  mpz_set_str(z.z, digits.c_str(), b);
  if (neg) mpz_neg(z.z, z.z);
  return int_from_mpz(z.z);
}

std::string int_digits(Value v, int base) {
  if (!is_bigint(v)) {
    int64_t i = small_value(v);
    if (base == 10) return std::to_string(i);
    uint64_t m = i < 0 ? uint64_t(-i) : uint64_t(i);
    char buf[72];
    char* p = buf + sizeof buf;
    do {
      *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[m % base];
      m /= base;
    } while (m);
    if (i < 0) *--p = '-';
    return std::string(p, buf + sizeof buf - p);
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  if (base == 10 && int_max_str_digits > 0) {
    // CPython checks the size before converting (a cheap estimate, then the exact count).
    size_t est = mpz_sizeinbase(z, 10);
    if (int64_t(est) > int_max_str_digits + 1 ||
        (int64_t(est) > int_max_str_digits && [&] {
          Mpz lim;
          mpz_ui_pow_ui(lim.z, 10, int_max_str_digits);
          return mpz_cmpabs(z, lim.z) >= 0;
        }()))
      raise_fmt(&exc_ValueError,
                "Exceeds the limit ({} digits) for integer string conversion; use "
                "sys.set_int_max_str_digits() to increase the limit",
                int_max_str_digits);
  }
  std::string out(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(out.data(), base, z);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string int_to_string(Value v, int base) {
  std::string d = int_digits(v, base);
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  if (!*prefix) return d;
  if (d[0] == '-') return "-" + std::string(prefix) + d.substr(1);
  return prefix + d;
}

Value int_repr(Value v) { return str_value(int_digits(v, 10)); }

// ---- hash and comparison ----------------------------------------------------------------

int64_t int_hash(Value v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  int64_t h;
  if (!is_bigint(v)) {
    h = small_value(v);  // |small| < 2**61 - 1
  } else {
    mpz_srcptr z = v.as<BigInt>()->z;
    h = int64_t(mpz_tdiv_ui(z, kModulus));
    if (mpz_sgn(z) < 0) h = -h;
  }
  return h == -1 ? -2 : h;
}

int int_compare_double(Value i, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (!is_bigint(i)) {
    double x = double(small_value(i));  // exact: |small| < 2**53
    return x < d ? -1 : x > d ? 1 : 0;
  }
  Mpz t;
  double whole = std::trunc(d);
  mpz_set_d(t.z, whole);
  int c = mpz_cmp(i.as<BigInt>()->z, t.z);
  if (c != 0) return c < 0 ? -1 : 1;
  double frac = d - whole;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static bool cmp_result(int c, CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return c < 0;
    case CmpOp::Le: return c <= 0;
    case CmpOp::Eq: return c == 0;
    case CmpOp::Ne: return c != 0;
    case CmpOp::Gt: return c > 0;
    case CmpOp::Ge: return c >= 0;
  }
  return false;
}

Value int_richcompare(Value a, Value b, CmpOp op) {
  if (!int_check(a)) return NotImplemented();
  int c;
  if (int_check(b)) {
    if (!is_bigint(a) && !is_bigint(b)) {
      int64_t x = small_value(a), y = small_value(b);
      c = x < y ? -1 : x > y;
    } else {
      MpzView x(a), y(b);
      c = mpz_cmp(x.get(), y.get());
    }
  } else if (b.is_double()) {
    c = int_compare_double(a, b.as_double());
    if (c == 2) return from_bool(op == CmpOp::Ne);
  } else {
    return NotImplemented();
  }
  return from_bool(cmp_result(c, op));
}

// ---- arithmetic -------------------------------------------------------------------------

// True division of two ints, correctly rounded.
static Value int_truediv(Value a, Value b) {
  if (!is_bigint(a) && !is_bigint(b)) {
    int64_t y = small_value(b);
    if (y == 0) raise_msg(&exc_ZeroDivisionError, "division by zero");
    return Value::from_double(double(small_value(a)) / double(y));
  }
  MpzView x(a), y(b);
  if (mpz_sgn(y.get()) == 0) raise_msg(&exc_ZeroDivisionError, "division by zero");
  bool neg = (mpz_sgn(x.get()) < 0) != (mpz_sgn(y.get()) < 0);
  if (mpz_sgn(x.get()) == 0) return Value::from_double(neg ? -0.0 : 0.0);
  int64_t diff = int64_t(mpz_sizeinbase(x.get(), 2)) - int64_t(mpz_sizeinbase(y.get(), 2));
  if (diff > 1025) raise_msg(&exc_OverflowError, "integer division result too large for a float");
  if (diff < -1130) return Value::from_double(neg ? -0.0 : 0.0);
  // q = floor(|x| * 2**s / |y|) has 63 or 64 bits.
  int64_t s = 63 - diff;
  Mpz num, den, q, r;
  mpz_abs(num.z, x.get());
  mpz_abs(den.z, y.get());
  if (s >= 0)
    mpz_mul_2exp(num.z, num.z, s);
  else
    mpz_mul_2exp(den.z, den.z, -s);
  mpz_tdiv_qr(q.z, r.z, num.z, den.z);
  double d = round_scaled(mpz_get_ui(q.z), mpz_sgn(r.z) != 0, s);
  if (std::isinf(d)) raise_msg(&exc_OverflowError, "integer division result too large for a float");
  return Value::from_double(neg ? -d : d);
}

// Integer power with a non-negative exponent.
static Value int_pow(Value a, Value b) {
  int64_t e;
  if (!int_to_i64(b, &e) || e > int64_t(1) << 40) {
    MpzView x(a);
    if (mpz_cmpabs_ui(x.get(), 1) <= 0) {
      if (mpz_sgn(x.get()) >= 0) return int_from_i64(mpz_sgn(x.get()));
      MpzView y(b);
      return int_from_i64(mpz_odd_p(y.get()) ? -1 : 1);
    }
    raise_memory_error();
  }
  if (!is_bigint(a)) {
    int64_t base = small_value(a), result = 1;
    int64_t x = base, n = e;
    bool ok = true;
    while (n > 0) {
      if ((n & 1) && __builtin_mul_overflow(result, x, &result)) {
        ok = false;
        break;
      }
      n >>= 1;
      if (n > 0 && __builtin_mul_overflow(x, x, &x)) {
        ok = false;
        break;
      }
    }
    if (ok) return int_from_i64(result);
  }
  // GMP sizes the result as bits(a) * e.
  uint64_t bits = int_bits(a);
  if (bits > 1) {
    if (uint64_t(e) > kMaxIntBits / bits) raise_memory_error();
    check_int_bits(bits * uint64_t(e));
  }
  MpzView x(a);
  Mpz r;
  mpz_pow_ui(r.z, x.get(), (unsigned long)e);
  return int_from_mpz(r.z);
}

// Modular power pow(a, b, m) for ints, as CPython's long_pow with a modulus.
static Value int_powmod(Value a, Value b, Value m) {
  MpzView x(a), y(b), md(m);
  if (mpz_sgn(md.get()) == 0) raise_msg(&exc_ValueError, "pow() 3rd argument cannot be 0");
  Mpz mod, base, r;
  mpz_abs(mod.z, md.get());
  mpz_set(base.z, x.get());
  Mpz exp;
  mpz_set(exp.z, y.get());
  if (mpz_sgn(exp.z) < 0) {
    mpz_mod(base.z, base.z, mod.z);
    if (mpz_cmp_ui(mod.z, 1) == 0 ? false : !mpz_invert(base.z, base.z, mod.z))
      raise_msg(&exc_ValueError, "base is not invertible for the given modulus");
    mpz_neg(exp.z, exp.z);
  }
  if (mpz_cmp_ui(mod.z, 1) == 0)
    mpz_set_ui(r.z, 0);
  else
    mpz_powm(r.z, base.z, exp.z, mod.z);
  if (mpz_sgn(md.get()) < 0 && mpz_sgn(r.z) != 0) mpz_add(r.z, r.z, md.get());
  return int_from_mpz(r.z);
}

// The error of [a] << [count] for a nonzero [a] and a count past 2**63 - 1, as CPython's
// long_lshift: OverflowError "too many digits in integer" when the result would have more
// 30-bit digits than a CPython int can (MAX_LONG_DIGITS, 2**61 - 7; a shift count whose digit
// count does not fit in an index is clipped to 2**61 - 1 digits), else the MemoryError of the
// allocation that fails.
[[noreturn]] static void raise_huge_shift(Value a, mpz_srcptr count) {
  constexpr uint64_t kMaxDigits = (uint64_t(1) << 61) - 7;
  Mpz q;
  unsigned long rem = mpz_fdiv_q_ui(q.z, count, 30);
  uint64_t digits = (int_bits(a) + 29) / 30;
  if (mpz_cmp_ui(q.z, (uint64_t(1) << 61) - 1) >= 0 || digits + mpz_get_ui(q.z) + (rem != 0) > kMaxDigits)
    raise_msg(&exc_OverflowError, "too many digits in integer");
  raise_memory_error();
}

// Shifts: [left] selects <<.
static Value int_shift(Value a, Value b, bool left) {
  MpzView count(b);
  if (mpz_sgn(count.get()) < 0) raise_msg(&exc_ValueError, "negative shift count");
  bool a_small = !is_bigint(a);
  int64_t x = a_small ? small_value(a) : 0;
  if (a_small && x == 0) return Value::from_int(0);
  if (!mpz_fits_slong_p(count.get())) {
    if (left) raise_huge_shift(a, count.get());
    MpzView v(a);
    return Value::from_int(mpz_sgn(v.get()) < 0 ? -1 : 0);
  }
  long s = mpz_get_si(count.get());
  if (a_small) {
    if (!left) return Value::from_int(s >= 63 ? (x < 0 ? -1 : 0) : x >> s);
    if (s <= 13) return int_from_i64(int64_t(uint64_t(x) << s));
  }
  MpzView v(a);
  Mpz r;
  if (left) {
    check_int_bits(int_bits(a) + uint64_t(s));
    mpz_mul_2exp(r.z, v.get(), s);
  } else {
    mpz_fdiv_q_2exp(r.z, v.get(), s);
  }
  return int_from_mpz(r.z);
}

// Arithmetic on two int-like values through GMP (the slow path).
static Value int_binop_big(Value a, Value b, BinOp op) {
  MpzView x(a), y(b);
  Mpz r;
  switch (op) {
    case BinOp::Add: mpz_add(r.z, x.get(), y.get()); break;
    case BinOp::Sub: mpz_sub(r.z, x.get(), y.get()); break;
    case BinOp::Mul:
      check_int_bits(int_bits(a) + int_bits(b));
      mpz_mul(r.z, x.get(), y.get());
      break;
    case BinOp::FloorDiv:
      if (mpz_sgn(y.get()) == 0) raise_msg(&exc_ZeroDivisionError, "integer division or modulo by zero");
      mpz_fdiv_q(r.z, x.get(), y.get());
      break;
    case BinOp::Mod:
      if (mpz_sgn(y.get()) == 0) raise_msg(&exc_ZeroDivisionError, "integer modulo by zero");
      mpz_fdiv_r(r.z, x.get(), y.get());
      break;
    case BinOp::And: mpz_and(r.z, x.get(), y.get()); break;
    case BinOp::Or: mpz_ior(r.z, x.get(), y.get()); break;
    case BinOp::Xor: mpz_xor(r.z, x.get(), y.get()); break;
    default: return NotImplemented();
  }
  return int_from_mpz(r.z);
}

static Value float_pow_of_ints(Value a, Value b) {
  double x = is_bigint(a) ? mpz_to_double(a.as<BigInt>()->z) : double(small_value(a));
  double y = is_bigint(b) ? mpz_to_double(b.as<BigInt>()->z) : double(small_value(b));
  return float_pow(x, y);
}

Value int_binop(Value a, Value b, BinOp op, bool) {
  if (!int_check(a) || !int_check(b)) return NotImplemented();
  switch (op) {
    case BinOp::TrueDiv: return int_truediv(a, b);
    case BinOp::Pow: {
      bool neg_exp = is_bigint(b) ? mpz_sgn(b.as<BigInt>()->z) < 0 : small_value(b) < 0;
      return neg_exp ? float_pow_of_ints(a, b) : int_pow(a, b);
    }
    case BinOp::LShift: return int_shift(a, b, true);
    case BinOp::RShift: return int_shift(a, b, false);
    case BinOp::MatMul: return NotImplemented();
    default: break;
  }
  if (is_bigint(a) || is_bigint(b)) return int_binop_big(a, b, op);
  int64_t x = small_value(a), y = small_value(b), r;
  switch (op) {
    case BinOp::Add: return int_from_i64(x + y);
    case BinOp::Sub: return int_from_i64(x - y);
    case BinOp::Mul:
      if (__builtin_mul_overflow(x, y, &r)) return int_binop_big(a, b, op);
      return int_from_i64(r);
    case BinOp::FloorDiv: {
      if (y == 0) raise_msg(&exc_ZeroDivisionError, "integer division or modulo by zero");
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
      return int_from_i64(q);
    }
    case BinOp::Mod: {
      if (y == 0) raise_msg(&exc_ZeroDivisionError, "integer modulo by zero");
      int64_t m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      return Value::from_int(m);
    }
    case BinOp::And: return Value::from_int(x & y);
    case BinOp::Or: return Value::from_int(x | y);
    case BinOp::Xor: return Value::from_int(x ^ y);
    default: return NotImplemented();
  }
}

Value int_unary(Value a, UnaryOp op) {
  if (!is_bigint(a)) {
    int64_t x = small_value(a);
    switch (op) {
      case UnaryOp::Neg: return int_from_i64(-x);
      case UnaryOp::Pos: return Value::from_int(x);
      case UnaryOp::Invert: return Value::from_int(~x);
    }
  }
  mpz_srcptr z = a.as<BigInt>()->z;
  Mpz r;
  switch (op) {
    case UnaryOp::Neg: mpz_neg(r.z, z); break;
    case UnaryOp::Pos: mpz_set(r.z, z); break;
    case UnaryOp::Invert: mpz_com(r.z, z); break;
  }
  return int_from_mpz(r.z);
}

// ---- the numeric built-ins --------------------------------------------------------------

Value number_pow(Value a, Value b, Value mod) {
  if (mod.is_null() || mod == None()) return binary_op(a, b, BinOp::Pow);
  if (!int_check(a) || !int_check(b) || !int_check(mod))
    raise_msg(&exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return int_powmod(a, b, mod);
}

Value number_divmod(Value a, Value b) {
  Ref q, r;
  if (int_check(a) && int_check(b)) {
    bool zero = is_bigint(b) ? false : small_value(b) == 0;
    if (zero) raise_msg(&exc_ZeroDivisionError, "integer division or modulo by zero");
    q = Ref::steal(int_binop(a, b, BinOp::FloorDiv, false));
    r = Ref::steal(int_binop(a, b, BinOp::Mod, false));
  } else {
    double x, y;
    if (!as_double(a, &x) || !as_double(b, &y) || !(a.is_double() || b.is_double()))
      raise_fmt(&exc_TypeError, "unsupported operand type(s) for divmod(): '{}' and '{}'", type_name(a),
                type_name(b));
    if (y == 0.0) raise_msg(&exc_ZeroDivisionError, "float divmod()");
    q = Ref::steal(Value::from_double(float_floordiv(x, y)));
    r = Ref::steal(Value::from_double(float_mod(x, y)));
  }
  Tuple* t = tuple_new(2);
  t->items()[0] = q.release();
  t->items()[1] = r.release();
  return Value::from_obj(t);
}

Value number_abs(Value v) {
  if (v.is_double()) return Value::from_double(std::fabs(v.as_double()));
  if (!int_check(v)) raise_fmt(&exc_TypeError, "bad operand type for abs(): '{}'", type_name(v));
  if (!is_bigint(v)) return int_from_i64(std::abs(small_value(v)));
  if (mpz_sgn(v.as<BigInt>()->z) > 0) {
    incref(v);
    return v;
  }
  return int_unary(v, UnaryOp::Neg);
}

// round(int, ndigits): ties to even at a negative number of digits.
static Value int_round(Value x, Value ndigits) {
  if (ndigits.is_null() || ndigits == None()) return int_unary(x, UnaryOp::Pos);
  if (!int_check(ndigits))
    raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(ndigits));
  int64_t n;
  bool fits = int_to_i64(ndigits, &n);
  MpzView nd(ndigits);
  if (mpz_sgn(nd.get()) >= 0) return int_unary(x, UnaryOp::Pos);
  if (!fits) return Value::from_int(0);
  if (n < -100000) {
    MpzView v(x);
    if (int64_t(mpz_sizeinbase(v.get(), 10)) < -n) return Value::from_int(0);
  }
  Mpz pow10, q, r, twice;
  mpz_ui_pow_ui(pow10.z, 10, (unsigned long)(-n));
  MpzView v(x);
  mpz_fdiv_qr(q.z, r.z, v.get(), pow10.z);
  mpz_mul_2exp(twice.z, r.z, 1);
  int c = mpz_cmp(twice.z, pow10.z);
  if (c > 0 || (c == 0 && mpz_odd_p(q.z))) mpz_add_ui(q.z, q.z, 1);
  mpz_mul(q.z, q.z, pow10.z);
  return int_from_mpz(q.z);
}

Value number_round(Value x, Value ndigits) {
  if (x.is_double()) return float_round(x.as_double(), ndigits);
  if (int_check(x)) return int_round(x, ndigits);
  raise_fmt(&exc_TypeError, "type {} doesn't define __round__ method", type_name(x));
}

// ---- the type ---------------------------------------------------------------------------

static int64_t int_hash_slot(Value v) { return int_hash(v); }

static bool int_truthy(Value v) {
  if (!is_bigint(v)) return small_value(v) != 0;
  return true;
}

// Calls a dunder of a user object's type that converts it to int (__int__, __index__,
// __trunc__); null when the type has none.
static Value call_int_dunder(Value x) {
  for (const char* name : {"__int__", "__index__", "__trunc__"}) {
    Value f = type_lookup(type_of(x), str_intern(name));
    if (f.is_null()) continue;
    Ref r = Ref::steal(call1(f, x));
    if (!int_check(r.get()))
      raise_fmt(&exc_TypeError, "{} returned non-int (type {})", name, type_name(r.get()));
    return int_unary(r.get(), UnaryOp::Pos);
  }
  return Value::null();
}

// int(), int(x), int(x, base).
static Value int_construct(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  Value x = Value::null(), base = Value::null();
  if (nargs > 2) raise_fmt(&exc_TypeError, "int() takes at most 2 arguments ({} given)", nargs + nkw);
  if (nargs >= 1) x = args[0];
  if (nargs == 2) base = args[1];
  for (size_t i = 0; i < nkw; i++) {
    std::string_view k = as_str(kwnames->item(i))->view();
    if (k == "base" && base.is_null()) {
      base = args[nargs + i];
    } else if (k == "base") {
      raise_msg(&exc_TypeError, "argument for int() given by name ('base') and position (2)");
    } else {
      raise_fmt(&exc_TypeError, "'{}' is an invalid keyword argument for int()", k);
    }
  }
  if (x.is_null()) {
    if (!base.is_null()) raise_msg(&exc_TypeError, "int() missing string argument");
    return Value::from_int(0);
  }
  if (!base.is_null()) {
    int64_t b = index_value(base);
    if (!str_check(x)) raise_msg(&exc_TypeError, "int() can't convert non-string with explicit base");
    if (b != 0 && (b < 2 || b > 36)) raise_msg(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    return int_from_string(as_str(x)->view(), int(b));
  }
  if (int_check(x)) return int_unary(x, UnaryOp::Pos);
  if (x.is_double()) return int_from_double(x.as_double());
  if (str_check(x)) return int_from_string(as_str(x)->view(), 10);
  Value r = call_int_dunder(x);
  if (!r.is_null()) return r;
  raise_fmt(&exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(x));
}

// The int attributes that are data descriptors in CPython: real, imag, numerator, denominator.
static Value int_getattr(Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real" || n == "numerator") return int_unary(self, UnaryOp::Pos);
  if (n == "imag") return Value::from_int(0);
  if (n == "denominator") return Value::from_int(1);
  return generic_getattr(self, name);
}

// Checks that a method got exactly [want] arguments besides self.
static void check_args(const char* name, size_t nargs, Tuple* kwnames, size_t want) {
  no_kwargs(name, kwnames);
  if (nargs != want + 1) {
    if (want == 0) raise_fmt(&exc_TypeError, "{}() takes no arguments ({} given)", name, nargs - 1);
    raise_fmt(&exc_TypeError, "{}() takes exactly one argument ({} given)", name, nargs - 1);
  }
}

static Value int_bit_length(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("bit_length", nargs, kwnames, 0);
  Value v = args[0];
  if (!is_bigint(v)) {
    int64_t x = small_value(v);
    uint64_t m = x < 0 ? uint64_t(-x) : uint64_t(x);
    return Value::from_int(m == 0 ? 0 : 64 - __builtin_clzll(m));
  }
  return int_from_i64(int64_t(mpz_sizeinbase(v.as<BigInt>()->z, 2)));
}

static Value int_bit_count(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("bit_count", nargs, kwnames, 0);
  Value v = args[0];
  if (!is_bigint(v)) {
    int64_t x = small_value(v);
    return Value::from_int(__builtin_popcountll(x < 0 ? uint64_t(-x) : uint64_t(x)));
  }
  Mpz a;
  mpz_abs(a.z, v.as<BigInt>()->z);
  return int_from_i64(int64_t(mpz_popcount(a.z)));
}

static Value int_conjugate(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("conjugate", nargs, kwnames, 0);
  return int_unary(args[0], UnaryOp::Pos);
}

static Value int_as_integer_ratio(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("as_integer_ratio", nargs, kwnames, 0);
  Tuple* t = tuple_new(2);
  t->items()[0] = int_unary(args[0], UnaryOp::Pos);
  t->items()[1] = Value::from_int(1);
  return Value::from_obj(t);
}

static Value int_format_method(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__format__", nargs, kwnames, 1);
  if (!str_check(args[1]))
    raise_fmt(&exc_TypeError, "__format__() argument must be str, not {}", type_name(args[1]));
  return format_value(args[0], as_str(args[1])->view());
}

static Value int_index_method(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__index__", nargs, kwnames, 0);
  return int_unary(args[0], UnaryOp::Pos);
}

// ---- numeric dunders called directly (int and float) -------------------------------------
// abs(), int(), float(), divmod(), round() and math's floor/ceil/trunc handle numbers without
// a method call; these make (7).__abs__() and float.__divmod__(x, y) work too.

bool number_peer(Value self, Value v) {
  return int_check(v) || (self.is_double() && v.is_double());
}

static Value num_abs(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__abs__", nargs, kwnames, 0);
  return number_abs(args[0]);
}

static Value num_int(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__int__", nargs, kwnames, 0);
  if (int_check(args[0])) return int_unary(args[0], UnaryOp::Pos);
  return int_from_double(float_from_value(args[0]));
}

static Value num_float(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__float__", nargs, kwnames, 0);
  return Value::from_double(float_from_value(args[0]));
}

static Value num_divmod(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__divmod__", nargs, kwnames, 1);
  if (!number_peer(args[0], args[1])) return NotImplemented();
  return number_divmod(args[0], args[1]);
}

static Value num_rdivmod(const Value* args, size_t nargs, Tuple* kwnames) {
  check_args("__rdivmod__", nargs, kwnames, 1);
  if (!number_peer(args[0], args[1])) return NotImplemented();
  return number_divmod(args[1], args[0]);
}

static Value num_round(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("__round__", kwnames);
  if (nargs > 2)
    raise_fmt(&exc_TypeError, "__round__ expected at most 1 argument, got {}", nargs - 1);
  return number_round(args[0], nargs == 2 ? args[1] : Value::null());
}

// __trunc__, __floor__, __ceil__: the int itself, or the float rounded by [f].
static Value num_rounding(const char* name, const Value* args, size_t nargs, Tuple* kwnames,
                          double (*f)(double)) {
  check_args(name, nargs, kwnames, 0);
  if (int_check(args[0])) return int_unary(args[0], UnaryOp::Pos);
  return int_from_double(f(float_from_value(args[0])));
}
static Value num_trunc(const Value* args, size_t nargs, Tuple* kwnames) {
  return num_rounding("__trunc__", args, nargs, kwnames, [](double d) { return std::trunc(d); });
}
static Value num_floor(const Value* args, size_t nargs, Tuple* kwnames) {
  return num_rounding("__floor__", args, nargs, kwnames, [](double d) { return std::floor(d); });
}
static Value num_ceil(const Value* args, size_t nargs, Tuple* kwnames) {
  return num_rounding("__ceil__", args, nargs, kwnames, [](double d) { return std::ceil(d); });
}

static void add_number_methods(Type* t) {
  type_add_method(t, "__abs__", num_abs);
  type_add_method(t, "__int__", num_int);
  type_add_method(t, "__float__", num_float);
  type_add_method(t, "__divmod__", num_divmod);
  type_add_method(t, "__rdivmod__", num_rdivmod);
  type_add_method(t, "__round__", num_round);
  type_add_method(t, "__trunc__", num_trunc);
  type_add_method(t, "__floor__", num_floor);
  type_add_method(t, "__ceil__", num_ceil);
}

// Fills the slots of int and registers its methods, then bool and float.
void init_number_types() {
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
  Type* t = &int_type;
  init_static_immortal(*t);
  t->type = &type_type;
  t->name = "int";
  t->base = &object_type;
  t->flags = kTypeBaseType | kTypeIntSubclass;
  t->basicsize = sizeof(BigInt);
  t->dealloc = bigint_dealloc;
  t->repr = int_repr;
  t->hash = int_hash_slot;
  t->richcompare = int_richcompare;
  t->truthy = int_truthy;
  t->getattr = int_getattr;
  t->binop = int_binop;
  t->unary = int_unary;
  t->construct = int_construct;
  type_ready(t);
  type_add_method(t, "bit_length", int_bit_length);
  type_add_method(t, "bit_count", int_bit_count);
  type_add_method(t, "conjugate", int_conjugate);
  type_add_method(t, "as_integer_ratio", int_as_integer_ratio);
  type_add_method(t, "__format__", int_format_method);
  type_add_method(t, "__index__", int_index_method);
  add_number_methods(t);
  init_bool_type();
  init_float_type();
  add_number_methods(&float_type);
}

}  // namespace rt
