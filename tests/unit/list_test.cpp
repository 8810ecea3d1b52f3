// Unit tests of the list type: growth, slicing and slice assignment, sorting (stability,
// reverse, exceptions leave every item in the list; timsort itself) and the error messages of
// indexing.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "runtime/timsort.h"
#include "tests/unit/core_test_util.h"

using namespace rt;
using core_test::error_of;

namespace {

class ListTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { core_test::ensure_runtime(); }
};

Ref list_of(std::initializer_list<int64_t> xs) {
  List* l = list_new(0);
  for (int64_t x : xs) list_append(l, Value::from_int(x));
  return Ref::steal(Value::from_obj(l));
}

Ref slice(Value a, Value b, Value c) { return Ref::steal(slice_new(a, b, c)); }

TEST_F(ListTest, AppendGrows) {
  Ref l = list_of({});
  for (int64_t i = 0; i < 10000; i++) list_append(l.as<List>(), Value::from_int(i));
  EXPECT_EQ(l.as<List>()->size, 10000u);
  EXPECT_GE(l.as<List>()->capacity, 10000u);
  EXPECT_EQ(Ref::steal(getitem(l.get(), Value::from_int(-1))).get(), Value::from_int(9999));
}

TEST_F(ListTest, IndexErrors) {
  Ref l = list_of({1, 2});
  EXPECT_EQ(error_of([&] { getitem(l.get(), Value::from_int(2)); }), "IndexError: list index out of range");
  EXPECT_EQ(error_of([&] { setitem(l.get(), Value::from_int(-3), None()); }),
            "IndexError: list assignment index out of range");
  Ref k = core_test::s("a");
  EXPECT_EQ(error_of([&] { getitem(l.get(), k.get()); }),
            "TypeError: list indices must be integers or slices, not str");
}

TEST_F(ListTest, Slices) {
  Ref l = list_of({0, 1, 2, 3, 4, 5});
  Ref s = slice(None(), None(), Value::from_int(-2));
  EXPECT_EQ(repr_string(Ref::steal(getitem(l.get(), s.get())).get()), "[5, 3, 1]");
  Ref s2 = slice(Value::from_int(1), Value::from_int(3), None());
  Ref repl = list_of({9, 9, 9});
  setitem(l.get(), s2.get(), repl.get());
  EXPECT_EQ(repr_string(l.get()), "[0, 9, 9, 9, 3, 4, 5]");
  Ref s3 = slice(None(), None(), Value::from_int(2));
  delitem(l.get(), s3.get());
  EXPECT_EQ(repr_string(l.get()), "[9, 9, 4]");
  Ref three = list_of({1, 2, 3});
  EXPECT_EQ(error_of([&] { setitem(l.get(), s3.get(), three.get()); }),
            "ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
}

TEST_F(ListTest, SortStableAndReverse) {
  Ref l = list_of({3, 1, 2, 5, 4});
  list_sort(l.as<List>(), Value::null(), false);
  EXPECT_EQ(repr_string(l.get()), "[1, 2, 3, 4, 5]");
  list_sort(l.as<List>(), None(), true);
  EXPECT_EQ(repr_string(l.get()), "[5, 4, 3, 2, 1]");
}

TEST_F(ListTest, SortErrorLeavesListValid) {
  List* l = list_new(0);
  Ref r = Ref::steal(Value::from_obj(l));
  list_append(l, Value::from_int(2));
  list_append(l, core_test::s("x").get());
  list_append(l, Value::from_int(1));
  EXPECT_EQ(error_of([&] { list_sort(l, Value::null(), false); }),
            "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(l->size, 3u);
  EXPECT_EQ(repr_string(r.get()), "[2, 'x', 1]");
}

// Sorts (key, position) items by key alone: equal keys must keep their order, as
// std::stable_sort keeps it. Lengths around the minimum run (64) and powers of two, data
// with few distinct keys (long galloping) and with many.
struct Keyed {
  int key, pos;
  bool operator==(const Keyed&) const = default;
};

TEST(Timsort, SortsStably) {
  std::mt19937 rng(7);
  for (size_t n : {0, 1, 2, 63, 64, 65, 127, 128, 129, 1000, 4096, 10007}) {
    for (int distinct : {2, 50, 1 << 30}) {
      std::vector<Keyed> v(n);
      for (size_t i = 0; i < n; i++) v[i] = {int(rng() % unsigned(distinct)), int(i)};
      auto by_key = [](const Keyed& a, const Keyed& b) { return a.key < b.key; };
      if (distinct == 50) std::stable_sort(v.begin(), v.begin() + long(n / 2), by_key);  // a long first run
      auto want = v;
      std::stable_sort(want.begin(), want.end(), by_key);
      timsort(v.data(), n, by_key);
      EXPECT_EQ(v, want) << "n=" << n << " distinct=" << distinct;
    }
  }
}

// A comparison that throws, at any point of the sort, leaves every element in the array
// exactly once (the merges put back what they had set aside).
TEST(Timsort, ThrowingComparisonKeepsAPermutation) {
  std::mt19937 rng(11);
  std::vector<int> data(700);
  for (int& x : data) x = int(rng() % 300);
  size_t total = 0;
  timsort(std::vector<int>(data).data(), data.size(), [&](int a, int b) { return ++total, a < b; });
  for (size_t limit = 1; limit <= total; limit += 37) {
    std::vector<int> v = data;
    size_t count = 0;
    EXPECT_THROW(timsort(v.data(), v.size(),
                         [&](int a, int b) {
                           if (++count == limit) throw std::runtime_error("stop");
                           return a < b;
                         }),
                 std::runtime_error);
    std::vector<int> sorted_v = v, sorted_data = data;
    std::sort(sorted_v.begin(), sorted_v.end());
    std::sort(sorted_data.begin(), sorted_data.end());
    EXPECT_EQ(sorted_v, sorted_data) << "limit=" << limit;
  }
}

TEST_F(ListTest, RecursiveRepr) {
  Ref l = list_of({1});
  list_append(l.as<List>(), l.get());
  EXPECT_EQ(repr_string(l.get()), "[1, [...]]");
  delitem(l.get(), Value::from_int(1));
}

TEST_F(ListTest, ConcatAndRepeat) {
  Ref a = list_of({1, 2});
  Ref b = list_of({3});
  EXPECT_EQ(repr_string(Ref::steal(binary_op(a.get(), b.get(), BinOp::Add)).get()), "[1, 2, 3]");
  EXPECT_EQ(repr_string(Ref::steal(binary_op(Value::from_int(2), b.get(), BinOp::Mul)).get()), "[3, 3]");
  Ref t = Ref::steal(Value::from_obj(tuple_new(0)));
  EXPECT_EQ(error_of([&] { binary_op(a.get(), t.get(), BinOp::Add); }),
            "TypeError: can only concatenate list (not \"tuple\") to list");
}

}  // namespace
