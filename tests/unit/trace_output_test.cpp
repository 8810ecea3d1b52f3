// Unit tests of the timeline renderings (vm/trace_output.cpp): the SVG stays small however many
// spans a thread recorded, names are escaped, and the JSON trace merges adjacent spans of the
// same activity into one complete event.
#include "vm/trace_output.h"

#include <gtest/gtest.h>

#include <string>

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

vm::TraceSnapshot one_thread(std::string name) {
  vm::TraceSnapshot snap;
  snap.title = "minipy (GIL build)";
  snap.subtitle = "test";
  snap.wall_ns = 1000000000;
  vm::TraceThread t;
  t.name = std::move(name);
  t.serial = 1;
  t.end = snap.wall_ns;
  snap.threads.push_back(std::move(t));
  return snap;
}

TEST(TraceOutput, SvgSizeIsBoundedByTheResolution) {
  vm::TraceSnapshot snap = one_thread("MainThread");
  // A million alternating 1 us spans over one second.
  for (uint64_t i = 0; i < 1000000; ++i)
    snap.threads[0].spans.push_back(
        {i * 1000, i * 1000 + 1000, i % 2 ? vm::Activity::Waiting : vm::Activity::Running});
  std::string svg = vm::timeline_svg(snap);
  EXPECT_LT(svg.size(), 1000000u);
  EXPECT_LT(count(svg, "<rect"), 5000u);
}

TEST(TraceOutput, SvgDrawsLongSpansAsOneRectangle) {
  vm::TraceSnapshot snap = one_thread("MainThread");
  snap.threads[0].spans.push_back({0, 500000000, vm::Activity::Running});
  snap.threads[0].spans.push_back({500000000, 1000000000, vm::Activity::Blocked});
  std::string svg = vm::timeline_svg(snap);
  EXPECT_EQ(count(svg, "fill=\"#3a9e5c\"/>"), 2u);  // the span and the legend's swatch
  EXPECT_EQ(count(svg, "fill=\"#8fb3de\"/>"), 2u);
}

TEST(TraceOutput, NamesAreEscaped) {
  vm::TraceSnapshot snap = one_thread("a<b>&\"c\"");
  std::string svg = vm::timeline_svg(snap);
  EXPECT_NE(svg.find("a&lt;b&gt;&amp;&quot;c&quot;"), std::string::npos);
  EXPECT_EQ(svg.find("a<b>"), std::string::npos);
  std::string json = vm::timeline_json(snap);
  EXPECT_NE(json.find("a<b>&\\\"c\\\""), std::string::npos);
}

TEST(TraceOutput, JsonMergesAdjacentSpans) {
  vm::TraceSnapshot snap = one_thread("MainThread");
  snap.threads[0].spans = {{0, 1000, vm::Activity::Running},
                           {1000, 3000, vm::Activity::Running},
                           {3000, 4000, vm::Activity::Waiting}};
  std::string json = vm::timeline_json(snap);
  EXPECT_EQ(count(json, "\"ph\": \"X\""), 2u);
  EXPECT_NE(json.find("\"ts\": 0.000, \"dur\": 3.000"), std::string::npos);
  EXPECT_NE(json.find("\"name\": \"waiting for the GIL\""), std::string::npos);
  EXPECT_NE(json.find("\"name\": \"thread_name\""), std::string::npos);
}

}  // namespace
