// Unit tests of the format-spec mini-language, the % operator and str.format
// (runtime/format.cpp), with expected strings from CPython 3.11.
#include "runtime/format.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "runtime/error.h"
#include "runtime/ops.h"

namespace {

using rt::Value;

struct FormatTest : ::testing::Test {
  static void SetUpTestSuite() { rt::runtime_init(); }
};

Value int_of(const char* s) { return rt::int_from_string(s, 10); }
Value str_of(const char* s) { return rt::str_value(s); }

std::string S(Value v) {
  rt::Ref r = rt::Ref::steal(v);
  return std::string(rt::as_str(r.get())->view());
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (rt::PyError& e) {
    return std::string(rt::type_name(e.exc())) + ": " + rt::exception_str(e.exc());
  }
  return "";
}

struct SpecCase {
  Value v;
  const char* spec;
  const char* expected;
};

TEST_F(FormatTest, SpecsMatchCPython) {
  const SpecCase cases[] = {
    {int_of("1234567"), ",", "1,234,567"},
    {int_of("1234567"), "_x", "12_d687"},
    {int_of("1234"), "010,", "00,001,234"},
    {int_of("1234"), "08,", "0,001,234"},
    {int_of("-1234"), "012,.2f", "-0,001,234.00"},
    {rt::Value::from_double(0x1.02c9dedbc309dp-13), "g", "0.0001234"},
    {rt::Value::from_double(0x1.d6f3454000000p+26), "g", "1.23457e+08"},
    {rt::Value::from_double(0x1.4f8b588e368f1p-17), "", "1e-05"},
    {rt::Value::from_double(0x1.0000000000000p+0), ".3", "1.0"},
    {rt::Value::from_double(0x1.5af1d78b58c40p+66), ".3", "1e+20"},
    {rt::Value::from_double(0x1.8000000000000p+3), ".3", "12.0"},
    {rt::Value::from_double(0x1.0000000000000p-1), "%", "50.000000%"},
    {rt::Value::from_double(0x1.8000000000000p+0), "#.0f", "2."},
    {rt::Value::from_double(0x1.9000000000000p+6), "#g", "100.000"},
    {int_of("12"), "#o", "0o14"},
    {int_of("-12"), "#b", "-0b1100"},
    {int_of("255"), "#X", "0XFF"},
    {int_of("3"), "=+5", "+   3"},
    {str_of("ab"), "^6.1", "  a   "},
    {str_of("ab"), "*<5", "ab***"},
    {rt::Value::from_double(0x1.0000000000000p+0), "n", "1"},
    {rt::Value::from_double(0x1.34a0000000000p+10), "n", "1234.5"},
    {int_of("100000000000000000000"), "e", "1.000000e+20"},
    {int_of("1180591620717411303424"), ".3e", "1.181e+21"},
    {rt::Value::from_double(-0x0.0p+0), "z.1f", "0.0"},
    {rt::Value::from_double(-0x1.0624dd2f1a9fcp-10), "z.2f", "0.00"},
    {rt::Value::from_double(0x1.8000000000000p+0), "z.0f", "2"},
    {rt::Value::from_double(0x1.81cd6c8b43958p+13), "_", "12_345.678"},
    {rt::Value::from_double(0x1.2d68700000000p+20), ",", "1,234,567.0"},
    {rt::Value::from_double(0x1.5af1d78b58c40p+66), ",", "1e+20"},
    {int_of("-5"), "05", "-0005"},
    {int_of("-5"), "<05", "-5000"},
    {int_of("5"), "x<05", "5xxxx"},
    {str_of("é"), "é^5", "ééééé"},
    {int_of("5"), "0=5", "00005"},
    {int_of("5"), "05_b", "0_0101"},
    {int_of("255"), "#010_b", "0b1111_1111"},
    {int_of("18446744073709551616"), "_x", "1_0000_0000_0000_0000"},
    {rt::from_bool(true), "x", "1"},
    {rt::from_bool(true), "^6", "  1   "},
    {rt::from_bool(true), "", "True"},
    {rt::from_bool(false), ">6", "     0"},
    {rt::Value::from_double(0x1.e240000000000p+16), ".6", "1.23456e+05"},
    {rt::Value::from_double(0x1.2d68700000000p+20), ".6", "1.23457e+06"},
    {rt::Value::from_double(0x1.999999999999ap-4), ".17", "0.10000000000000001"},
    {rt::Value::from_double(0x1.9000000000000p+6), ".3", "1e+02"},
    {rt::Value::from_double(0x1.c6bf526340000p+49), "", "1000000000000000.0"},
    {rt::Value::from_double(0x1.1c37937e08000p+53), "", "1e+16"},
    {rt::Value::from_double(0x1.9000000000000p+3), ".1%", "1250.0%"},
    {rt::Value::from_double(NAN), "+", "+nan"},
    {rt::Value::from_double(-INFINITY), "+010", "-000000inf"},
    {rt::Value::from_double(INFINITY), "010", "0000000inf"},
    {rt::Value::from_double(0x1.4000000000000p+1), ".0f", "2"},
    {int_of("3"), ".2f", "3.00"},
    {int_of("3"), "%", "300.000000%"},
    {int_of("1000000000000000000000000000000"), "g", "1e+30"},
    {int_of("65"), "c", "A"},
    {rt::Value::from_double(0x1.921f9f01b866ep+1), ".9f", "3.141590000"},
    {rt::Value::from_double(-0x1.4000000000000p+1), ">10.3f", "    -2.500"},
    {rt::Value::from_double(0x0.0p+0), "e", "0.000000e+00"},
    {rt::Value::from_double(0x0.0p+0), "g", "0"},
    {int_of("12345"), ".0e", "1e+04"},
    {int_of("-1234567"), ",d", "-1,234,567"},
    {int_of("262144"), "_o", "100_0000"},
    {rt::Value::from_double(0x1.ad7f29abcaf48p-24), ".3", "1e-07"},
    {rt::Value::from_double(0x1.edd2f1a9fbe77p+6), ".0", "1e+02"},
    {rt::Value::from_double(0x1.4f8b588e368f1p-17), ".3g", "1e-05"},
    {rt::Value::from_double(0x1.a36e2eb1c432dp-14), ".3g", "0.0001"},
    {rt::Value::from_double(0x1.0000000000000p+0), "#.3g", "1.00"},
    {rt::Value::from_double(0x1.8000000000000p+0), "#.0e", "2.e+00"},
    {int_of("42"), "", "42"},
    {int_of("42"), "d", "42"},
    {int_of("-42"), "+d", "-42"},
    {int_of("42"), " d", " 42"},
    {int_of("42"), "-^9", "---42----"},
    {int_of("1267650600228229401496703205376"), "", "1267650600228229401496703205376"},
    {int_of("1267650600228229401496703205376"), ",", "1,267,650,600,228,229,401,496,703,205,376"},
    {int_of("-1267650600228229401496703205376"), "x", "-10000000000000000000000000"},
    {str_of("hello"), "", "hello"},
    {str_of("hello"), "10", "hello     "},
    {str_of("hello"), ">10", "     hello"},
    {str_of("hello"), "^11", "   hello   "},
    {rt::Value::from_double(0x1.8000000000000p+1), "", "3.0"},
    {rt::Value::from_double(0x1.7e43c8800759cp+996), ".2e", "1.00e+300"},
    {rt::Value::from_double(0x1.01f31f46ed246p-13), "%", "0.012300%"},
    {rt::Value::from_double(0x1.5555555555555p-2), ".20f", "0.33333333333333331483"},
    {int_of("123"), ">+8,", "    +123"},
    {rt::Value::from_double(-0x0.0p+0), "", "-0.0"},
    {rt::Value::from_double(-0x0.0p+0), ".2f", "-0.00"},
    {rt::Value::from_double(0x1.b7cdfd9d7bdbbp-34), "f", "0.000000"},
    {rt::Value::from_double(0x1.3ff7ced916873p+3), ".2f", "10.00"},
    {rt::Value::from_double(0x1.3fd70a3d70a3dp+3), ".2f", "9.99"},
    {rt::Value::from_double(0x1.0000000000000p-3), ".2f", "0.12"},
    {rt::Value::from_double(0x1.0f0cf064dd592p+73), "f", "10000000000000000000000.000000"},
    {rt::Value::from_double(0x0.0000000000001p-1022), "g", "4.94066e-324"},
    {rt::Value::from_double(0x0.0000000000001p-1022), ".3e", "4.941e-324"},
    {rt::Value::from_double(0x1.fffffffffffffp+1023), ".3g", "1.8e+308"},
  };
  for (const SpecCase& c : cases) {
    rt::Ref v = rt::Ref::steal(c.v);
    EXPECT_EQ(S(rt::format_value(v.get(), c.spec)), c.expected) << rt::repr_string(v.get()) << " " << c.spec;
  }
}

std::string fmt_err(Value v, const char* spec) {
  rt::Ref r = rt::Ref::steal(v);
  return error_of([&] { S(rt::format_value(r.get(), spec)); });
}

TEST_F(FormatTest, SpecErrors) {
  EXPECT_EQ(fmt_err(Value::from_int(1), "abc"), "ValueError: Invalid format specifier 'abc' for object of type 'int'");
  EXPECT_EQ(fmt_err(Value::from_int(1), ".2d"), "ValueError: Precision not allowed in integer format specifier");
  EXPECT_EQ(fmt_err(Value::from_double(1.0), "d"), "ValueError: Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(fmt_err(str_of("a"), ","), "ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(fmt_err(str_of("a"), "+"), "ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(fmt_err(str_of("a"), "#"), "ValueError: Alternate form (#) not allowed in string format specifier");
  EXPECT_EQ(fmt_err(str_of("a"), "=5"), "ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(fmt_err(str_of("a"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(fmt_err(Value::from_int(1), ",_"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmt_err(Value::from_int(65), "+c"), "ValueError: Sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(fmt_err(Value::from_int(1), "."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(fmt_err(Value::from_int(1), ",x"), "ValueError: Cannot specify ',' with 'x'.");
  EXPECT_EQ(fmt_err(Value::from_int(1), "s"), "ValueError: Unknown format code 's' for object of type 'int'");
  EXPECT_EQ(fmt_err(rt::True(), "s"), "ValueError: Unknown format code 's' for object of type 'bool'");
  EXPECT_EQ(fmt_err(Value::from_int(5), "z"), "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(fmt_err(Value::from_int(-1), "c"), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(fmt_err(rt::None(), "x"), "TypeError: unsupported format string passed to NoneType.__format__");
  EXPECT_EQ(S(rt::format_value(rt::None(), "")), "None");
}

// fmt % args where args is built by the caller.
std::string pct(const char* f, Value args) {
  rt::Ref a = rt::Ref::steal(args);
  rt::Ref s = rt::Ref::steal(rt::str_value(f));
  return S(rt::percent_format(rt::as_str(s.get()), a.get()));
}

Value tup(std::initializer_list<Value> items) {
  rt::Tuple* t = rt::tuple_new(items.size());
  size_t i = 0;
  for (Value v : items) t->items()[i++] = v;
  return Value::from_obj(t);
}

TEST_F(FormatTest, PercentOperator) {
  EXPECT_EQ(pct("%5.2f|%-6d|%+d|% d|%05d|%#x|%#o|%e|%g|%G|%r|%a",
                tup({Value::from_double(3.14159), Value::from_int(42), Value::from_int(5), Value::from_int(5),
                     Value::from_int(-42), Value::from_int(255), Value::from_int(8), Value::from_double(12345.678),
                     Value::from_double(0.00001234), Value::from_double(1e20), str_of("é"), str_of("é")})),
            " 3.14|42    |+5| 5|-0042|0xff|0o10|1.234568e+04|1.234e-05|1E+20|'é'|'\\xe9'");
  EXPECT_EQ(pct("%*d|%-*d|%.*f", tup({Value::from_int(5), Value::from_int(1), Value::from_int(4), Value::from_int(2),
                                      Value::from_int(2), Value::from_double(3.14159)})),
            "    1|2   |3.14");
  EXPECT_EQ(pct("%.3d|%#08x|%08.2f|%x|%i", tup({Value::from_int(-5), Value::from_int(255), Value::from_double(-3.14159),
                                              Value::from_int(-255), Value::from_double(1.9)})),
            "-005|0x0000ff|-0003.14|-ff|1");
  EXPECT_EQ(pct("%s%%", Value::from_int(5)), "5%");
  EXPECT_EQ(pct("%c%c", tup({Value::from_int(65), str_of("b")})), "Ab");
  EXPECT_EQ(pct("%.1s|%5s|%-5s|", tup({str_of("abc"), str_of("ab"), str_of("cd")})), "a|   ab|cd   |");
  EXPECT_EQ(pct("%s", tup({int_of("1267650600228229401496703205376")})), "1267650600228229401496703205376");
  EXPECT_EQ(error_of([] { pct("%d", str_of("a")); }), "TypeError: %d format: a real number is required, not str");
  EXPECT_EQ(error_of([] { pct("%x", Value::from_double(1.5)); }), "TypeError: %x format: an integer is required, not float");
  EXPECT_EQ(error_of([] { pct("%f", str_of("a")); }), "TypeError: must be real number, not str");
  EXPECT_EQ(error_of([] { pct("%z", Value::from_int(1)); }), "ValueError: unsupported format character 'z' (0x7a) at index 1");
  EXPECT_EQ(error_of([] { pct("%", Value::from_int(1)); }), "ValueError: incomplete format");
  EXPECT_EQ(error_of([] { pct("%(a)s", Value::from_int(1)); }), "TypeError: format requires a mapping");
  EXPECT_EQ(error_of([] { pct("%s %s", Value::from_int(1)); }), "TypeError: not enough arguments for format string");
  EXPECT_EQ(error_of([] { pct("%s", tup({Value::from_int(1), Value::from_int(2)})); }),
            "TypeError: not all arguments converted during string formatting");
}

// str.format(fmt, *positional) with no keywords.
std::string sfmt(const char* f, std::initializer_list<Value> pos) {
  std::vector<rt::Ref> keep;
  std::vector<Value> args;
  keep.push_back(rt::Ref::steal(rt::str_value(f)));
  args.push_back(keep.back().get());
  for (Value v : pos) {
    keep.push_back(rt::Ref::steal(v));
    args.push_back(v);
  }
  return S(rt::str_format(args.data(), args.size(), nullptr));
}

TEST_F(FormatTest, StrFormat) {
  EXPECT_EQ(sfmt("x{}y{}z", {Value::from_int(1), Value::from_int(2)}), "x1y2z");
  EXPECT_EQ(sfmt("{1}{0}{1}", {Value::from_int(1), Value::from_int(2)}), "212");
  EXPECT_EQ(sfmt("{{}}{}", {Value::from_int(1)}), "{}1");
  EXPECT_EQ(sfmt("{!r:>5}", {str_of("a")}), "  'a'");
  EXPECT_EQ(sfmt("{0!a}", {str_of("é")}), "'\\xe9'");
  EXPECT_EQ(sfmt("{:{}.{}f}", {Value::from_double(3.14159), Value::from_int(10), Value::from_int(2)}), "      3.14");
  EXPECT_EQ(sfmt("{0[1]}", {tup({Value::from_int(1), Value::from_int(2)})}), "2");
  EXPECT_EQ(sfmt("{0.real}{0.imag}", {Value::from_int(5)}), "50");
  EXPECT_EQ(sfmt("{:=^10}", {str_of("hi")}), "====hi====");
  EXPECT_EQ(error_of([] { sfmt("}", {}); }), "ValueError: Single '}' encountered in format string");
  EXPECT_EQ(error_of([] { sfmt("{", {}); }), "ValueError: Single '{' encountered in format string");
  EXPECT_EQ(error_of([] { sfmt("{1}", {Value::from_int(1)}); }),
            "IndexError: Replacement index 1 out of range for positional args tuple");
  EXPECT_EQ(error_of([] { sfmt("{}{0}", {Value::from_int(1)}); }),
            "ValueError: cannot switch from automatic field numbering to manual field specification");
  EXPECT_EQ(error_of([] { sfmt("{0}{}", {Value::from_int(1)}); }),
            "ValueError: cannot switch from manual field specification to automatic field numbering");
  EXPECT_EQ(error_of([] { sfmt("{x}", {}); }), "KeyError: 'x'");
  EXPECT_EQ(error_of([] { sfmt("{!}", {Value::from_int(1)}); }), "ValueError: unmatched '{' in format spec");
  EXPECT_EQ(error_of([] { sfmt("{0!x}", {Value::from_int(1)}); }), "ValueError: Unknown conversion specifier x");
  EXPECT_EQ(error_of([] { sfmt("{0", {Value::from_int(1)}); }), "ValueError: expected '}' before end of string");
  EXPECT_EQ(error_of([] { sfmt("{0.}", {Value::from_int(1)}); }), "ValueError: Empty attribute in format string");
  EXPECT_EQ(error_of([] { sfmt("{:{:{}}}", {Value::from_int(1), Value::from_int(2), Value::from_int(3)}); }),
            "ValueError: Max string recursion exceeded");
}

}  // namespace
