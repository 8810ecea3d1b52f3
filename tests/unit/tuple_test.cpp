// Unit tests of the tuple type: construction, repr, CPython-exact hashes, comparison,
// indexing, concatenation/repetition, count/index and iteration.
#include <gtest/gtest.h>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "tests/unit/core_test_util.h"

using namespace rt;
using core_test::error_of;

namespace {

class TupleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { core_test::ensure_runtime(); }
};

// A new tuple of small ints.
Ref ints(std::initializer_list<int64_t> xs) {
  Tuple* t = tuple_new(xs.size());
  size_t i = 0;
  for (int64_t x : xs) t->items()[i++] = Value::from_int(x);
  return Ref::steal(Value::from_obj(t));
}

// Calls method [name] of [self] with [args].
Ref method(Value self, const char* name, std::initializer_list<Value> args) {
  Ref m = Ref::steal(getattr(self, str_intern(name)));
  return Ref::steal(call(m.get(), args.begin(), args.size()));
}

TEST_F(TupleTest, Repr) {
  EXPECT_EQ(repr_string(Value::from_obj(tuple_empty())), "()");
  EXPECT_EQ(repr_string(ints({1}).get()), "(1,)");
  EXPECT_EQ(repr_string(ints({1, 2, 3}).get()), "(1, 2, 3)");
  Ref inner = ints({1, 2});
  Value items[2] = {inner.get(), Value::from_obj(tuple_empty())};
  Ref outer = Ref::steal(Value::from_obj(tuple_from(items, 2)));
  EXPECT_EQ(repr_string(outer.get()), "((1, 2), ())");
  EXPECT_EQ(str_string(outer.get()), "((1, 2), ())");
}

TEST_F(TupleTest, EmptyTupleIsShared) {
  EXPECT_EQ(tuple_new(0), tuple_empty());
  EXPECT_TRUE(is_immortal(tuple_empty()));
  Ref t = Ref::steal(call0(Value::from_obj(&tuple_type)));
  EXPECT_EQ(t.get().as_obj(), tuple_empty());
}

TEST_F(TupleTest, HashMatchesCPython) {
  EXPECT_EQ(hash(Value::from_obj(tuple_empty())), 5740354900026072187);
  EXPECT_EQ(hash(ints({1, 2}).get()), -3550055125485641917);
  EXPECT_EQ(hash(ints({1}).get()), -6644214454873602895);
  EXPECT_EQ(hash(ints({-1}).get()), 8078679518589016365);
  Ref inner = ints({1, 2});
  Value items[2] = {inner.get(), Value::from_int(3)};
  Ref outer = Ref::steal(Value::from_obj(tuple_from(items, 2)));
  EXPECT_EQ(hash(outer.get()), -333907151259015829);
}

TEST_F(TupleTest, Comparison) {
  EXPECT_TRUE(compare_bool(ints({1, 2}).get(), ints({1, 3}).get(), CmpOp::Lt));
  EXPECT_FALSE(compare_bool(ints({1, 2}).get(), ints({1}).get(), CmpOp::Lt));
  EXPECT_TRUE(compare_bool(ints({1, 2}).get(), ints({1}).get(), CmpOp::Gt));
  EXPECT_TRUE(compare_bool(ints({1, 2}).get(), ints({1, 2}).get(), CmpOp::Eq));
  EXPECT_TRUE(compare_bool(ints({1, 2}).get(), ints({1, 2}).get(), CmpOp::Le));
  EXPECT_TRUE(compare_bool(ints({1, 2}).get(), ints({2}).get(), CmpOp::Ne));
  EXPECT_TRUE(compare_bool(ints({}).get(), ints({}).get(), CmpOp::Ge));
  EXPECT_TRUE(equal(ints({1, 2}).get(), ints({1, 2}).get()));
  Ref s = core_test::s("a");
  Value mixed_items[2] = {Value::from_int(1), s.get()};
  Ref mixed = Ref::steal(Value::from_obj(tuple_from(mixed_items, 2)));
  EXPECT_EQ(error_of([&] { compare(mixed.get(), ints({1, 2}).get(), CmpOp::Lt); }),
            "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(error_of([&] { compare(ints({1}).get(), Value::from_int(1), CmpOp::Lt); }),
            "TypeError: '<' not supported between instances of 'tuple' and 'int'");
  EXPECT_FALSE(equal(ints({1}).get(), Value::from_int(1)));
}

TEST_F(TupleTest, Indexing) {
  Ref t = ints({10, 20, 30});
  EXPECT_EQ(length(t.get()), 3);
  Ref a = Ref::steal(getitem(t.get(), Value::from_int(0)));
  EXPECT_EQ(a.get(), Value::from_int(10));
  Ref b = Ref::steal(getitem(t.get(), Value::from_int(-1)));
  EXPECT_EQ(b.get(), Value::from_int(30));
  EXPECT_EQ(error_of([&] { getitem(t.get(), Value::from_int(3)); }),
            "IndexError: tuple index out of range");
  EXPECT_EQ(error_of([&] { getitem(t.get(), Value::from_int(-4)); }),
            "IndexError: tuple index out of range");
  EXPECT_EQ(error_of([&] { getitem(t.get(), Value::from_double(1.0)); }),
            "TypeError: tuple indices must be integers or slices, not float");
  Ref sl = Ref::steal(slice_new(Value::from_int(1), None(), None()));
  Ref tail = Ref::steal(getitem(t.get(), sl.get()));
  EXPECT_EQ(repr_string(tail.get()), "(20, 30)");
  Ref sl2 = Ref::steal(slice_new(None(), None(), Value::from_int(-2)));
  Ref rev = Ref::steal(getitem(t.get(), sl2.get()));
  EXPECT_EQ(repr_string(rev.get()), "(30, 10)");
}

TEST_F(TupleTest, ConcatAndRepeat) {
  Ref c = Ref::steal(binary_op(ints({1}).get(), ints({2, 3}).get(), BinOp::Add));
  EXPECT_EQ(repr_string(c.get()), "(1, 2, 3)");
  Ref m = Ref::steal(binary_op(ints({1, 2}).get(), Value::from_int(2), BinOp::Mul));
  EXPECT_EQ(repr_string(m.get()), "(1, 2, 1, 2)");
  Ref m2 = Ref::steal(binary_op(Value::from_int(3), ints({0}).get(), BinOp::Mul));
  EXPECT_EQ(repr_string(m2.get()), "(0, 0, 0)");
  Ref m3 = Ref::steal(binary_op(ints({1}).get(), Value::from_int(-1), BinOp::Mul));
  EXPECT_EQ(repr_string(m3.get()), "()");
  Ref l = Ref::steal(Value::from_obj(list_new(0)));
  EXPECT_EQ(error_of([&] { binary_op(ints({1}).get(), l.get(), BinOp::Add); }),
            "TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_EQ(error_of([&] { binary_op(ints({1}).get(), l.get(), BinOp::Add, true); }),
            "TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_EQ(error_of([&] { binary_op(ints({1}).get(), Value::from_double(2.0), BinOp::Mul); }),
            "TypeError: can't multiply sequence by non-int of type 'float'");
}

TEST_F(TupleTest, ContainsCountIndex) {
  Ref t = ints({1, 2, 3, 2});
  EXPECT_TRUE(contains(t.get(), Value::from_int(3)));
  EXPECT_FALSE(contains(t.get(), Value::from_int(5)));
  EXPECT_EQ(method(t.get(), "count", {Value::from_int(2)}).get(), Value::from_int(2));
  EXPECT_EQ(method(t.get(), "index", {Value::from_int(2)}).get(), Value::from_int(1));
  EXPECT_EQ(method(t.get(), "index", {Value::from_int(2), Value::from_int(2)}).get(),
            Value::from_int(3));
  EXPECT_EQ(method(t.get(), "index", {Value::from_int(3), Value::from_int(-2)}).get(),
            Value::from_int(2));
  EXPECT_EQ(error_of([&] { method(t.get(), "index", {Value::from_int(3), Value::from_int(0),
                                                     Value::from_int(2)}); }),
            "ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(error_of([&] { method(t.get(), "count", {}); }),
            "TypeError: tuple.count() takes exactly one argument (0 given)");
  EXPECT_EQ(error_of([&] { method(t.get(), "index", {}); }),
            "TypeError: index expected at least 1 argument, got 0");
}

TEST_F(TupleTest, IterationAndConstruction) {
  Ref t = ints({4, 5});
  Ref it = Ref::steal(get_iter(t.get()));
  EXPECT_STREQ(type_name(it.get()), "tuple_iterator");
  Ref x = Ref::steal(iter_next(it.get()));
  Ref y = Ref::steal(iter_next(it.get()));
  EXPECT_EQ(x.get(), Value::from_int(4));
  EXPECT_EQ(y.get(), Value::from_int(5));
  EXPECT_TRUE(iter_next(it.get()).is_null());
  EXPECT_TRUE(iter_next(it.get()).is_null());
  Ref copy = Ref::steal(call1(Value::from_obj(&tuple_type), t.get()));
  EXPECT_EQ(copy.get(), t.get());
  Ref it2 = Ref::steal(get_iter(t.get()));
  Ref fromit = Ref::steal(call1(Value::from_obj(&tuple_type), it2.get()));
  EXPECT_EQ(repr_string(fromit.get()), "(4, 5)");
  EXPECT_EQ(error_of([] { call1(Value::from_obj(&tuple_type), Value::from_int(1)); }),
            "TypeError: 'int' object is not iterable");
  EXPECT_EQ(error_of([] { call2(Value::from_obj(&tuple_type), None(), None()); }),
            "TypeError: tuple expected at most 1 argument, got 2");
}

}  // namespace
