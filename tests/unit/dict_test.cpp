// Unit tests of the dict internals: insertion order through growth and deletion, the index
// table widths, version bumps, popitem, views, KeyError and iteration-time mutation errors.
#include <gtest/gtest.h>

#include <string>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "tests/unit/core_test_util.h"

using namespace rt;
using core_test::error_of;

namespace {

class DictTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { core_test::ensure_runtime(); }
};

Ref new_dict() { return Ref::steal(Value::from_obj(dict_new())); }

// The keys of [d] in iteration order, as small ints.
std::vector<int64_t> int_keys(Dict* d) {
  std::vector<int64_t> out;
  size_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) out.push_back(k.as_int());
  return out;
}

Ref method(Value self, const char* name, std::initializer_list<Value> args) {
  Ref m = Ref::steal(getattr(self, str_intern(name)));
  return Ref::steal(call(m.get(), args.begin(), args.size()));
}

TEST_F(DictTest, InsertionOrderThroughGrowth) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  std::vector<int64_t> want;
  for (int64_t i = 0; i < 1000; i++) {
    int64_t k = (i * 7919) % 1000;
    dict_set(dp, Value::from_int(k), Value::from_int(i));
    want.push_back(k);
  }
  EXPECT_EQ(dp->used, 1000u);
  EXPECT_EQ(int_keys(dp), want);
  // 1000 live keys need a 2048-slot index (16-bit slots), usable 2/3 of it.
  EXPECT_EQ(dp->log2_index, 11);
  EXPECT_EQ(dp->capacity, (2048u * 2) / 3);
  for (int64_t i = 0; i < 1000; i++) {
    int64_t k = (i * 7919) % 1000;
    EXPECT_EQ(dict_get(dp, Value::from_int(k)), Value::from_int(i));
  }
}

TEST_F(DictTest, FirstTableHoldsFiveEntries) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  for (int i = 0; i < 5; i++) dict_set(dp, Value::from_int(i), None());
  EXPECT_EQ(dp->log2_index, 3);
  dict_set(dp, Value::from_int(5), None());
  EXPECT_EQ(dp->log2_index, 4);  // full: grows to fit used*3 = 15 slots
}

TEST_F(DictTest, DeletionKeepsOrderAndReinsertGoesLast) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  for (int i = 0; i < 6; i++) dict_set(dp, Value::from_int(i), Value::from_int(i * 10));
  EXPECT_TRUE(dict_del(dp, Value::from_int(2)));
  EXPECT_FALSE(dict_del(dp, Value::from_int(2)));
  dict_set(dp, Value::from_int(2), Value::from_int(99));
  EXPECT_EQ(int_keys(dp), (std::vector<int64_t>{0, 1, 3, 4, 5, 2}));
  EXPECT_EQ(repr_string(d.get()), "{0: 0, 1: 10, 3: 30, 4: 40, 5: 50, 2: 99}");
  // Replacing a value keeps the position.
  dict_set(dp, Value::from_int(0), Value::from_int(7));
  EXPECT_EQ(int_keys(dp).front(), 0);
}

TEST_F(DictTest, ManyDeletionsCompact) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  for (int round = 0; round < 100; round++) {
    for (int i = 0; i < 50; i++) dict_set(dp, Value::from_int(round * 50 + i), None());
    for (int i = 0; i < 50; i++) EXPECT_TRUE(dict_del(dp, Value::from_int(round * 50 + i)));
  }
  EXPECT_EQ(dp->used, 0u);
  EXPECT_LE(dp->log2_index, 8);
}

TEST_F(DictTest, StrKeysAndFastPath) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  Str* a = str_intern("alpha");
  dict_set(dp, Value::from_obj(a), Value::from_int(1));
  Ref other = core_test::s("alpha");  // equal content, different object
  EXPECT_EQ(dict_get_str(dp, a), Value::from_int(1));
  EXPECT_EQ(dict_get_str(dp, other.as<Str>()), Value::from_int(1));
  EXPECT_EQ(dict_get(dp, other.get()), Value::from_int(1));
  EXPECT_TRUE(dict_get_str(dp, str_intern("beta")).is_null());
}

TEST_F(DictTest, LargeIndexWidths) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  for (int64_t i = 0; i < 200000; i++) dict_set(dp, Value::from_int(i), Value::from_int(-i));
  EXPECT_EQ(dp->log2_index, 19);  // 32-bit slots
  for (int64_t i = 0; i < 200000; i += 997) EXPECT_EQ(dict_get(dp, Value::from_int(i)), Value::from_int(-i));
  EXPECT_EQ(int_keys(dp).back(), 199999);
}

TEST_F(DictTest, VersionBumpsOnMutation) {
  Ref d = new_dict();
  Dict* dp = d.as<Dict>();
  uint64_t v0 = dp->version;
  dict_set(dp, Value::from_int(1), None());
  uint64_t v1 = dp->version;
  EXPECT_NE(v0, v1);
  dict_set(dp, Value::from_int(1), True());
  EXPECT_NE(dp->version, v1);
  uint64_t v2 = dp->version;
  dict_del(dp, Value::from_int(1));
  EXPECT_NE(dp->version, v2);
}

TEST_F(DictTest, KeyErrorCarriesTheKey) {
  Ref d = new_dict();
  Ref k = core_test::s("missing");
  EXPECT_EQ(error_of([&] { Ref r = Ref::steal(getitem(d.get(), k.get())); }), "KeyError: 'missing'");
  Ref l = Ref::steal(Value::from_obj(list_new(0)));
  EXPECT_EQ(error_of([&] { dict_set(d.as<Dict>(), l.get(), None()); }), "TypeError: unhashable type: 'list'");
}

TEST_F(DictTest, PopitemIsLifo) {
  Ref d = new_dict();
  for (int i = 0; i < 3; i++) dict_set(d.as<Dict>(), Value::from_int(i), Value::from_int(i));
  Ref t = method(d.get(), "popitem", {});
  EXPECT_EQ(repr_string(t.get()), "(2, 2)");
  dict_set(d.as<Dict>(), Value::from_int(9), None());
  EXPECT_EQ(repr_string(d.get()), "{0: 0, 1: 1, 9: None}");
  Ref e = new_dict();
  EXPECT_EQ(error_of([&] { method(e.get(), "popitem", {}); }), "KeyError: 'popitem(): dictionary is empty'");
}

TEST_F(DictTest, ViewsRepr) {
  Ref d = new_dict();
  dict_set(d.as<Dict>(), core_test::s("a").get(), Value::from_int(1));
  EXPECT_EQ(repr_string(method(d.get(), "keys", {}).get()), "dict_keys(['a'])");
  EXPECT_EQ(repr_string(method(d.get(), "values", {}).get()), "dict_values([1])");
  EXPECT_EQ(repr_string(method(d.get(), "items", {}).get()), "dict_items([('a', 1)])");
}

TEST_F(DictTest, ChangedSizeDuringIteration) {
  Ref d = new_dict();
  dict_set(d.as<Dict>(), Value::from_int(1), None());
  Ref it = Ref::steal(get_iter(d.get()));
  dict_set(d.as<Dict>(), Value::from_int(2), None());
  EXPECT_EQ(error_of([&] { Ref x = Ref::steal(iter_next(it.get())); }),
            "RuntimeError: dictionary changed size during iteration");
}

TEST_F(DictTest, RecursiveRepr) {
  Ref d = new_dict();
  dict_set(d.as<Dict>(), Value::from_int(1), d.get());
  EXPECT_EQ(repr_string(d.get()), "{1: {...}}");
  method(d.get(), "clear", {});
}

}  // namespace
