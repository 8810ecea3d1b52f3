// Unit tests of the GIL (vm/gil.cpp): a waiting thread's drop request reaches the holder,
// forced switching hands the GIL over, and GilRelease lets another thread run.
#include "vm/gil.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

// The holder polls its eval breaker as the interpreter loop does at safe points, until
// [done] or a 10 s safety limit; returns how many times it yielded.
int run_safe_points(vm::ThreadState* ts, const std::atomic<bool>& done) {
  int yields = 0;
  auto limit = Clock::now() + std::chrono::seconds(10);
  while (!done.load() && Clock::now() < limit) {
    if (ts->eval_breaker.load() & vm::kBreakGilDrop) {
      vm::gil_yield(ts);
      ++yields;
    }
  }
  return yields;
}

TEST(Gil, WaiterGetsTheGilThroughADropRequest) {
  if (!vm::gil_enabled()) GTEST_SKIP() << "no GIL in this configuration";
  vm::ThreadState* main = vm::current_thread();
  vm::gil_take(main);
  vm::GilStats before = vm::gil_stats();
  std::atomic<bool> ran{false};
  std::thread other([&] {
    vm::ThreadState* ts = vm::thread_state_init();
    vm::gil_take(ts);
    EXPECT_TRUE(ts->holds_gil);
    ran = true;
    vm::gil_drop(ts);
    vm::thread_state_exit();
  });
  int yields = run_safe_points(main, ran);
  other.join();
  EXPECT_TRUE(ran.load());
  EXPECT_GE(yields, 1);
  EXPECT_TRUE(main->holds_gil);
  vm::GilStats after = vm::gil_stats();
  EXPECT_GE(after.drop_requests, before.drop_requests + 1);
  EXPECT_GE(after.switches, before.switches + 2);
  vm::gil_drop(main);
}

TEST(Gil, GilReleaseLetsAnotherThreadRun) {
  if (!vm::gil_enabled()) GTEST_SKIP() << "no GIL in this configuration";
  vm::ThreadState* main = vm::current_thread();
  vm::gil_take(main);
  std::atomic<bool> ran{false};
  std::thread other([&] {
    vm::ThreadState* ts = vm::thread_state_init();
    vm::gil_take(ts);
    ran = true;
    vm::gil_drop(ts);
    vm::thread_state_exit();
  });
  {
    vm::GilRelease released;
    EXPECT_FALSE(main->holds_gil);
    other.join();
  }
  EXPECT_TRUE(main->holds_gil);
  EXPECT_TRUE(ran.load());
  vm::gil_drop(main);
}

}  // namespace
