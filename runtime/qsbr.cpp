// Quiescent-state-based reclamation (free-threaded build). Design: qsbr.h.
//
// Notes about the implementation
// ------------------------------
// - Memory order. A thread reports a quiescent state by a release store of the sequence it
//   read (acquire) from [wr_seq]; a poller reads the reports with acquire. So everything a
//   reader did with a borrowed reference before its report happens before the poller drops
//   that reference, and a reader that reported a sequence at or past a goal also sees the
//   write that preceded the deferral (the new dict version): it can no longer find the old
//   value.
// - Coming online is two steps, 1 and then the sequence read after it (both sequentially
//   consistent): a poller that still saw the thread offline deferred before the thread read
//   [wr_seq], so the thread sees the write; one that sees 1 waits for it.
// - Pending references are kept in deferral order, so their goals increase: the ready ones
//   are a prefix. While some wait, the thread polls again every kPollEvery safe points.
#include "runtime/qsbr.h"

#if MINIPY_FREE_THREADED

#include <algorithm>
#include <limits>
#include <mutex>
#include <vector>

#include "runtime/critical_section.h"

namespace rt {

namespace {

struct Pending {
  uint64_t goal;
  Object* obj;
};

struct QsbrThread {
  std::atomic<uint64_t> seen{0};  // the sequence of its last quiescent state; 0: offline
  std::atomic<uint32_t>* breaker = nullptr;
  uint32_t bit = 0;
  std::vector<Pending> pending;  // only the thread itself touches it
  uint32_t skipped = 0;          // safe points since the last poll
};

constexpr uint32_t kPollEvery = 32;
constexpr size_t kRequestEvery = 256;

std::atomic<uint64_t> wr_seq{1};
std::mutex reg_mutex;
std::vector<QsbrThread*> reg;       // every registered thread; guarded by reg_mutex
std::vector<Pending> orphans;       // pending references of exited threads; reg_mutex
std::atomic<bool> have_orphans{false};
thread_local QsbrThread* tls_q = nullptr;

// Sets every registered thread's bit: each reports a quiescent state at its next safe point.
void request_all() {
  std::lock_guard<std::mutex> lock(reg_mutex);
  for (QsbrThread* t : reg) t->breaker->fetch_or(t->bit, std::memory_order_relaxed);
}

// Releases the references of [list] whose goal every other online thread has passed.
void release_ready(std::vector<Pending>& list, uint64_t passed) {
  size_t n = 0;
  while (n < list.size() && list[n].goal <= passed) ++n;
  if (n == 0) return;
  std::vector<Pending> ready(list.begin(), list.begin() + ptrdiff_t(n));
  list.erase(list.begin(), list.begin() + ptrdiff_t(n));
  for (const Pending& p : ready) decref(p.obj);  // may run arbitrary code: after the erase
}

void poll(QsbrThread* q) {
  uint64_t passed = std::numeric_limits<uint64_t>::max();
  std::vector<Pending> adopted;
  {
    std::lock_guard<std::mutex> lock(reg_mutex);
    for (QsbrThread* t : reg) {
      if (t == q) continue;
      uint64_t s = t->seen.load(std::memory_order_acquire);
      if (s != 0) passed = std::min(passed, s);
    }
    if (have_orphans.load(std::memory_order_relaxed)) {
      size_t n = 0;
      while (n < orphans.size() && orphans[n].goal <= passed) ++n;
      adopted.assign(orphans.begin(), orphans.begin() + ptrdiff_t(n));
      orphans.erase(orphans.begin(), orphans.begin() + ptrdiff_t(n));
      have_orphans.store(!orphans.empty(), std::memory_order_relaxed);
    }
  }
  release_ready(q->pending, passed);
  for (const Pending& p : adopted) decref(p.obj);
}

}  // namespace

void qsbr_thread_start(std::atomic<uint32_t>* eval_breaker, uint32_t breaker_bit) {
  auto* q = new QsbrThread();
  q->breaker = eval_breaker;
  q->bit = breaker_bit;
  tls_q = q;
  std::lock_guard<std::mutex> lock(reg_mutex);
  reg.push_back(q);
}

void qsbr_thread_exit() {
  QsbrThread* q = tls_q;
  if (q == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(reg_mutex);
    std::erase(reg, q);
    if (!q->pending.empty()) {
      // Goals increase across threads too, so merging keeps the list sorted.
      std::vector<Pending> merged;
      std::merge(orphans.begin(), orphans.end(), q->pending.begin(), q->pending.end(),
                 std::back_inserter(merged), [](const Pending& a, const Pending& b) { return a.goal < b.goal; });
      orphans.swap(merged);
      have_orphans.store(true, std::memory_order_relaxed);
      for (QsbrThread* t : reg) t->breaker->fetch_or(t->bit, std::memory_order_relaxed);
    }
  }
  tls_q = nullptr;
  delete q;
}

void qsbr_online() {
  QsbrThread* q = tls_q;
  if (q == nullptr) return;
  q->seen.store(1, std::memory_order_seq_cst);
  q->seen.store(wr_seq.load(std::memory_order_seq_cst), std::memory_order_release);
}

void qsbr_offline() {
  QsbrThread* q = tls_q;
  if (q != nullptr) q->seen.store(0, std::memory_order_release);
}

void qsbr_quiescent() {
  QsbrThread* q = tls_q;
  if (q == nullptr) return;
  q->seen.store(wr_seq.load(std::memory_order_acquire), std::memory_order_release);
  if (q->pending.empty() && !have_orphans.load(std::memory_order_relaxed)) return;
  bool alone = !object_locks_active();  // no other thread left to wait for: release now
  if (!alone && ++q->skipped < kPollEvery) {
    q->breaker->fetch_or(q->bit, std::memory_order_relaxed);  // poll again later
    return;
  }
  q->skipped = 0;
  poll(q);
  if (!q->pending.empty() || have_orphans.load(std::memory_order_relaxed)) request_all();
}

void qsbr_decref(Object* o) {
  QsbrThread* q = tls_q;
  // One thread (or a GIL): no other thread can hold a borrowed reference.
  if (q == nullptr || !object_locks_active() || is_immortal(o)) {
    decref(o);
    return;
  }
  uint64_t goal = wr_seq.fetch_add(1, std::memory_order_seq_cst) + 1;
  q->pending.push_back({goal, o});
  if (q->pending.size() == 1 || q->pending.size() % kRequestEvery == 0) request_all();
}

size_t qsbr_pending() {
  QsbrThread* q = tls_q;
  std::lock_guard<std::mutex> lock(reg_mutex);
  return (q ? q->pending.size() : 0) + orphans.size();
}

}  // namespace rt

#endif
