// Unit tests of free-threaded-only machinery, built against minipy-ft's core: quiescent-state
// reclamation (runtime/qsbr.h) and lockless critical sections while one thread runs
// (runtime/critical_section.h). They also run under ThreadSanitizer (label "thread").
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "runtime/critical_section.h"
#include "runtime/init.h"
#include "runtime/objects.h"
#include "runtime/qsbr.h"
#include "vm/gil.h"

namespace {

bool mutex_locked(rt::Object* o) {
  return rt::atomic_field(o->mutex).load(std::memory_order_acquire) & rt::kMutexLocked;
}

class FreeThreading : public ::testing::Test {
 protected:
  void SetUp() override {
    rt::runtime_init();
    main_ = vm::current_thread();
    if (main_->status.load() != vm::kAttached) vm::thread_attach(main_);
  }
  // Lets the calling thread run [n] safe points' worth of quiescent states.
  static void quiesce(int n = 100) {
    for (int i = 0; i < n; ++i) rt::qsbr_quiescent();
  }
  vm::ThreadState* main_ = nullptr;
};

// A thread that attaches and then reports quiescent states only when told to.
class OtherThread {
 public:
  OtherThread() {
    thread_ = std::thread([this] {
      vm::ThreadState* ts = vm::thread_state_init();
      vm::thread_attach(ts);
      ready_ = true;
      while (command_.load() == 0) std::this_thread::yield();
      if (command_.load() == 1) rt::qsbr_quiescent();
      if (command_.load() == 2) vm::thread_detach(ts);
      done_ = true;
      while (command_.load() != 3) std::this_thread::yield();
      if (ts->status.load() != vm::kAttached) vm::thread_attach(ts);
      vm::thread_state_exit();
    });
    while (!ready_.load()) std::this_thread::yield();
  }
  void tell(int c) {
    command_ = c;
    if (c != 3)
      while (!done_.load()) std::this_thread::yield();
  }
  ~OtherThread() {
    tell(3);
    thread_.join();
  }

 private:
  std::thread thread_;
  std::atomic<bool> ready_{false}, done_{false};
  std::atomic<int> command_{0};
};

TEST_F(FreeThreading, DeferredReferenceWaitsForEveryThreadsQuiescentState) {
  rt::List* l = rt::list_new(0);
  rt::incref(l);  // the test's own reference; the other one is deferred
  rt::object_locks_enable();
  {
    OtherThread other;
    rt::qsbr_decref(l);
    quiesce();
    EXPECT_EQ(rt::refcount(l), 2) << "released before the other thread passed a safe point";
    EXPECT_EQ(rt::qsbr_pending(), 1u);
    other.tell(1);  // one quiescent state
    quiesce();
    EXPECT_EQ(rt::refcount(l), 1);
    EXPECT_EQ(rt::qsbr_pending(), 0u);
  }
  rt::object_locks_disable();
  rt::decref(l);
}

TEST_F(FreeThreading, DetachedThreadsDoNotHoldReclamationBack) {
  rt::List* l = rt::list_new(0);
  rt::incref(l);
  rt::object_locks_enable();
  {
    OtherThread other;
    rt::qsbr_decref(l);
    quiesce();
    EXPECT_EQ(rt::refcount(l), 2);
    other.tell(2);  // detaches: blocked in a call, it holds no borrowed reference
    quiesce();
    EXPECT_EQ(rt::refcount(l), 1);
  }
  rt::object_locks_disable();
  rt::decref(l);
}

TEST_F(FreeThreading, AloneTheReferenceIsDroppedAtOnce) {
  rt::List* l = rt::list_new(0);
  rt::incref(l);
  rt::qsbr_decref(l);
  EXPECT_EQ(rt::refcount(l), 1);
  EXPECT_EQ(rt::qsbr_pending(), 0u);
  rt::decref(l);
}

TEST_F(FreeThreading, SectionsTakeNoLockWhileAloneAndLockWhenASecondThreadStarts) {
  rt::List* a = rt::list_new(0);
  rt::List* b = rt::list_new(0);
  {
    rt::CriticalSection outer(a);
    {
      rt::LeafCriticalSection leaf(b);
      EXPECT_FALSE(mutex_locked(b));
    }
    EXPECT_FALSE(mutex_locked(a));
    rt::object_locks_enable();  // what spawn_thread does before the thread exists
    EXPECT_TRUE(mutex_locked(a)) << "the open section must hold its lock from now on";
    {
      rt::LeafCriticalSection leaf(b);
      EXPECT_TRUE(mutex_locked(b));
      rt::LeafCriticalSection again(a);  // held by the enclosing section: no deadlock
    }
    EXPECT_FALSE(mutex_locked(b));
  }
  EXPECT_FALSE(mutex_locked(a));
  rt::object_locks_disable();
  {
    rt::CriticalSection2 both(a, b);
    EXPECT_FALSE(mutex_locked(a));
    EXPECT_FALSE(mutex_locked(b));
  }
  rt::decref(a);
  rt::decref(b);
}

}  // namespace
