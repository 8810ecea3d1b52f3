// Unit tests of the set internals: CPython's iteration order for ints (probing, resize and
// dummy reuse), discard, pop's finger, frozenset hashing and the set algebra's order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "tests/unit/core_test_util.h"

using namespace rt;
using core_test::error_of;

namespace {

class SetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { core_test::ensure_runtime(); }
};

Ref set_of(std::initializer_list<int64_t> xs, Type* t = &set_type) {
  Set* s = set_new(t);
  for (int64_t x : xs) set_add(s, Value::from_int(x));
  return Ref::steal(Value::from_obj(s));
}

std::vector<int64_t> order(Value s) {
  std::vector<int64_t> out;
  size_t pos = 0;
  Value k;
  while (set_next(s.as<Set>(), &pos, &k)) out.push_back(k.as_int());
  return out;
}

Ref method(Value self, const char* name, std::initializer_list<Value> args) {
  Ref m = Ref::steal(getattr(self, str_intern(name)));
  return Ref::steal(call(m.get(), args.begin(), args.size()));
}

TEST_F(SetTest, CPythonOrderSmall) {
  Ref s = set_of({5, 3, 1000, 2, 65, 8});
  EXPECT_EQ(order(s.get()), (std::vector<int64_t>{65, 2, 3, 5, 1000, 8}));
  EXPECT_EQ(repr_string(s.get()), "{65, 2, 3, 5, 1000, 8}");
}

TEST_F(SetTest, CPythonOrderAfterResize) {
  Set* s = set_new();
  Ref r = Ref::steal(Value::from_obj(s));
  for (int64_t x = 100; x > 0; x -= 7) set_add(s, Value::from_int(x));
  EXPECT_EQ(repr_string(r.get()), "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
  EXPECT_EQ(s->mask, 31u);
}

TEST_F(SetTest, DummiesAreReused) {
  Set* s = set_new();
  Ref r = Ref::steal(Value::from_obj(s));
  for (int64_t x = 0; x < 20; x++) set_add(s, Value::from_int(x));
  for (int64_t x = 0; x < 20; x += 3) EXPECT_TRUE(set_discard(s, Value::from_int(x)));
  EXPECT_FALSE(set_discard(s, Value::from_int(0)));
  set_add(s, Value::from_int(100));
  set_add(s, Value::from_int(33));
  EXPECT_EQ(repr_string(r.get()), "{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 33, 100}");
  EXPECT_TRUE(set_contains(s, Value::from_int(33)));
  EXPECT_FALSE(set_contains(s, Value::from_int(3)));
}

TEST_F(SetTest, PopUsesFinger) {
  Ref s = set_of({1, 2, 3, 40});
  EXPECT_EQ(method(s.get(), "pop", {}).get(), Value::from_int(40));
  EXPECT_EQ(method(s.get(), "pop", {}).get(), Value::from_int(1));
  EXPECT_EQ(repr_string(s.get()), "{2, 3}");
  Ref e = set_of({});
  EXPECT_EQ(error_of([&] { method(e.get(), "pop", {}); }), "KeyError: 'pop from an empty set'");
}

TEST_F(SetTest, FrozensetHashMatchesCPython) {
  Ref f = set_of({1, 2, 3}, &frozenset_type);
  EXPECT_EQ(hash(f.get()), -272375401224217160);
  Ref e = set_of({}, &frozenset_type);
  EXPECT_EQ(hash(e.get()), 133146708735736);
  EXPECT_EQ(repr_string(f.get()), "frozenset({1, 2, 3})");
  EXPECT_EQ(repr_string(e.get()), "frozenset()");
  Ref s = set_of({});
  EXPECT_EQ(error_of([&] { hash(s.get()); }), "TypeError: unhashable type: 'set'");
}

TEST_F(SetTest, AlgebraOrder) {
  Ref a = set_of({1, 2, 3});
  Ref b = set_of({3, 4, 100});
  EXPECT_EQ(repr_string(Ref::steal(binary_op(a.get(), b.get(), BinOp::Xor)).get()), "{1, 2, 100, 4}");
  Ref c = set_of({100, 1, 2});
  Ref d = set_of({2, 100, 7});
  EXPECT_EQ(repr_string(Ref::steal(binary_op(c.get(), d.get(), BinOp::And)).get()), "{2, 100}");
  Ref two = set_of({2});
  EXPECT_EQ(repr_string(Ref::steal(binary_op(a.get(), two.get(), BinOp::Sub)).get()), "{1, 3}");
  EXPECT_TRUE(compare_bool(two.get(), a.get(), CmpOp::Lt));
  EXPECT_FALSE(compare_bool(a.get(), a.get(), CmpOp::Lt));
}

TEST_F(SetTest, ChangedSizeDuringIteration) {
  Ref s = set_of({1});
  Ref it = Ref::steal(get_iter(s.get()));
  set_add(s.as<Set>(), Value::from_int(2));
  EXPECT_EQ(error_of([&] { Ref x = Ref::steal(iter_next(it.get())); }),
            "RuntimeError: Set changed size during iteration");
}

TEST_F(SetTest, ManyInsertsAndRemovals) {
  Set* s = set_new();
  Ref r = Ref::steal(Value::from_obj(s));
  for (int64_t x = 0; x < 100000; x++) set_add(s, Value::from_int(x * 3));
  EXPECT_EQ(s->used, 100000u);
  for (int64_t x = 0; x < 100000; x += 2) set_discard(s, Value::from_int(x * 3));
  EXPECT_EQ(s->used, 50000u);
  EXPECT_TRUE(set_contains(s, Value::from_int(3)));
  EXPECT_FALSE(set_contains(s, Value::from_int(6)));
}

}  // namespace
