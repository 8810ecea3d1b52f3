// Unit tests of the int type (runtime/int.cpp): small/big normalisation, Python's floor
// division and modulo, big arithmetic, hashing, parsing, comparisons with floats and round.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace {

using rt::BinOp;
using rt::Value;

struct IntTest : ::testing::Test {
  static void SetUpTestSuite() { rt::runtime_init(); }
};

Value I(const char* s) { return rt::int_from_string(s, 10); }
Value I(int64_t i) { return rt::int_from_i64(i); }

// repr of [v], consuming the reference.
std::string R(Value v) {
  rt::Ref r = rt::Ref::steal(v);
  return rt::repr_string(r.get());
}

std::string op(const char* a, BinOp o, const char* b) {
  rt::Ref x = rt::Ref::steal(I(a)), y = rt::Ref::steal(I(b));
  return R(rt::binary_op(x.get(), y.get(), o));
}

// "Type: message" of the exception [f] raises, or "" if none.
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (rt::PyError& e) {
    return std::string(rt::type_name(e.exc())) + ": " + rt::exception_str(e.exc());
  }
  return "";
}

TEST_F(IntTest, NormalisesAtTheSmallBoundary) {
  EXPECT_TRUE(I(Value::kIntMax).is_int());
  rt::Ref big = rt::Ref::steal(I(Value::kIntMax + 1));
  EXPECT_TRUE(rt::is_bigint(big.get()));
  EXPECT_EQ(R(rt::binary_op(big.get(), Value::from_int(1), BinOp::Sub)), "562949953421311");
  rt::Ref back = rt::Ref::steal(rt::binary_op(big.get(), Value::from_int(1), BinOp::Sub));
  EXPECT_TRUE(back.get().is_int());
  rt::Ref sum = rt::Ref::steal(rt::binary_op(Value::from_int(Value::kIntMax), Value::from_int(1), BinOp::Add));
  EXPECT_TRUE(rt::is_bigint(sum.get()));
  EXPECT_EQ(R(sum.release()), "562949953421312");
  EXPECT_TRUE(I(Value::kIntMin).is_int());
  EXPECT_TRUE(rt::is_bigint(rt::Ref::steal(I(Value::kIntMin - 1)).get()));
  rt::Ref neg = rt::Ref::steal(rt::unary_op(Value::from_int(Value::kIntMin), rt::UnaryOp::Neg));
  EXPECT_TRUE(rt::is_bigint(neg.get()));
  EXPECT_TRUE(rt::Ref::steal(I("12345678901234567890123")).get().is_obj());
  EXPECT_TRUE(rt::Ref::steal(I("-1000")).get().is_int());
}

TEST_F(IntTest, FloorDivisionAndModuloFollowTheDivisorSign) {
  EXPECT_EQ(op("-7", BinOp::FloorDiv, "2"), "-4");
  EXPECT_EQ(op("-7", BinOp::Mod, "2"), "1");
  EXPECT_EQ(op("7", BinOp::FloorDiv, "-2"), "-4");
  EXPECT_EQ(op("7", BinOp::Mod, "-2"), "-1");
  EXPECT_EQ(op("-7", BinOp::FloorDiv, "-2"), "3");
  EXPECT_EQ(op("-7", BinOp::Mod, "-2"), "-1");
  EXPECT_EQ(op("-1152921504606846976", BinOp::FloorDiv, "7"), "-164703072086692426");
  EXPECT_EQ(op("-1152921504606846976", BinOp::Mod, "7"), "6");
  EXPECT_EQ(op("1180591620717411303424", BinOp::FloorDiv, "-3"), "-393530540239137101142");
  EXPECT_EQ(op("1180591620717411303424", BinOp::Mod, "-3"), "-2");
  EXPECT_EQ(error_of([] { op("1", BinOp::FloorDiv, "0"); }), "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(error_of([] { op("1", BinOp::Mod, "0"); }), "ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(error_of([] { op("1", BinOp::TrueDiv, "0"); }), "ZeroDivisionError: division by zero");
}

TEST_F(IntTest, BigArithmetic) {
  EXPECT_EQ(op("2", BinOp::Pow, "100"), "1267650600228229401496703205376");
  EXPECT_EQ(op("3", BinOp::Pow, "100"), "515377520732011331036461129765621272702107522001");
  EXPECT_EQ(op("-3", BinOp::Pow, "101"), "-1546132562196033993109383389296863818106322566003");
  EXPECT_EQ(op("2", BinOp::Pow, "-2"), "0.25");
  rt::Ref f = rt::Ref::steal(Value::from_int(1));
  for (int i = 2; i <= 30; i++) f = rt::Ref::steal(rt::binary_op(f.get(), Value::from_int(i), BinOp::Mul));
  EXPECT_EQ(R(f.release()), "265252859812191058636308480000000");
  EXPECT_EQ(op("-1267650600228229401496703205376", BinOp::And, "65535"), "0");
  EXPECT_EQ(op("-1267650600228229401496703205376", BinOp::Or, "5"), "-1267650600228229401496703205371");
  EXPECT_EQ(op("1267650600228229401496703205376", BinOp::Xor, "-1"), "-1267650600228229401496703205377");
  EXPECT_EQ(op("-1267650600228229401496703205376", BinOp::RShift, "90"), "-1024");
  EXPECT_EQ(op("1", BinOp::LShift, "80"), "1208925819614629174706176");
  EXPECT_EQ(op("-1", BinOp::RShift, "100"), "-1");
  EXPECT_EQ(error_of([] { op("1", BinOp::LShift, "-1"); }), "ValueError: negative shift count");
  EXPECT_EQ(op("-562949953421312", BinOp::Mul, "-562949953421312"), "316912650057057350374175801344");
}

TEST_F(IntTest, TrueDivisionIsCorrectlyRounded) {
  EXPECT_EQ(op("7", BinOp::TrueDiv, "2"), "3.5");
  EXPECT_EQ(op("-7", BinOp::TrueDiv, "2"), "-3.5");
  rt::Ref a = rt::Ref::steal(rt::binary_op(Value::from_int(2), Value::from_int(1100), BinOp::Pow));
  rt::Ref b = rt::Ref::steal(rt::binary_op(Value::from_int(3), Value::from_int(600), BinOp::Pow));
  EXPECT_EQ(R(rt::binary_op(a.get(), b.get(), BinOp::TrueDiv)), "7.24840412057269e+44");
  rt::Ref c = rt::Ref::steal(rt::binary_op(Value::from_int(10), Value::from_int(400), BinOp::Pow));
  rt::Ref d = rt::Ref::steal(rt::binary_op(Value::from_int(10), Value::from_int(399), BinOp::Pow));
  EXPECT_EQ(R(rt::binary_op(c.get(), d.get(), BinOp::TrueDiv)), "10.0");
  EXPECT_EQ(error_of([&] { rt::float_from_value(c.get()); }), "OverflowError: int too large to convert to float");
  // 2**53 + 1 rounds to even; 2**54 + 3 rounds up.
  EXPECT_EQ(rt::float_from_value(rt::Ref::steal(I("9007199254740993")).get()), 9007199254740992.0);
  EXPECT_EQ(rt::float_from_value(rt::Ref::steal(I("18014398509481987")).get()), 18014398509481988.0);
}

TEST_F(IntTest, HashesMatchCPython) {
  EXPECT_EQ(rt::hash(Value::from_int(-1)), -2);
  EXPECT_EQ(rt::hash(Value::from_int(12345)), 12345);
  EXPECT_EQ(rt::hash(rt::True()), 1);
  EXPECT_EQ(rt::hash(rt::Ref::steal(I("1267650600228229401496703205376")).get()), 549755813888);
  EXPECT_EQ(rt::hash(rt::Ref::steal(I("-1267650600228229401496703205376")).get()), -549755813888);
  EXPECT_EQ(rt::hash(rt::Ref::steal(I("2305843009213693952")).get()), 1);
  EXPECT_EQ(rt::hash(rt::Ref::steal(I("2305843009213693951")).get()), 0);
  EXPECT_EQ(rt::hash(rt::Ref::steal(I("-2305843009213693952")).get()), -2);
  EXPECT_EQ(rt::hash(rt::Ref::steal(I("1000000000000000000000000000000")).get()), 465258685558744706);
}

TEST_F(IntTest, ParsesLiterals) {
  EXPECT_EQ(R(rt::int_from_string(" -0b_11 ", 0)), "-3");
  EXPECT_EQ(R(rt::int_from_string("1_000", 10)), "1000");
  EXPECT_EQ(R(rt::int_from_string("0x10", 0)), "16");
  EXPECT_EQ(R(rt::int_from_string("ff", 16)), "255");
  EXPECT_EQ(R(rt::int_from_string("0o17", 8)), "15");
  EXPECT_EQ(R(rt::int_from_string("000", 0)), "0");
  EXPECT_EQ(R(rt::int_from_string("zz", 36)), "1295");
  EXPECT_EQ(R(rt::int_from_string("-123456789012345678901234567890", 10)), "-123456789012345678901234567890");
  EXPECT_EQ(error_of([] { rt::int_from_string("abc", 10); }), "ValueError: invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(error_of([] { rt::int_from_string("010", 0); }), "ValueError: invalid literal for int() with base 0: '010'");
  EXPECT_EQ(error_of([] { rt::int_from_string("1_", 10); }), "ValueError: invalid literal for int() with base 10: '1_'");
  EXPECT_EQ(error_of([] { rt::int_from_string("_1", 10); }), "ValueError: invalid literal for int() with base 10: '_1'");
  EXPECT_EQ(error_of([] { rt::int_from_string("", 10); }), "ValueError: invalid literal for int() with base 10: ''");
  EXPECT_EQ(error_of([] { rt::int_from_string("0x", 16); }), "ValueError: invalid literal for int() with base 16: '0x'");
  EXPECT_EQ(error_of([] { rt::int_from_string("12", 1); }), "ValueError: int() base must be >= 2 and <= 36, or 0");
}

TEST_F(IntTest, ConvertsToStringsAndIndexes) {
  rt::Ref v = rt::Ref::steal(I(-31));
  EXPECT_EQ(rt::int_to_string(v.get(), 16), "-0x1f");
  EXPECT_EQ(rt::int_to_string(v.get(), 2), "-0b11111");
  EXPECT_EQ(rt::int_to_string(v.get(), 8), "-0o37");
  EXPECT_EQ(rt::int_to_string(rt::Ref::steal(I("1267650600228229401496703205376")).get(), 16), "0x10000000000000000000000000");
  int64_t out;
  EXPECT_TRUE(rt::int_to_i64(rt::Ref::steal(I("1000000000000000000")).get(), &out));
  EXPECT_EQ(out, 1000000000000000000);
  EXPECT_FALSE(rt::int_to_i64(rt::Ref::steal(I("100000000000000000000")).get(), &out));
  EXPECT_EQ(rt::index_value(rt::True()), 1);
  EXPECT_EQ(error_of([] { rt::index_value(Value::from_double(1.5)); }),
            "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(error_of([] { rt::index_value(rt::Ref::steal(I("100000000000000000000")).get()); }),
            "OverflowError: cannot fit 'int' into an index-sized integer");
}

TEST_F(IntTest, ComparesExactlyWithFloats) {
  rt::Ref big = rt::Ref::steal(I("9007199254740993"));
  EXPECT_TRUE(rt::compare_bool(big.get(), Value::from_double(9007199254740992.0), rt::CmpOp::Gt));
  EXPECT_FALSE(rt::compare_bool(big.get(), Value::from_double(9007199254740992.0), rt::CmpOp::Eq));
  EXPECT_TRUE(rt::compare_bool(Value::from_double(9007199254740992.0), big.get(), rt::CmpOp::Lt));
  EXPECT_TRUE(rt::compare_bool(Value::from_int(1), Value::from_double(1.0), rt::CmpOp::Eq));
  EXPECT_TRUE(rt::compare_bool(rt::True(), Value::from_int(1), rt::CmpOp::Eq));
  EXPECT_TRUE(rt::compare_bool(big.get(), Value::from_double(INFINITY), rt::CmpOp::Lt));
  EXPECT_FALSE(rt::compare_bool(big.get(), Value::from_double(NAN), rt::CmpOp::Eq));
  EXPECT_TRUE(rt::compare_bool(big.get(), Value::from_double(NAN), rt::CmpOp::Ne));
  EXPECT_TRUE(rt::compare_bool(Value::from_int(-3), Value::from_double(-2.5), rt::CmpOp::Lt));
}

TEST_F(IntTest, BuiltinHelpers) {
  EXPECT_EQ(R(rt::number_pow(Value::from_int(3), rt::Ref::steal(I("100000000000000000000")).get(), Value::from_int(1000000007))), "139421235");
  EXPECT_EQ(R(rt::number_pow(Value::from_int(-3), Value::from_int(5), Value::from_int(7))), "2");
  EXPECT_EQ(R(rt::number_pow(Value::from_int(3), Value::from_int(4), Value::from_int(-5))), "-4");
  EXPECT_EQ(R(rt::number_pow(Value::from_int(3), Value::from_int(-1), Value::from_int(7))), "5");
  EXPECT_EQ(error_of([] { rt::number_pow(Value::from_int(2), Value::from_int(-1), Value::from_int(4)); }),
            "ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(error_of([] { rt::number_pow(Value::from_int(2), Value::from_int(3), Value::from_int(0)); }),
            "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(error_of([] { rt::number_pow(Value::from_double(2.0), Value::from_int(3), Value::from_int(5)); }),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(R(rt::number_divmod(Value::from_int(-7), Value::from_int(2))), "(-4, 1)");
  EXPECT_EQ(R(rt::number_divmod(Value::from_int(7), Value::from_double(-2.0))), "(-4.0, -1.0)");
  EXPECT_EQ(R(rt::number_abs(rt::Ref::steal(I("-1267650600228229401496703205376")).get())), "1267650600228229401496703205376");
  EXPECT_EQ(R(rt::number_abs(rt::True())), "1");
  EXPECT_EQ(R(rt::number_round(Value::from_int(1234567), Value::from_int(-3))), "1235000");
  EXPECT_EQ(R(rt::number_round(Value::from_int(2500), Value::from_int(-3))), "2000");
  EXPECT_EQ(R(rt::number_round(Value::from_int(-2500), Value::from_int(-3))), "-2000");
  EXPECT_EQ(R(rt::number_round(Value::from_int(1500), Value::from_int(-3))), "2000");
  EXPECT_EQ(R(rt::number_round(Value::from_int(7), Value::null())), "7");
}

TEST_F(IntTest, BoolIsAnInt) {
  EXPECT_EQ(R(rt::binary_op(rt::True(), rt::True(), BinOp::Add)), "2");
  EXPECT_EQ(R(rt::binary_op(rt::True(), rt::False(), BinOp::Or)), "True");
  EXPECT_EQ(R(rt::binary_op(rt::True(), Value::from_int(1), BinOp::And)), "1");
  EXPECT_EQ(R(rt::unary_op(rt::True(), rt::UnaryOp::Invert)), "-2");
  EXPECT_EQ(R(rt::binary_op(rt::True(), Value::from_double(0.5), BinOp::Add)), "1.5");
}

}  // namespace
