// Unit tests of the cycle collector (runtime/gc.cpp): which objects are tracked, that garbage
// cycles are found and freed while externally referenced ones survive, untracking, and the
// allocation counter that schedules a collection at the next safe point.
#include "runtime/gc.h"

#include <gtest/gtest.h>

#include "runtime/objects.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

using namespace rt;

namespace {

class GcTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_init();
    vm::ThreadState* ts = vm::current_thread();
    if (vm::gil_enabled() && !ts->holds_gil) vm::gil_take(ts);
  }
  void SetUp() override { gc_collect(); }
};

// A new list holding itself; returns it borrowed (its only reference is its own item).
List* self_list() {
  List* l = list_new(0);
  list_append(l, Value::from_obj(l));
  decref(l);
  return l;
}

TEST_F(GcTest, ContainersAreTrackedOthersNot) {
  Ref l = Ref::steal(Value::from_obj(list_new(0)));
  Ref d = Ref::steal(Value::from_obj(dict_new()));
  Ref t = Ref::steal(Value::from_obj(tuple_new(0)));
  Ref s = Ref::steal(str_value("not a container"));
  EXPECT_TRUE(gc_is_tracked(l.get().as_obj()));
  EXPECT_TRUE(gc_is_tracked(d.get().as_obj()));
  EXPECT_TRUE(l.get().as_obj()->gc_bits & kGcHasHead);
  EXPECT_FALSE(gc_is_tracked(s.get().as_obj()));
  EXPECT_FALSE(s.get().as_obj()->gc_bits & kGcHasHead);
}

TEST_F(GcTest, SelfReferencingListIsCollected) {
  int64_t before = gc_tracked_count();
  self_list();
  EXPECT_EQ(gc_tracked_count(), before + 1);
  EXPECT_EQ(gc_collect(), 1);
  EXPECT_EQ(gc_tracked_count(), before);
  EXPECT_EQ(gc_collect(), 0);
}

TEST_F(GcTest, ExternallyReferencedCycleSurvives) {
  List* l = self_list();
  incref(l);  // a reference from outside the tracked set (a C++ local)
  EXPECT_EQ(gc_collect(), 0);
  ASSERT_EQ(l->size, 1u);
  EXPECT_EQ(l->items[0].as_obj(), l);
  decref(l);
  EXPECT_EQ(gc_collect(), 1);
}

TEST_F(GcTest, ObjectsReachableFromARootSurvive) {
  // root -> a <-> b: a and b form a cycle, but root is referenced from here.
  Ref root = Ref::steal(Value::from_obj(list_new(0)));
  Ref a = Ref::steal(Value::from_obj(dict_new()));
  Ref b = Ref::steal(Value::from_obj(list_new(0)));
  dict_set(a.as<Dict>(), Value::from_int(1), b.get());
  list_append(b.as<List>(), a.get());
  list_append(root.as<List>(), a.get());
  a = Ref();
  b = Ref();
  EXPECT_EQ(gc_collect(), 0);
  Value a2 = root.as<List>()->items[0];
  EXPECT_EQ(a2.as<Dict>()->used, 1u);
  list_sort(root.as<List>(), Value::null(), false);  // still a working list
  root = Ref();
  EXPECT_EQ(gc_collect(), 2);
}

TEST_F(GcTest, CycleThroughTupleAndCell) {
  // cell -> tuple -> list -> cell: tuples have no clear slot, the cell and list break it.
  Cell* c = cell_new(None());
  Tuple* t = tuple_new(1);
  List* l = list_new(0);
  list_append(l, Value::from_obj(c));
  t->items()[0] = Value::from_obj(l);  // the tuple takes the list's reference
  Value old = c->value;
  c->value = Value::from_obj(t);       // the cell takes the tuple's reference
  decref(old);
  decref(c);
  EXPECT_EQ(gc_collect(), 3);
}

TEST_F(GcTest, UntrackedObjectsAreNotCollected) {
  List* l = self_list();
  gc_untrack(l);
  EXPECT_FALSE(gc_is_tracked(l));
  EXPECT_EQ(gc_collect(), 0);
  gc_track(l);
  EXPECT_TRUE(gc_is_tracked(l));
  EXPECT_EQ(gc_collect(), 1);
}

TEST_F(GcTest, ThresholdSchedulesACollectionAtTheNextSafePoint) {
  vm::ThreadState* ts = vm::current_thread();
  int64_t saved = gc_get_threshold();
  gc_set_threshold(10);  // effective: max(10, survivors / 2)
  ts->eval_breaker.fetch_and(~uint32_t(vm::kBreakGcScheduled));
  int64_t n = 0;
  while (!(ts->eval_breaker.load() & vm::kBreakGcScheduled) && n < 100000) {
    self_list();
    ++n;
  }
  // The allocations only asked for a collection; none has run yet.
  EXPECT_TRUE(ts->eval_breaker.load() & vm::kBreakGcScheduled);
  EXPECT_GT(n, 10);
  EXPECT_EQ(gc_get_count(), n);
  EXPECT_GE(gc_tracked_count(), n);
  int64_t before = gc_tracked_count();
  ts->eval_breaker.fetch_and(~uint32_t(vm::kBreakGcScheduled));
  gc_collect_scheduled();  // what the interpreter's eval-breaker handler calls
  EXPECT_EQ(gc_tracked_count(), before - n);
  EXPECT_EQ(gc_get_count(), 0);
  gc_set_threshold(saved);
}

TEST_F(GcTest, DisabledMeansNoAutomaticCollection) {
  vm::ThreadState* ts = vm::current_thread();
  int64_t saved = gc_get_threshold();
  gc_set_threshold(10);
  gc_set_enabled(false);
  ts->eval_breaker.fetch_and(~uint32_t(vm::kBreakGcScheduled));
  for (int i = 0; i < 50; ++i) self_list();
  EXPECT_FALSE(ts->eval_breaker.load() & vm::kBreakGcScheduled);
  gc_set_enabled(true);
  gc_set_threshold(saved);
  EXPECT_EQ(gc_collect(), 50);
}

TEST_F(GcTest, FreeingTrackedObjectsLowersTheCount) {
  gc_collect();
  for (int i = 0; i < 100; ++i) decref(list_new(0));
  EXPECT_EQ(gc_get_count(), 0);
}

}  // namespace
