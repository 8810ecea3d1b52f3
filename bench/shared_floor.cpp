// shared_floor: how well threads that share containers can scale on this machine, measured
// with no interpreter at all.
//
// threads_shared.py has every thread, in every iteration, append to one list, store into one
// dict and add 1 to a counter under one Lock. Whatever runs it, free-threaded CPython or
// minipy-ft, each of those operations must fetch a cache line from the core that wrote it last:
// the list's header and its last slot, the dict's header and an entry, the Lock's word, the
// counter list's header and its slot. (A dict keeps its entries in insertion order: threads
// that insert their keys together interleave them, so entries of different threads share
// cache lines, and so they do here.) This program does those memory operations in C++, with
// one-byte locks in the object headers (as minipy-ft's) and a spinning Lock, between stretches
// of private work that stand for the interpreter's own: by default 280 ns per iteration, of
// which 60 ns inside the Lock (on one thread, minipy-ft spends about 300 ns on an iteration of
// threads_shared.py, shared operations included, and holds the Lock for about 60 ns of it).
//
// The private work loads and stores thread-private memory, as an interpreter does (its stack,
// its frames): such work waits behind a cache miss, since x86 commits stores in order and a
// locked instruction drains them. Pure arithmetic would not (out-of-order execution runs it
// while the miss is served) and would show a floor no interpreter can reach.
//
// Its time with N threads over its time with one is the floor for that benchmark's scaling on
// this machine at this moment. How long a line takes to move between cores is the hardware's
// (on a virtual machine, also where the host put the virtual CPUs): 30 to 180 ns here.
//
//   build/shared_floor [--threads N] [--iterations K] [--work-ns W] [--locked-work-ns L]
//                      [--runs R] [--ops OP...]
//
// Prints the median times of R interleaved runs with 1 and with N threads and their ratio.
// --ops picks which of the operations run (list, dict, lock, counter; default all), to see
// what each costs. Exit status 1 if a run lost an update (the counts must be exact).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// An object header as minipy-ft lays it out: the lock byte shares its cache line with the
// fields the operation reads and writes.
struct alignas(64) Header {
  std::atomic<uint8_t> mutex{0};
  size_t size = 0;
  int64_t* items = nullptr;
};

struct Shared {
  Header list, dict, counter;
  alignas(64) std::atomic<uint8_t> lock_word{0};  // the threading.Lock
};

// The benchmark's operations, each selectable (--ops).
enum : unsigned { kList = 1, kDict = 2, kLock = 4, kCounter = 8 };
constexpr int kKeysPerThread = 100;  // the benchmark's keys: (thread, i % 100)

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

void lock(std::atomic<uint8_t>& m) {
  uint8_t expected = 0;
  while (!m.compare_exchange_weak(expected, 1, std::memory_order_acquire)) {
    while (m.load(std::memory_order_relaxed) != 0) cpu_relax();
    expected = 0;
  }
}
void unlock(std::atomic<uint8_t>& m) { m.store(0, std::memory_order_release); }

// [units] rounds of loads and stores to the calling thread's own memory.
thread_local uint64_t scratch[64];
[[gnu::noinline]] uint64_t private_work(uint64_t units, uint64_t seed) {
  volatile uint64_t* p = scratch;
  for (uint64_t k = 0; k < units; ++k) {
    p[k & 63] = seed;
    seed = p[(k + 1) & 63] + k;
  }
  return seed;
}

volatile uint64_t g_sink;  // keeps the work's results alive

// Rounds of private_work per nanosecond on one core.
double calibrate() {
  for (uint64_t units = 1 << 16;; units *= 2) {
    auto t0 = Clock::now();
    g_sink = private_work(units, g_sink);
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
    if (ns > 20e6 || units > (uint64_t(1) << 34)) return double(units) / ns;
  }
}

struct Work {
  uint64_t outside, inside;  // rounds of private work per iteration, outside and inside the Lock
};

// One run: [threads] threads of [iterations] iterations each. Returns the wall time in
// seconds, or a negative value if an update was lost.
double run(int threads, int64_t iterations, Work work, unsigned ops) {
  Shared s;
  std::vector<int64_t> list_items(size_t(threads) * size_t(iterations));
  std::vector<int64_t> dict_entries(size_t(threads) * kKeysPerThread * 3);  // hash, key, value
  int64_t counter_slot = 0;
  s.list.items = list_items.data();
  s.dict.items = dict_entries.data();
  s.counter.items = &counter_slot;
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      uint64_t seed = uint64_t(t) + 1;
      ready.fetch_add(1);
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      for (int64_t i = 0; i < iterations; ++i) {
        seed = private_work(work.outside, seed);
        if (ops & kList) {  // shared_list.append(i)
          lock(s.list.mutex);
          s.list.items[s.list.size++] = i;
          unlock(s.list.mutex);
        }
        if (ops & kDict) {  // shared_dict[(tid, i % 100)] = i
          lock(s.dict.mutex);
          s.dict.items[((i % kKeysPerThread) * threads + t) * 3 + 2] = i;
          unlock(s.dict.mutex);
        }
        if (ops & kLock) lock(s.lock_word);  // with lock:
        seed = private_work(work.inside, seed);
        if (ops & kCounter) {  // counter[0] += 1: a read, then a store, each under the list's lock
          lock(s.counter.mutex);
          int64_t c = s.counter.items[0];
          unlock(s.counter.mutex);
          lock(s.counter.mutex);
          s.counter.items[0] = c + 1;
          unlock(s.counter.mutex);
        }
        if (ops & kLock) unlock(s.lock_word);
      }
      g_sink = seed;
    });
  }
  while (ready.load() != threads) std::this_thread::yield();
  auto t0 = Clock::now();
  go.store(true, std::memory_order_release);
  for (auto& w : workers) w.join();
  double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  int64_t total = int64_t(threads) * iterations, sum = 0;
  for (int64_t v : list_items) sum += v;
  bool exact = (!(ops & kList) || (int64_t(s.list.size) == total &&
                                   sum == int64_t(threads) * (iterations * (iterations - 1) / 2))) &&
               (!(ops & kCounter) || !(ops & kLock) || counter_slot == total);
  return exact ? seconds : -1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"threads_shared.py's memory operations in C++: the machine's floor for its scaling",
               "shared_floor"};
  int threads = 2, runs = 7;
  int64_t iterations = 150000;
  double work_ns = 280, locked_ns = 60;
  std::vector<std::string> op_names = {"list", "dict", "lock", "counter"};
  app.add_option("--threads", threads, "Threads of the second configuration (default 2)")
      ->check(CLI::Range(2, 256));
  app.add_option("--iterations", iterations, "Iterations per thread (default 150000)")
      ->check(CLI::Range(int64_t(1), int64_t(1) << 32));
  app.add_option("--work-ns", work_ns, "Private work per iteration, in ns (default 280)")
      ->check(CLI::Range(0.0, 1e6));
  app.add_option("--locked-work-ns", locked_ns, "Of which inside the Lock, in ns (default 60)")
      ->check(CLI::Range(0.0, 1e6));
  app.add_option("--runs", runs, "Interleaved runs of each configuration (default 7)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--ops", op_names, "Operations per iteration (default: list dict lock counter)")
      ->check(CLI::IsMember({"list", "dict", "lock", "counter"}));
  CLI11_PARSE(app, argc, argv);
  unsigned ops = 0;
  for (const std::string& name : op_names)
    ops |= name == "list" ? kList : name == "dict" ? kDict : name == "lock" ? kLock : kCounter;
  locked_ns = std::min(locked_ns, work_ns);

  double per_ns = calibrate();
  Work work{uint64_t((work_ns - locked_ns) * per_ns), uint64_t(locked_ns * per_ns)};
  std::vector<double> one, many;
  for (int r = 0; r < runs; ++r) {
    for (auto [n, times] : {std::pair{1, &one}, std::pair{threads, &many}}) {
      double t = run(n, iterations, work, ops);
      if (t < 0) {
        std::fprintf(stderr, "shared_floor: an update was lost with %d threads\n", n);
        return 1;
      }
      times->push_back(t);
    }
  }
  double t1 = median(one), tn = median(many);
  std::printf("shared_floor: %lld iterations per thread, %.0f ns of private work each "
              "(%.0f ns inside the Lock), medians of %d runs\n",
              static_cast<long long>(iterations), work_ns, locked_ns, runs);
  std::printf("1 thread   %8.1f ms  %6.0f ns per iteration\n", t1 * 1e3,
              t1 * 1e9 / double(iterations));
  std::printf("%d threads  %8.1f ms  %6.0f ns per iteration per thread\n", threads, tn * 1e3,
              tn * 1e9 / double(iterations));
  std::printf("t%d/t1      %8.2f\n", threads, tn / t1);
  return 0;
}
