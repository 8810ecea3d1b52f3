// The math module: CPython's functions and constants on floats and ints, with its error
// messages ("math domain error", "math range error"). Integer functions (factorial, comb,
// perm, isqrt, gcd, lcm) are exact on big ints through GMP.
#include <cmath>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/int.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

namespace rt {

namespace {

[[noreturn]] void domain_error() { raise_msg(&exc_ValueError, "math domain error"); }
[[noreturn]] void range_error() { raise_msg(&exc_OverflowError, "math range error"); }

// The int value of [v], or TypeError "'float' object cannot be interpreted as an integer".
void require_int(Value v) {
  if (int_check(v)) return;
  raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
}

// CPython's math_1: applies [f] to the float value of the single argument, turning NaN
// results into "math domain error" and infinities into a range ([can_overflow]) or domain
// error.
Value math_1(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, double (*f)(double),
             bool can_overflow) {
  check_meth_o(fname, nargs, kwnames);
  double x = float_from_value(args[0]);
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) range_error();
    domain_error();
  }
  return Value::from_double(r);
}

#define MATH_FUNC1(NAME, FN, OVF)                                         \
  Value m_##NAME(const Value* args, size_t nargs, Tuple* kwnames) {       \
    return math_1("math." #NAME, args, nargs, kwnames, FN, OVF);          \
  }

double d_sqrt(double x) { return std::sqrt(x); }
double d_exp(double x) { return std::exp(x); }
double d_expm1(double x) { return std::expm1(x); }
double d_sin(double x) { return std::sin(x); }
double d_cos(double x) { return std::cos(x); }
double d_tan(double x) { return std::tan(x); }
double d_asin(double x) { return std::asin(x); }
double d_acos(double x) { return std::acos(x); }
double d_atan(double x) { return std::atan(x); }
double d_sinh(double x) { return std::sinh(x); }
double d_cosh(double x) { return std::cosh(x); }
double d_tanh(double x) { return std::tanh(x); }
double d_asinh(double x) { return std::asinh(x); }
double d_acosh(double x) { return std::acosh(x); }
double d_atanh(double x) { return std::atanh(x); }
double d_fabs(double x) { return std::fabs(x); }
double d_degrees(double x) { return x * (180.0 / M_PI); }
double d_radians(double x) { return x * (M_PI / 180.0); }
double d_erf(double x) { return std::erf(x); }
double d_erfc(double x) { return std::erfc(x); }
double d_gamma(double x) {
  if (x <= 0 && x == std::floor(x)) return NAN;
  return std::tgamma(x);
}
double d_lgamma(double x) {
  if (x <= 0 && x == std::floor(x)) return INFINITY;
  return std::lgamma(x);
}

MATH_FUNC1(sqrt, d_sqrt, false)
MATH_FUNC1(exp, d_exp, true)
MATH_FUNC1(expm1, d_expm1, true)
MATH_FUNC1(sin, d_sin, false)
MATH_FUNC1(cos, d_cos, false)
MATH_FUNC1(tan, d_tan, false)
MATH_FUNC1(asin, d_asin, false)
MATH_FUNC1(acos, d_acos, false)
MATH_FUNC1(atan, d_atan, false)
MATH_FUNC1(sinh, d_sinh, true)
MATH_FUNC1(cosh, d_cosh, true)
MATH_FUNC1(tanh, d_tanh, false)
MATH_FUNC1(asinh, d_asinh, false)
MATH_FUNC1(acosh, d_acosh, false)
MATH_FUNC1(atanh, d_atanh, false)
MATH_FUNC1(fabs, d_fabs, false)
MATH_FUNC1(degrees, d_degrees, true)
MATH_FUNC1(radians, d_radians, false)
MATH_FUNC1(erf, d_erf, false)
MATH_FUNC1(erfc, d_erfc, false)
MATH_FUNC1(gamma, d_gamma, true)
MATH_FUNC1(lgamma, d_lgamma, true)

// [f] of [v] (a log function); ints too large for a double go through frexp, as CPython's
// loghelper.
double log_of(Value v, double (*f)(double)) {
  if (is_bigint(v) && mpz_sizeinbase(v.as<BigInt>()->z, 2) >= 1024) {
    mpz_srcptr z = v.as<BigInt>()->z;
    if (mpz_sgn(z) <= 0) domain_error();
    long e;
    double d = mpz_get_d_2exp(&e, z);
    return f(d) + double(e) * f(2.0);
  }
  double x = float_from_value(v);
  if (std::isnan(x)) return x;
  if (x <= 0) domain_error();
  if (std::isinf(x)) return x;
  return f(x);
}
double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

Value m_log(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("log", kwnames);
  check_positional("log", nargs, 1, 2);
  double num = log_of(args[0], ln);
  if (nargs == 1) return Value::from_double(num);
  double den = log_of(args[1], ln);
  if (den == 0) raise_msg(&exc_ZeroDivisionError, "float division by zero");
  return Value::from_double(num / den);
}
Value m_log2(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.log2", nargs, kwnames);
  return Value::from_double(log_of(args[0], lg2));
}
Value m_log10(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.log10", nargs, kwnames);
  return Value::from_double(log_of(args[0], lg10));
}
Value m_log1p(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.log1p", nargs, kwnames);
  double x = float_from_value(args[0]);
  if (x <= -1) domain_error();
  return Value::from_double(std::log1p(x));
}

// Two float arguments, positional only.
void two_floats(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, double* x, double* y) {
  no_kwargs(fname, kwnames);
  check_positional(fname, nargs, 2, 2);
  *x = float_from_value(args[0]);
  *y = float_from_value(args[1]);
}

Value m_pow(const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  two_floats("pow", args, nargs, kwnames, &x, &y);
  double r = std::pow(x, y);
  if (std::isfinite(x) && std::isfinite(y)) {
    if (std::isnan(r)) domain_error();
    if (std::isinf(r)) {
      if (x == 0) domain_error();
      range_error();
    }
  }
  return Value::from_double(r);
}

Value m_atan2(const Value* args, size_t nargs, Tuple* kwnames) {
  double y, x;
  two_floats("atan2", args, nargs, kwnames, &y, &x);
  return Value::from_double(std::atan2(y, x));
}

Value m_fmod(const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  two_floats("fmod", args, nargs, kwnames, &x, &y);
  if (std::isinf(y) && std::isfinite(x)) return Value::from_double(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
  return Value::from_double(r);
}

Value m_copysign(const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  two_floats("copysign", args, nargs, kwnames, &x, &y);
  return Value::from_double(std::copysign(x, y));
}

Value m_remainder(const Value* args, size_t nargs, Tuple* kwnames) {
  double x, y;
  two_floats("remainder", args, nargs, kwnames, &x, &y);
  if (std::isinf(x) || y == 0) {
    if (!std::isnan(x) && !std::isnan(y)) domain_error();
  }
  return Value::from_double(std::remainder(x, y));
}

Value m_ldexp(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("ldexp", kwnames);
  check_positional("ldexp", nargs, 2, 2);
  double x = float_from_value(args[0]);
  if (!int_check(args[1])) raise_msg(&exc_TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_i64(args[1], &e)) e = mpz_sgn(MpzView(args[1]).get()) > 0 ? INT32_MAX : INT32_MIN;
  if (e > INT32_MAX) e = INT32_MAX;
  if (e < INT32_MIN) e = INT32_MIN;
  double r = std::ldexp(x, int(e));
  if (std::isinf(r) && std::isfinite(x)) range_error();
  return Value::from_double(r);
}

Value m_frexp(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.frexp", nargs, kwnames);
  double x = float_from_value(args[0]);
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
  Tuple* t = tuple_new(2);
  t->items()[0] = Value::from_double(m);
  t->items()[1] = Value::from_int(e);
  return Value::from_obj(t);
}

Value m_modf(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.modf", nargs, kwnames);
  double x = float_from_value(args[0]);
  double ip;
  double fp = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &ip);
  if (std::isinf(x)) ip = x;
  Tuple* t = tuple_new(2);
  t->items()[0] = Value::from_double(fp);
  t->items()[1] = Value::from_double(ip);
  return Value::from_obj(t);
}

// floor/ceil/trunc: ints come back as themselves; floats become ints; user objects use
// __floor__/__ceil__/__trunc__.
Value rounding(const char* fname, const char* dunder, const Value* args, size_t nargs, Tuple* kwnames,
               double (*f)(double)) {
  check_meth_o(fname, nargs, kwnames);
  Value v = args[0];
  if (v.is_double()) return int_from_double(f(v.as_double()));
  if (int_check(v)) {
    if (is_bool(v)) return Value::from_int(small_value(v));
    incref(v);
    return v;
  }
  Value m = type_lookup(type_of(v), str_intern(dunder));
  if (!m.is_null()) {
    Ref bound = Ref::steal(getattr(v, str_intern(dunder)));
    return call0(bound.get());
  }
  if (std::string_view(dunder) == "__trunc__")
    raise_fmt(&exc_TypeError, "type {} doesn't define __trunc__ method", type_name(v));
  return int_from_double(f(float_from_value(v)));
}
double d_floor(double x) { return std::floor(x); }
double d_ceil(double x) { return std::ceil(x); }
double d_trunc(double x) { return std::trunc(x); }
Value m_floor(const Value* args, size_t nargs, Tuple* kwnames) {
  return rounding("math.floor", "__floor__", args, nargs, kwnames, d_floor);
}
Value m_ceil(const Value* args, size_t nargs, Tuple* kwnames) {
  return rounding("math.ceil", "__ceil__", args, nargs, kwnames, d_ceil);
}
Value m_trunc(const Value* args, size_t nargs, Tuple* kwnames) {
  return rounding("math.trunc", "__trunc__", args, nargs, kwnames, d_trunc);
}

Value m_isnan(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.isnan", nargs, kwnames);
  return from_bool(std::isnan(float_from_value(args[0])));
}
Value m_isinf(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.isinf", nargs, kwnames);
  return from_bool(std::isinf(float_from_value(args[0])));
}
Value m_isfinite(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.isfinite", nargs, kwnames);
  return from_bool(std::isfinite(float_from_value(args[0])));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Value m_isclose(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  clinic_args("isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 0, 2, a);
  if (nargs > 2) raise_fmt(&exc_TypeError, "isclose() takes exactly 2 positional arguments ({} given)", nargs);
  double x = float_from_value(a[0]), y = float_from_value(a[1]);
  double rel = a[2].is_null() ? 1e-9 : float_from_value(a[2]);
  double abs_tol = a[3].is_null() ? 0.0 : float_from_value(a[3]);
  if (rel < 0.0 || abs_tol < 0.0) raise_msg(&exc_ValueError, "tolerances must be non-negative");
  if (x == y) return True();
  if (std::isinf(x) || std::isinf(y)) return False();
  double diff = std::fabs(y - x);
  return from_bool((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
}

// hypot(*coordinates), scaled to avoid overflow.
Value m_hypot(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("hypot", kwnames);
  double r = 0;
  bool nan = false, inf = false;
  for (size_t i = 0; i < nargs; ++i) {
    double x = float_from_value(args[i]);
    if (std::isinf(x)) inf = true;
    if (std::isnan(x)) nan = true;
    r = std::hypot(r, x);
  }
  if (inf) return Value::from_double(INFINITY);
  if (nan) return Value::from_double(NAN);
  return Value::from_double(r);
}

// dist(p, q): Euclidean distance between two points of the same dimension.
Value m_dist(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("dist", kwnames);
  check_positional("dist", nargs, 2, 2);
  Ref p = Ref::steal(call1(Value::from_obj(&tuple_type), args[0]));
  Ref q = Ref::steal(call1(Value::from_obj(&tuple_type), args[1]));
  Tuple* a = p.as<Tuple>();
  Tuple* b = q.as<Tuple>();
  if (a->size != b->size) raise_msg(&exc_ValueError, "both points must have the same number of dimensions");
  double r = 0;
  for (size_t i = 0; i < a->size; ++i) r = std::hypot(r, float_from_value(a->item(i)) - float_from_value(b->item(i)));
  return Value::from_double(r);
}

// fsum(iterable): Shewchuk's exactly rounded sum of partials, as CPython's math_fsum.
Value m_fsum(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.fsum", nargs, kwnames);
  Ref it = Ref::steal(get_iter(args[0]));
  std::vector<double> p;
  double special = 0.0, inf_sum = 0.0;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) break;
    double x = float_from_value(item.get());
    double xsave = x;
    size_t i = 0;
    for (double y : p) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) raise_msg(&exc_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special != 0.0) {
    if (std::isnan(inf_sum)) raise_msg(&exc_ValueError, "-inf + inf in fsum");
    return Value::from_double(special);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    double lo = 0;
    hi = p[--n];
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Value::from_double(hi);
}

// prod(iterable, *, start=1)
Value m_prod(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("prod", args, nargs, kwnames, {"iterable", "start"}, 0, 1, a);
  if (nargs > 1) raise_fmt(&exc_TypeError, "prod() takes exactly 1 positional argument ({} given)", nargs);
  Ref acc = a[1].is_null() ? Ref::steal(Value::from_int(1)) : Ref::borrow(a[1]);
  Ref it = Ref::steal(get_iter(a[0]));
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) break;
    acc = Ref::steal(binary_op(acc.get(), item.get(), BinOp::Mul));
  }
  return acc.release();
}

// A non-negative int argument that fits an unsigned long (factorial, comb's k).
unsigned long small_nonneg(Value v, const char* neg_msg, const char* big_msg) {
  require_int(v);
  MpzView z(v);
  if (mpz_sgn(z.get()) < 0) raise_msg(&exc_ValueError, neg_msg);
  if (!mpz_fits_ulong_p(z.get())) raise_msg(&exc_OverflowError, big_msg);
  return mpz_get_ui(z.get());
}

Value m_factorial(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.factorial", nargs, kwnames);
  if (args[0].is_double()) raise_msg(&exc_TypeError, "'float' object cannot be interpreted as an integer");
  unsigned long n = small_nonneg(args[0], "factorial() not defined for negative values",
                                 "factorial() argument should not exceed 9223372036854775807");
  Mpz r;
  mpz_fac_ui(r.z, n);
  return int_from_mpz(r.z);
}

Value m_isqrt(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("math.isqrt", nargs, kwnames);
  require_int(args[0]);
  MpzView z(args[0]);
  if (mpz_sgn(z.get()) < 0) raise_msg(&exc_ValueError, "isqrt() argument must be nonnegative");
  Mpz r;
  mpz_sqrt(r.z, z.get());
  return int_from_mpz(r.z);
}

// comb(n, k) and perm(n, k=None).
Value comb_perm(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, bool perm) {
  no_kwargs(fname, kwnames);
  check_positional(fname, nargs, perm ? 1 : 2, 2);
  require_int(args[0]);
  if (nargs == 2 && !(perm && args[1] == None())) require_int(args[1]);
  MpzView n(args[0]);
  if (mpz_sgn(n.get()) < 0) raise_msg(&exc_ValueError, "n must be a non-negative integer");
  Mpz r;
  if (perm && (nargs == 1 || args[1] == None())) {
    if (!mpz_fits_ulong_p(n.get())) raise_msg(&exc_OverflowError, "n must not exceed 9223372036854775807");
    mpz_fac_ui(r.z, mpz_get_ui(n.get()));
    return int_from_mpz(r.z);
  }
  MpzView k(args[1]);
  if (mpz_sgn(k.get()) < 0) raise_msg(&exc_ValueError, "k must be a non-negative integer");
  if (mpz_cmp(k.get(), n.get()) > 0) return Value::from_int(0);
  if (!mpz_fits_ulong_p(k.get())) raise_fmt(&exc_OverflowError, "min(n - k, k) must not exceed {}", INT64_MAX);
  unsigned long kk = mpz_get_ui(k.get());
  if (!perm) {
    mpz_bin_ui(r.z, n.get(), kk);
    return int_from_mpz(r.z);
  }
  mpz_set_ui(r.z, 1);
  Mpz f;
  mpz_set(f.z, n.get());
  for (unsigned long i = 0; i < kk; ++i) {
    mpz_mul(r.z, r.z, f.z);
    mpz_sub_ui(f.z, f.z, 1);
  }
  return int_from_mpz(r.z);
}
Value m_comb(const Value* args, size_t nargs, Tuple* kwnames) { return comb_perm("comb", args, nargs, kwnames, false); }
Value m_perm(const Value* args, size_t nargs, Tuple* kwnames) { return comb_perm("perm", args, nargs, kwnames, true); }

// gcd(*integers) and lcm(*integers).
Value gcd_lcm(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, bool lcm) {
  no_kwargs(fname, kwnames);
  for (size_t i = 0; i < nargs; ++i) require_int(args[i]);
  Mpz r;
  mpz_set_ui(r.z, lcm ? 1 : 0);
  for (size_t i = 0; i < nargs; ++i) {
    MpzView z(args[i]);
    if (lcm) mpz_lcm(r.z, r.z, z.get());
    else mpz_gcd(r.z, r.z, z.get());
  }
  return int_from_mpz(r.z);
}
Value m_gcd(const Value* args, size_t nargs, Tuple* kwnames) { return gcd_lcm("gcd", args, nargs, kwnames, false); }
Value m_lcm(const Value* args, size_t nargs, Tuple* kwnames) { return gcd_lcm("lcm", args, nargs, kwnames, true); }

Module* create_math() {
  Module* m = module_new("math");
  Dict* d = m->dict;
  module_set(d, "pi", Value::from_double(M_PI));
  module_set(d, "e", Value::from_double(M_E));
  module_set(d, "tau", Value::from_double(2 * M_PI));
  module_set(d, "inf", Value::from_double(INFINITY));
  module_set(d, "nan", Value::from_double(NAN));
  static const struct {
    const char* name;
    NativeFn fn;
  } kFuncs[] = {
      {"sqrt", m_sqrt},   {"exp", m_exp},     {"expm1", m_expm1},   {"sin", m_sin},
      {"cos", m_cos},     {"tan", m_tan},     {"asin", m_asin},     {"acos", m_acos},
      {"atan", m_atan},   {"sinh", m_sinh},   {"cosh", m_cosh},     {"tanh", m_tanh},
      {"asinh", m_asinh}, {"acosh", m_acosh}, {"atanh", m_atanh},   {"fabs", m_fabs},
      {"degrees", m_degrees}, {"radians", m_radians}, {"erf", m_erf}, {"erfc", m_erfc},
      {"gamma", m_gamma}, {"lgamma", m_lgamma}, {"log", m_log},     {"log2", m_log2},
      {"log10", m_log10}, {"log1p", m_log1p}, {"pow", m_pow},       {"atan2", m_atan2},
      {"fmod", m_fmod},   {"copysign", m_copysign}, {"remainder", m_remainder},
      {"ldexp", m_ldexp}, {"frexp", m_frexp}, {"modf", m_modf},     {"floor", m_floor},
      {"ceil", m_ceil},   {"trunc", m_trunc}, {"isnan", m_isnan},   {"isinf", m_isinf},
      {"isfinite", m_isfinite}, {"isclose", m_isclose}, {"hypot", m_hypot}, {"dist", m_dist},
      {"fsum", m_fsum},   {"prod", m_prod},   {"factorial", m_factorial}, {"isqrt", m_isqrt},
      {"comb", m_comb},   {"perm", m_perm},   {"gcd", m_gcd},       {"lcm", m_lcm},
  };
  for (const auto& f : kFuncs) add_function(d, f.name, f.fn);
  return m;
}

}  // namespace

void init_math_module() { register_builtin_module("math", create_math); }

}  // namespace rt
