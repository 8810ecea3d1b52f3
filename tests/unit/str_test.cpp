// Unit tests of the str internals: construction and UTF-8 lengths, the intern table and the
// one-character cache, hashing, equality and ordering, indexing and slicing of non-ASCII text.
#include <gtest/gtest.h>

#include <string>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "runtime/str_internal.h"

namespace {

using rt::Ref;
using rt::Str;
using rt::Value;

class StrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool done = false;
    if (!done) {
      rt::runtime_init();
      done = true;
    }
  }
  static Ref make(std::string_view s) { return Ref::steal(rt::str_value(s)); }
  static std::string text(Value v) { return std::string(rt::as_str(v)->view()); }
};

TEST_F(StrTest, LengthsOfAsciiAndUtf8) {
  Ref a = make("hello");
  EXPECT_EQ(a.as<Str>()->length, 5u);
  EXPECT_EQ(a.as<Str>()->nbytes, 5u);
  EXPECT_TRUE(a.as<Str>()->ascii);
  Ref b = make("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80");  // "héllo € 😀"
  EXPECT_EQ(b.as<Str>()->length, 9u);
  EXPECT_EQ(b.as<Str>()->nbytes, 15u);
  EXPECT_FALSE(b.as<Str>()->ascii);
  EXPECT_EQ(b.as<Str>()->data()[15], '\0');
  EXPECT_EQ(rt::length(b.get()), 9);
}

TEST_F(StrTest, EmptyAndSingleCharactersAreShared) {
  Ref e1 = make("");
  Ref e2 = make("");
  EXPECT_EQ(e1.get(), e2.get());
  EXPECT_TRUE(rt::is_immortal(e1.get().as_obj()));
  Ref x = make("x");
  EXPECT_EQ(x.get().as_obj(), rt::str_intern("x"));
  EXPECT_EQ(x.as<Str>()->view(), "x");
  for (int c = 0; c < 128; ++c) {
    Str* s = rt::strimpl::from_char(c);
    ASSERT_EQ(s->nbytes, 1u);
    ASSERT_EQ(static_cast<unsigned char>(s->data()[0]), c);
    ASSERT_EQ(s->data()[1], '\0');
  }
}

TEST_F(StrTest, InterningIsUniqueAndImmortal) {
  Str* a = rt::str_intern("some_identifier");
  Str* b = rt::str_intern(std::string("some_") + "identifier");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a->interned);
  EXPECT_TRUE(rt::is_immortal(a));
  EXPECT_NE(rt::str_intern("other_identifier"), a);
  // Many names force the table to grow; every one stays findable.
  std::vector<Str*> names;
  for (int i = 0; i < 5000; ++i) names.push_back(rt::str_intern("name" + std::to_string(i)));
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(rt::str_intern("name" + std::to_string(i)), names[i]);
  EXPECT_EQ(rt::str_intern("some_identifier"), a);
}

TEST_F(StrTest, HashIsCachedAndConsistent) {
  Ref a = make("hash me");
  Str* s = a.as<Str>();
  EXPECT_EQ(s->hash, -1);
  int64_t h = rt::str_hash(s);
  EXPECT_NE(h, -1);
  EXPECT_EQ(s->hash, h);
  EXPECT_EQ(rt::str_hash(rt::str_intern("hash me")), h);
  EXPECT_EQ(rt::hash(a.get()), h);
  Ref b = make("hash mf");
  EXPECT_NE(rt::str_hash(b.as<Str>()), h);
}

TEST_F(StrTest, EqualityAndOrdering) {
  Ref a = make("abc");
  Ref b = make("abc");
  Ref c = make("abd");
  Ref d = make("ab");
  EXPECT_TRUE(rt::str_equal(a.as<Str>(), b.as<Str>()));
  EXPECT_FALSE(rt::str_equal(a.as<Str>(), c.as<Str>()));
  EXPECT_TRUE(rt::compare_bool(a.get(), c.get(), rt::CmpOp::Lt));
  EXPECT_TRUE(rt::compare_bool(d.get(), a.get(), rt::CmpOp::Lt));
  EXPECT_TRUE(rt::compare_bool(a.get(), b.get(), rt::CmpOp::Ge));
  // Code point order: U+00E9 sorts after 'z' and before U+20AC.
  Ref e = make("\xC3\xA9");
  Ref z = make("z");
  Ref euro = make("\xE2\x82\xAC");
  EXPECT_TRUE(rt::compare_bool(z.get(), e.get(), rt::CmpOp::Lt));
  EXPECT_TRUE(rt::compare_bool(e.get(), euro.get(), rt::CmpOp::Lt));
}

TEST_F(StrTest, IndexingNonAscii) {
  Ref s = make("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z");  // "aé€😀z"
  EXPECT_EQ(text(Ref::steal(rt::getitem(s.get(), Value::from_int(0))).get()), "a");
  EXPECT_EQ(text(Ref::steal(rt::getitem(s.get(), Value::from_int(1))).get()), "\xC3\xA9");
  EXPECT_EQ(text(Ref::steal(rt::getitem(s.get(), Value::from_int(2))).get()), "\xE2\x82\xAC");
  EXPECT_EQ(text(Ref::steal(rt::getitem(s.get(), Value::from_int(-2))).get()), "\xF0\x9F\x98\x80");
  EXPECT_EQ(text(Ref::steal(rt::getitem(s.get(), Value::from_int(-1))).get()), "z");
  EXPECT_THROW(rt::getitem(s.get(), Value::from_int(5)), rt::PyError);
  EXPECT_EQ(rt::strimpl::offset_of(s.as<Str>(), 3), 6u);
  EXPECT_EQ(rt::strimpl::offset_of(s.as<Str>(), 5), 11u);
  EXPECT_EQ(rt::strimpl::index_of_offset(s.as<Str>(), 6), 3);
}

TEST_F(StrTest, SlicingNonAscii) {
  Ref s = make("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z");
  Ref sl = Ref::steal(rt::slice_new(Value::from_int(1), Value::from_int(4), rt::None()));
  Ref mid = Ref::steal(rt::getitem(s.get(), sl.get()));
  EXPECT_EQ(text(mid.get()), "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(mid.as<Str>()->length, 3u);
  Ref rev = Ref::steal(rt::slice_new(rt::None(), rt::None(), Value::from_int(-1)));
  Ref r = Ref::steal(rt::getitem(s.get(), rev.get()));
  EXPECT_EQ(text(r.get()), "z\xF0\x9F\x98\x80\xE2\x82\xAC\xC3\xA9" "a");
  EXPECT_EQ(r.as<Str>()->length, 5u);
  Ref ascii = make("abcdef");
  Ref step = Ref::steal(rt::slice_new(rt::None(), rt::None(), Value::from_int(2)));
  EXPECT_EQ(text(Ref::steal(rt::getitem(ascii.get(), step.get())).get()), "ace");
}

TEST_F(StrTest, ReprQuoting) {
  EXPECT_EQ(rt::repr_string(make("abc").get()), "'abc'");
  EXPECT_EQ(rt::repr_string(make("it's").get()), "\"it's\"");
  EXPECT_EQ(rt::repr_string(make("'\"").get()), "'\\'\"'");
  EXPECT_EQ(rt::repr_string(make("a\nb\t\\\x01\x7f").get()), "'a\\nb\\t\\\\\\x01\\x7f'");
  EXPECT_EQ(rt::repr_string(make("\xC3\xA9\xC2\xA0\xE2\x80\xA8").get()), "'\xC3\xA9\\xa0\\u2028'");
}

TEST_F(StrTest, ConcatenationAndRepeat) {
  Ref a = make("ab");
  Ref b = make("\xC3\xA9");
  Ref c = Ref::steal(rt::binary_op(a.get(), b.get(), rt::BinOp::Add));
  EXPECT_EQ(text(c.get()), "ab\xC3\xA9");
  EXPECT_EQ(c.as<Str>()->length, 3u);
  EXPECT_FALSE(c.as<Str>()->ascii);
  Ref r = Ref::steal(rt::binary_op(Value::from_int(3), a.get(), rt::BinOp::Mul));
  EXPECT_EQ(text(r.get()), "ababab");
  EXPECT_EQ(r.as<Str>()->length, 6u);
  Ref e = Ref::steal(rt::binary_op(a.get(), Value::from_int(-2), rt::BinOp::Mul));
  EXPECT_EQ(rt::as_str(e.get())->length, 0u);
}

TEST_F(StrTest, IterationYieldsCodePoints) {
  Ref s = make("x\xC3\xA9y");
  Ref it = Ref::steal(rt::get_iter(s.get()));
  std::vector<std::string> got;
  for (;;) {
    Value v = rt::iter_next(it.get());
    if (v.is_null()) break;
    got.push_back(text(v));
    rt::decref(v);
  }
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1], "\xC3\xA9");
  EXPECT_EQ(rt::iter_next(it.get()), Value::null());
}

TEST_F(StrTest, CharacterClasses) {
  using namespace rt::strimpl;
  EXPECT_TRUE(uni_isspace(0x2028));
  EXPECT_TRUE(uni_isspace(0x1C));
  EXPECT_FALSE(uni_isspace(0x200B));
  EXPECT_TRUE(uni_isdecimal(0x663));
  EXPECT_TRUE(uni_isdigit(0xB2));
  EXPECT_FALSE(uni_isdecimal(0xB2));
  EXPECT_TRUE(uni_isnumeric(0xBD));
  EXPECT_TRUE(uni_isprintable(0xE9));
  EXPECT_FALSE(uni_isprintable(0xA0));
  EXPECT_EQ(uni_toupper(0xE9), 0xC9u);
  std::string out;
  append_upper(out, 0xDF);
  EXPECT_EQ(out, "SS");
}

}  // namespace
