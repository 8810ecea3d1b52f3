// The recorded timeline as plain data, and its two renderings: a self-contained SVG picture
// and Chrome's trace event JSON (Perfetto, chrome://tracing). Recording: vm/trace.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vm {

// What a thread is doing; Idle (between states, or not started) is not drawn.
enum class Activity : uint8_t { Idle, Running, Waiting, Blocked };

// [start, end) in nanoseconds since recording started.
struct TraceSpan {
  uint64_t start;
  uint64_t end;
  Activity what;
};

struct TraceThread {
  std::string name;
  uint64_t serial = 0;  // creation order: lanes are sorted by it
  uint64_t begin = 0, end = 0;
  uint64_t run_ns = 0, wait_ns = 0, blocked_ns = 0;
  std::vector<TraceSpan> spans;
};

struct TraceSnapshot {
  std::string title;     // the build, e.g. "minipy (GIL build)"
  std::string subtitle;  // the script and a summary line
  uint64_t wall_ns = 0;
  bool gil = true;  // the GIL was on: "waiting" means waiting for the GIL, else for a lock
  std::vector<TraceThread> threads;
};

// One lane per thread, coloured spans, a time axis and a legend. Spans shorter than the
// picture's resolution are merged, so the size stays bounded however long the run.
std::string timeline_svg(const TraceSnapshot& snap);
// "X" complete events (ts, dur in microseconds) plus thread_name metadata, one tid per thread.
std::string timeline_json(const TraceSnapshot& snap);

}  // namespace vm
