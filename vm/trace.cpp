// Recording for -X gilstats and -X timeline: each thread keeps its own record (a state machine
// over Running / Waiting / Blocked / Idle, counters, and a buffer of finished spans), written
// only by that thread, without locks; trace_finish() merges the records at exit, prints the
// statistics and writes the timeline (vm/trace_output.cpp draws it).
//
// Daemon threads may still run while the main thread reads their records at exit, so every
// field the reader looks at is an atomic written by its owner with plain (relaxed or release)
// stores: on x86 and ARM those are ordinary stores, no locked instruction. Span buffers are
// chunks whose entries are published by a release store of the chunk's count; the reader never
// frees them (the process is about to exit).
#include "vm/trace.h"

#include <fmt/format.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>

#include "vm/gil.h"
#include "vm/trace_output.h"

namespace vm {

std::atomic<bool> g_tracing{false};

namespace {

uint64_t clock_ns() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return uint64_t(t.tv_sec) * 1000000000u + uint64_t(t.tv_nsec);
}

// A count written by one thread and read by another at exit: a relaxed load and store (a
// plain increment in the machine code), since only the owner writes it.
class Counter {
 public:
  void add(uint64_t d) {
    v_.store(v_.load(std::memory_order_relaxed) + d, std::memory_order_relaxed);
  }
  void raise_to(uint64_t d) {
    if (d > v_.load(std::memory_order_relaxed)) v_.store(d, std::memory_order_relaxed);
  }
  uint64_t get() const { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> v_{0};
};

struct SpanChunk {
  static constexpr size_t kCapacity = 4096;
  TraceSpan spans[kCapacity];
  std::atomic<size_t> count{0};
  std::atomic<SpanChunk*> next{nullptr};
};

// A run that switches threads every 5 ms makes ~200 spans per thread per second; a thread doing
// tiny blocking calls in a loop makes many more. Past this many (24 MiB) the timeline of that
// thread stops growing; the statistics stay exact.
constexpr size_t kMaxSpansPerThread = size_t(1) << 20;

struct ThreadRecord {
  uint64_t serial = 0;
  std::string name;  // under g_mutex
  std::atomic<Activity> state{Activity::Idle};
  std::atomic<uint64_t> since{0};  // when [state] began (ns since t0)
  std::atomic<uint64_t> begin{0}, end{0};
  std::atomic<bool> finished{false};
  Counter run_ns, wait_ns, blocked_ns, acquisitions, drop_requests, forced_switches, max_wait_ns,
      lock_waits, refcount_merges;
  std::atomic<bool> spans_dropped{false};
  std::atomic<SpanChunk*> head{nullptr};
  // Owner only:
  SpanChunk* tail = nullptr;
  size_t nspans = 0;
  uint64_t wait_start = 0;
  int block_depth = 0;
  Activity before_block = Activity::Idle;
  int lock_wait_depth = 0;
  Activity before_lock_wait = Activity::Idle;
};

struct Config {
  bool stats = false;
  std::string timeline;  // the file, or ""
  std::string title;
  std::string script;
  uint64_t t0 = 0;
};
Config config;

std::mutex g_mutex;  // the list of records, thread names, stop-the-world counts
// Records outlive their threads and are never freed (the process is exiting when they are
// read); held through a pointer that is never destroyed, so that leak checkers see them as
// reachable after static destructors have run.
std::vector<ThreadRecord*>& g_records = *new std::vector<ThreadRecord*>();
uint64_t g_stw_pauses = 0, g_stw_ns = 0;

thread_local ThreadRecord* tls_record = nullptr;

uint64_t now() {
  return clock_ns() - config.t0;
}

// The calling thread's record, created on first use (once per thread, under the lock).
ThreadRecord* record() {
  if (ThreadRecord* r = tls_record) return r;
  auto* r = new ThreadRecord();
  r->begin.store(now(), std::memory_order_relaxed);
  r->since.store(now(), std::memory_order_relaxed);
  std::lock_guard<std::mutex> lock(g_mutex);
  r->serial = g_records.size() + 1;
  r->name = r->serial == 1 ? "MainThread" : fmt::format("thread {}", r->serial);
  g_records.push_back(r);
  tls_record = r;
  return r;
}

void append_span(ThreadRecord* r, const TraceSpan& s) {
  if (r->nspans >= kMaxSpansPerThread) {
    r->spans_dropped.store(true, std::memory_order_relaxed);
    return;
  }
  SpanChunk* c = r->tail;
  size_t n = c ? c->count.load(std::memory_order_relaxed) : SpanChunk::kCapacity;
  if (n == SpanChunk::kCapacity) {
    auto* fresh = new SpanChunk();
    if (c)
      c->next.store(fresh, std::memory_order_release);
    else
      r->head.store(fresh, std::memory_order_release);
    r->tail = c = fresh;
    n = 0;
  }
  c->spans[n] = s;
  c->count.store(n + 1, std::memory_order_release);
  ++r->nspans;
}

void add_time(ThreadRecord* r, Activity a, uint64_t d) {
  if (a == Activity::Running)
    r->run_ns.add(d);
  else if (a == Activity::Waiting)
    r->wait_ns.add(d);
  else if (a == Activity::Blocked)
    r->blocked_ns.add(d);
}

// Moves [r] to activity [a] at time [t], closing the span of the previous one.
void set_state(ThreadRecord* r, Activity a, uint64_t t) {
  Activity old = r->state.load(std::memory_order_relaxed);
  if (old == a) return;
  uint64_t since = r->since.load(std::memory_order_relaxed);
  if (old != Activity::Idle && t > since) {
    add_time(r, old, t - since);
    if (!config.timeline.empty()) append_span(r, {since, t, old});
  }
  r->state.store(a, std::memory_order_relaxed);
  r->since.store(t, std::memory_order_relaxed);
}

void end_wait(ThreadRecord* r, uint64_t t) {
  if (r->state.load(std::memory_order_relaxed) == Activity::Waiting && t > r->wait_start)
    r->max_wait_ns.raise_to(t - r->wait_start);
}

// The label of this build and threading mode, as the compare command names them.
std::string build_label(const std::vector<std::string>& xoptions) {
#if MINIPY_FREE_THREADED
  if (!gil_enabled()) return "minipy-ft (free-threaded)";
  bool explicit_gil = false;
  if (const char* env = std::getenv("PYTHON_GIL")) explicit_gil = std::strcmp(env, "1") == 0;
  for (const std::string& x : xoptions)
    if (x.rfind("gil=", 0) == 0) explicit_gil = x == "gil=1";
  return explicit_gil ? "minipy-ft -X gil=1" : "minipy-ft (free-threaded, GIL on by default)";
#else
  return "minipy (GIL build)";
#endif
}

std::string seconds(uint64_t ns) {
  return fmt::format("{:.3f} s", double(ns) / 1e9);
}

std::string percent(uint64_t part, uint64_t whole) {
  return whole ? fmt::format("{:.1f}%", 100.0 * double(part) / double(whole)) : "-";
}

struct Row {
  TraceThread t;
  uint64_t acquisitions, drop_requests, forced_switches, max_wait_ns, lock_waits, refcount_merges;
  bool spans_dropped;
};

// Copies every record as of time [t_end]; a thread still running gets its current activity up
// to [t_end].
std::vector<Row> snapshot(uint64_t t_end) {
  std::vector<Row> rows;
  std::lock_guard<std::mutex> lock(g_mutex);
  for (ThreadRecord* r : g_records) {
    Row row;
    row.t.name = r->name;
    row.t.serial = r->serial;
    row.t.begin = r->begin.load(std::memory_order_relaxed);
    bool finished = r->finished.load(std::memory_order_acquire);
    row.t.end = finished ? r->end.load(std::memory_order_relaxed) : t_end;
    row.t.run_ns = r->run_ns.get();
    row.t.wait_ns = r->wait_ns.get();
    row.t.blocked_ns = r->blocked_ns.get();
    for (SpanChunk* c = r->head.load(std::memory_order_acquire); c;
         c = c->next.load(std::memory_order_acquire)) {
      size_t n = c->count.load(std::memory_order_acquire);
      row.t.spans.insert(row.t.spans.end(), c->spans, c->spans + n);
    }
    if (!finished) {
      Activity a = r->state.load(std::memory_order_relaxed);
      uint64_t since = r->since.load(std::memory_order_relaxed);
      if (a != Activity::Idle && t_end > since) {
        if (a == Activity::Running)
          row.t.run_ns += t_end - since;
        else if (a == Activity::Waiting)
          row.t.wait_ns += t_end - since;
        else
          row.t.blocked_ns += t_end - since;
        row.t.spans.push_back({since, t_end, a});
      }
    }
    row.acquisitions = r->acquisitions.get();
    row.drop_requests = r->drop_requests.get();
    row.forced_switches = r->forced_switches.get();
    row.max_wait_ns = r->max_wait_ns.get();
    row.lock_waits = r->lock_waits.get();
    row.refcount_merges = r->refcount_merges.get();
    row.spans_dropped = r->spans_dropped.load(std::memory_order_relaxed);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The -X gilstats report: a table per thread, then the totals.
std::string stats_report(const std::vector<Row>& rows, uint64_t wall) {
  bool gil = gil_enabled();
  size_t w = 12;
  for (const Row& r : rows) w = std::max(w, r.t.name.size());
  std::string out = fmt::format("-X gilstats: {}, {} thread{}, wall time {}\n", config.title,
                                rows.size(), rows.size() == 1 ? "" : "s", seconds(wall));
  uint64_t run = 0, wait = 0, blocked = 0, life = 0, acq = 0, drops = 0, forced = 0, lock_waits = 0,
           merges = 0;
  uint64_t longest = 0;
  auto line = [&](const std::string& name, uint64_t r_ns, uint64_t w_ns, uint64_t b_ns, uint64_t a,
                  uint64_t d, uint64_t f, uint64_t lw, uint64_t m, uint64_t longest_ns) {
    if (gil)
      return fmt::format("{:<{}}  {:>9}  {:>9}  {:>9}  {:>8}  {:>9}  {:>7}  {:>9.3f} ms\n", name, w,
                         seconds(r_ns), seconds(w_ns), seconds(b_ns), a, d, f,
                         double(longest_ns) / 1e6);
    return fmt::format("{:<{}}  {:>9}  {:>9}  {:>9}  {:>10}  {:>15}  {:>9.3f} ms\n", name, w,
                       seconds(r_ns), seconds(w_ns), seconds(b_ns), lw, m,
                       double(longest_ns) / 1e6);
  };
  if (gil)
    out += fmt::format("{:<{}}  {:>9}  {:>9}  {:>9}  {:>8}  {:>9}  {:>7}  {:>12}\n", "thread", w,
                       "running", "waiting", "blocked", "acquired", "drop reqs", "forced",
                       "longest wait");
  else
    out +=
        fmt::format("{:<{}}  {:>9}  {:>9}  {:>9}  {:>10}  {:>15}  {:>12}\n", "thread", w, "running",
                    "lock wait", "blocked", "lock waits", "refcount merges", "longest wait");
  for (const Row& r : rows) {
    out += line(r.t.name, r.t.run_ns, r.t.wait_ns, r.t.blocked_ns, r.acquisitions, r.drop_requests,
                r.forced_switches, r.lock_waits, r.refcount_merges, r.max_wait_ns);
    run += r.t.run_ns;
    wait += r.t.wait_ns;
    blocked += r.t.blocked_ns;
    life += r.t.end > r.t.begin ? r.t.end - r.t.begin : 0;
    acq += r.acquisitions;
    drops += r.drop_requests;
    forced += r.forced_switches;
    lock_waits += r.lock_waits;
    merges += r.refcount_merges;
    longest = std::max(longest, r.max_wait_ns);
  }
  if (rows.size() > 1)
    out += line("all threads", run, wait, blocked, acq, drops, forced, lock_waits, merges, longest);
  if (gil) {
    out += fmt::format(
        "GIL held {} of the wall time; threads spent {} of their lifetime waiting for it.\n",
        percent(run, wall), percent(wait, life));
  } else {
    out += fmt::format(
        "No GIL: {:.2f} threads ran bytecode at once on average (running time / wall time); "
        "threads spent {} of their lifetime waiting for locks.\n",
        wall ? double(run) / double(wall) : 0.0, percent(wait, life));
  }
#if MINIPY_FREE_THREADED
  uint64_t pauses, pause_ns;
  {
    std::lock_guard<std::mutex> lock(g_mutex);
    pauses = g_stw_pauses;
    pause_ns = g_stw_ns;
  }
  out += fmt::format(
      "Free-threading: {} per-object lock waits, {} refcount merges, {} stop-the-world pauses "
      "({:.3f} ms in all).\n",
      lock_waits, merges, pauses, double(pause_ns) / 1e6);
#endif
  for (const Row& r : rows)
    if (r.spans_dropped)
      out += fmt::format("(the timeline of {} was cut after {} spans)\n", r.t.name,
                         kMaxSpansPerThread);
  return out;
}

void write_timeline(std::vector<Row>& rows, uint64_t wall) {
  TraceSnapshot snap;
  snap.title = config.title;
  snap.wall_ns = wall;
  snap.gil = gil_enabled();
  uint64_t run = 0, wait = 0, life = 0;
  for (Row& r : rows) {
    run += r.t.run_ns;
    wait += r.t.wait_ns;
    life += r.t.end > r.t.begin ? r.t.end - r.t.begin : 0;
    snap.threads.push_back(std::move(r.t));
  }
  snap.subtitle =
      fmt::format("{}: wall {}, {} thread{}, ", config.script.empty() ? "<program>" : config.script,
                  seconds(wall), snap.threads.size(), snap.threads.size() == 1 ? "" : "s");
  if (snap.gil)
    snap.subtitle += fmt::format("GIL held {} of the time, threads waited {} of theirs",
                                 percent(run, wall), percent(wait, life));
  else
    snap.subtitle += fmt::format("no GIL: {:.2f} threads running at once on average",
                                 wall ? double(run) / double(wall) : 0.0);
  bool json = config.timeline.ends_with(".json");
  std::string text = json ? timeline_json(snap) : timeline_svg(snap);
  std::ofstream f(config.timeline, std::ios::binary | std::ios::trunc);
  if (f) f << text;
  if (!f || !f.flush())
    fmt::print(stderr, "minipy: -X timeline: can't write '{}': {}\n", config.timeline,
               std::strerror(errno));
}

}  // namespace

std::string trace_configure(const std::vector<std::string>& xoptions, const std::string& script) {
  for (const std::string& x : xoptions) {
    if (x == "gilstats" || x == "gilstats=1") {
      config.stats = true;
    } else if (x == "gilstats=0") {
      config.stats = false;
    } else if (x == "timeline" || x.rfind("timeline=", 0) == 0) {
      std::string file = x.size() > 9 ? x.substr(9) : "";
      if (!file.ends_with(".svg") && !file.ends_with(".json"))
        return fmt::format(
            "minipy: -X {}: expected -X timeline=FILE.svg (a picture) or FILE.json (Chrome "
            "trace format, for Perfetto or chrome://tracing)",
            x);
      config.timeline = file;
    }
  }
  if (!config.stats && config.timeline.empty()) return "";
  config.title = build_label(xoptions);
  config.script = script;
  config.t0 = clock_ns();
  g_tracing.store(true, std::memory_order_relaxed);
  return "";
}

void trace_finish() {
  if (!tracing()) return;
  uint64_t t_end = now();
  if (ThreadRecord* me = tls_record) {
    set_state(me, Activity::Idle, t_end);
    me->end.store(t_end, std::memory_order_relaxed);
    me->finished.store(true, std::memory_order_release);
  }
  g_tracing.store(false, std::memory_order_relaxed);
  std::vector<Row> rows = snapshot(t_end);
  if (config.stats) {
    std::string report = stats_report(rows, t_end);
    fflush(stderr);
    fputs(report.c_str(), stderr);
    fflush(stderr);
  }
  if (!config.timeline.empty()) write_timeline(rows, t_end);
}

void trace_thread_begin_slow(std::string_view name) {
  ThreadRecord* r = record();
  if (!name.empty()) trace_thread_name_slow(name);
  uint64_t t = now();
  r->begin.store(t, std::memory_order_relaxed);
  set_state(r, gil_enabled() ? Activity::Idle : Activity::Running, t);
}

void trace_thread_end_slow() {
  ThreadRecord* r = record();
  uint64_t t = now();
  set_state(r, Activity::Idle, t);
  r->end.store(t, std::memory_order_relaxed);
  r->finished.store(true, std::memory_order_release);
}

void trace_thread_name_slow(std::string_view name) {
  ThreadRecord* r = record();
  std::lock_guard<std::mutex> lock(g_mutex);
  r->name = name;
}

void trace_gil_wait_begin_slow() {
  ThreadRecord* r = record();
  uint64_t t = now();
  if (r->state.load(std::memory_order_relaxed) != Activity::Waiting) r->wait_start = t;
  set_state(r, Activity::Waiting, t);
}

void trace_gil_acquired_slow() {
  ThreadRecord* r = record();
  uint64_t t = now();
  end_wait(r, t);
  r->acquisitions.add(1);
  set_state(r, Activity::Running, t);
}

void trace_gil_dropped_slow() {
  set_state(record(), Activity::Idle, now());
}

void trace_gil_drop_request_slow() {
  record()->drop_requests.add(1);
}

void trace_gil_forced_switch_slow() {
  ThreadRecord* r = record();
  uint64_t t = now();
  r->forced_switches.add(1);
  r->wait_start = t;
  set_state(r, Activity::Waiting, t);
}

void trace_block_begin_slow() {
  ThreadRecord* r = record();
  if (r->block_depth++ > 0) return;
  r->before_block = r->state.load(std::memory_order_relaxed);
  set_state(r, Activity::Blocked, now());
}

void trace_block_end_slow(bool gil_released) {
  ThreadRecord* r = record();
  if (r->block_depth == 0 || --r->block_depth > 0) return;
  set_state(r, gil_released ? Activity::Idle : r->before_block, now());
}

void trace_count_lock_wait_slow() {
  record()->lock_waits.add(1);
}

void trace_lock_wait_begin_slow() {
  ThreadRecord* r = record();
  r->lock_waits.add(1);
  if (r->lock_wait_depth++ > 0) return;
  uint64_t t = now();
  r->before_lock_wait = r->state.load(std::memory_order_relaxed);
  r->wait_start = t;
  set_state(r, Activity::Waiting, t);
}

void trace_lock_wait_end_slow() {
  ThreadRecord* r = record();
  if (r->lock_wait_depth == 0 || --r->lock_wait_depth > 0) return;
  uint64_t t = now();
  end_wait(r, t);
  set_state(r, r->before_lock_wait, t);
}

void trace_count_refcount_merge_slow() {
  record()->refcount_merges.add(1);
}

void trace_stop_the_world_slow(uint64_t ns) {
  std::lock_guard<std::mutex> lock(g_mutex);
  ++g_stw_pauses;
  g_stw_ns += ns;
}

}  // namespace vm
