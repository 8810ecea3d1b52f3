// Internals of the int implementation shared by int.cpp, float.cpp, bool.cpp and format.cpp:
// the BigInt layout (a GMP mpz) and helpers to view any int-like value as an mpz.
// Everything here is runtime-internal; the rest of the system uses runtime/objects.h.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>

#include "runtime/objects.h"

namespace rt {

// An int outside the small (50-bit) range. Invariant: [z] never fits a small int.
struct BigInt : Object {
  mpz_t z;
};

// The limit of sys.set_int_max_str_digits (CPython 3.11's default 4300; 0 = no limit).
extern int64_t int_max_str_digits;

inline bool is_bool(Value v) {
  return v.is_obj() && v.as_obj()->type == &bool_type;
}
// True for a BigInt (an int object that is not a bool).
inline bool is_bigint(Value v) {
  return v.is_obj() && v.as_obj()->type != &bool_type &&
         (v.as_obj()->type->flags & kTypeIntSubclass) != 0;
}
// The int value of a small int or a bool (callers check !is_bigint first).
inline int64_t small_value(Value v) {
  if (v.is_int()) return v.as_int();
  return v.as_obj() == &true_object ? 1 : 0;
}

// A read-only mpz view of any int-like value: a BigInt's own mpz, or a stack mpz for a small
// int or bool (no allocation).
class MpzView {
 public:
  explicit MpzView(Value v) {
    if (is_bigint(v)) {
      ptr_ = v.as<BigInt>()->z;
      return;
    }
    int64_t i = small_value(v);
    limb_ = i < 0 ? mp_limb_t(-uint64_t(i)) : mp_limb_t(i);
    mpz_roinit_n(tmp_, &limb_, i < 0 ? -1 : (i == 0 ? 0 : 1));
    ptr_ = tmp_;
  }
  MpzView(const MpzView&) = delete;
  mpz_srcptr get() const { return ptr_; }

 private:
  mp_limb_t limb_ = 0;
  mpz_t tmp_;
  mpz_srcptr ptr_;
};

// An owned mpz with RAII cleanup.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
};

// Moves [z] into a new int value (small when it fits), leaving [z] zero.
Value int_from_mpz(mpz_t z);
// Correctly rounded (half-even) conversion of an mpz to double; raises OverflowError
// "int too large to convert to float".
double mpz_to_double(mpz_srcptr z);
// Exact comparison of an int-like value with a double: -1, 0, 1, or 2 when [d] is NaN.
int int_compare_double(Value i, double d);
// CPython's hash of an int-like value.
int64_t int_hash(Value v);
// Decimal (or other base, no prefix) digits of an int-like value, with '-' if negative.
std::string int_digits(Value v, int base);
// Python's int(float): truncates; raises OverflowError/ValueError for inf/nan.
Value int_from_double(double d);

// The int and float slots, shared by bool (which inherits int's behaviour).
Value int_binop(Value a, Value b, BinOp op, bool inplace);
Value int_richcompare(Value a, Value b, CmpOp op);
Value int_unary(Value a, UnaryOp op);
Value int_repr(Value v);

// float helpers for format.cpp and int.cpp.
Value float_pow(double a, double b);
// Python's float % and // (sign of the divisor); raise ZeroDivisionError with [what].
double float_mod(double a, double b);
double float_floordiv(double a, double b);
int64_t float_hash(double d);
// The float value of an int-like or float value, or false if [v] is neither.
bool as_double(Value v, double* out);

// Python's built-in round() of a float: [ndigits] absent -> int.
Value float_round(double x, Value ndigits);

// PyOS_double_to_string: formats [d] with [type] 'e' 'f' 'g' (or uppercase) or 'r' (repr,
// shortest round-trip) at [prec] digits; '-' for negatives, "inf"/"nan" for specials.
enum : unsigned { kFmtAlt = 1, kFmtAddDot0 = 2 };
std::string format_double(double d, char type, int prec, unsigned flags);

// Type set-up hooks called from init_number_types() (int.cpp).
void init_bool_type();
void init_float_type();

}  // namespace rt
