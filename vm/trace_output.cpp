// Draws a recorded timeline: an SVG picture (one lane per thread, coloured spans, a time axis, a
// legend) and Chrome's trace event JSON. Both are written once, at exit.
#include "vm/trace_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

namespace vm {

namespace {

const char* activity_name(Activity a, bool gil) {
  switch (a) {
    case Activity::Running:
      return "running";
    case Activity::Waiting:
      return gil ? "waiting for the GIL" : "waiting for a lock";
    case Activity::Blocked:
      return "blocked in a call";
    case Activity::Idle:
      break;
  }
  return "idle";
}

const char* activity_colour(Activity a) {
  switch (a) {
    case Activity::Running:
      return "#3a9e5c";
    case Activity::Waiting:
      return "#e4572e";
    case Activity::Blocked:
      return "#8fb3de";
    case Activity::Idle:
      break;
  }
  return "none";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string json_escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += char(c);
    }
  }
  return out;
}

// A tick step of 1, 2 or 5 times a power of ten giving about [n] ticks over [span] ns.
double tick_step(double span, int n) {
  double raw = span / n;
  if (raw <= 0) return 1;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

// [ns] as a tick label in the unit that suits the whole run ([wall] ns).
std::string tick_label(double ns, double wall) {
  if (ns == 0) return "0";
  if (wall < 2e6) return fmt::format("{:g} µs", ns / 1e3);
  if (wall < 2e9) return fmt::format("{:g} ms", ns / 1e6);
  return fmt::format("{:g} s", ns / 1e9);
}

// Adjacent spans of the same activity, as one.
std::vector<TraceSpan> merged(const std::vector<TraceSpan>& spans) {
  std::vector<TraceSpan> out;
  for (const TraceSpan& s : spans) {
    if (!out.empty() && out.back().what == s.what && out.back().end == s.start)
      out.back().end = s.end;
    else
      out.push_back(s);
  }
  return out;
}

}  // namespace

std::string timeline_svg(const TraceSnapshot& snap) {
  const double width = 1200, left = 190, right = 30;
  const double plot_w = width - left - right;
  size_t lanes = std::max<size_t>(snap.threads.size(), 1);
  const double lane_h = lanes > 32 ? 12 : 26, lane_gap = lanes > 32 ? 3 : 10;
  const double top = 72;
  const double lanes_bottom = top + double(lanes) * (lane_h + lane_gap);
  const double height = lanes_bottom + 80;
  const double wall = double(std::max<uint64_t>(snap.wall_ns, 1));

  std::string out;
  auto o = std::back_inserter(out);
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                 "viewBox=\"0 0 {0} {1}\" "
                 "font-family=\"Helvetica, Arial, sans-serif\">\n",
                 width, height);
  fmt::format_to(o, "<rect width=\"{}\" height=\"{}\" fill=\"white\"/>\n", width, height);
  fmt::format_to(o, "<text x=\"20\" y=\"30\" font-size=\"18\" font-weight=\"bold\">{}</text>\n",
                 xml_escape(snap.title));
  fmt::format_to(o, "<text x=\"20\" y=\"52\" font-size=\"12\" fill=\"#555\">{}</text>\n",
                 xml_escape(snap.subtitle));

  // Grid lines and the time axis.
  double step = tick_step(wall, 8);
  const double axis_y = lanes_bottom + 4;
  fmt::format_to(o, "<g stroke=\"#ddd\" stroke-width=\"1\">\n");
  for (double t = 0; t <= wall + 1; t += step) {
    double x = left + t / wall * plot_w;
    fmt::format_to(o, "<line x1=\"{0:.2f}\" y1=\"{1}\" x2=\"{0:.2f}\" y2=\"{2}\"/>\n", x, top - 6,
                   axis_y);
  }
  fmt::format_to(o, "</g>\n<g font-size=\"11\" fill=\"#333\" text-anchor=\"middle\">\n");
  fmt::format_to(o, "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#333\"/>\n", left,
                 left + plot_w, axis_y);
  for (double t = 0; t <= wall + 1; t += step) {
    double x = left + t / wall * plot_w;
    fmt::format_to(o,
                   "<line x1=\"{0:.2f}\" y1=\"{1}\" x2=\"{0:.2f}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                   x, axis_y, axis_y + 5);
    fmt::format_to(o, "<text x=\"{:.2f}\" y=\"{}\">{}</text>\n", x, axis_y + 18,
                   tick_label(t, wall));
  }
  fmt::format_to(o, "<text x=\"{}\" y=\"{}\">time since start</text>\n</g>\n", left + plot_w / 2,
                 axis_y + 34);

  // Lanes. Spans are binned into columns of a fraction of a pixel: each column takes the
  // activity that covers most of it, and runs of equal columns become one rectangle. So the
  // number of rectangles is bounded by the columns, whatever the number of spans.
  size_t columns = size_t(plot_w * 4);
  columns = std::clamp<size_t>(60000 / lanes, size_t(plot_w / 4), columns);
  const double col_w = plot_w / double(columns);
  std::vector<std::array<float, 4>> cover(columns);
  double y = top;
  for (const TraceThread& t : snap.threads) {
    fmt::format_to(o, "<g class=\"lane\" data-thread=\"{}\">\n", xml_escape(t.name));
    fmt::format_to(o,
                   "<text x=\"{}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"end\">{}<title>{}: "
                   "running {:.3f} s, "
                   "waiting {:.3f} s, blocked {:.3f} s</title></text>\n",
                   left - 10, y + lane_h / 2 + 4, lanes > 32 ? 10 : 13, xml_escape(t.name),
                   xml_escape(t.name), double(t.run_ns) / 1e9, double(t.wait_ns) / 1e9,
                   double(t.blocked_ns) / 1e9);
    fmt::format_to(o, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f2f2f2\"/>\n",
                   left, y, plot_w, lane_h);
    std::fill(cover.begin(), cover.end(), std::array<float, 4>{});
    for (const TraceSpan& s : t.spans) {
      double x0 = double(s.start) / wall * double(columns),
             x1 = double(s.end) / wall * double(columns);
      x1 = std::min(x1, double(columns));
      for (size_t c = size_t(x0); c < columns && double(c) < x1; ++c)
        cover[c][size_t(s.what)] += float(std::min(x1, double(c + 1)) - std::max(x0, double(c)));
    }
    auto dominant = [&](size_t c) {
      const auto& v = cover[c];
      size_t best = 0;
      for (size_t a = 1; a < 4; ++a)
        if (v[a] > v[best]) best = a;
      return v[1] + v[2] + v[3] >= 0.5f ? Activity(best) : Activity::Idle;
    };
    for (size_t c = 0; c < columns;) {
      Activity a = dominant(c);
      size_t e = c + 1;
      while (e < columns && dominant(e) == a) ++e;
      if (a != Activity::Idle)
        fmt::format_to(
            o, "<rect x=\"{:.2f}\" y=\"{}\" width=\"{:.2f}\" height=\"{}\" fill=\"{}\"/>\n",
            left + double(c) * col_w, y + 3, double(e - c) * col_w, lane_h - 6, activity_colour(a));
      c = e;
    }
    fmt::format_to(o, "</g>\n");
    y += lane_h + lane_gap;
  }

  // The legend.
  double lx = left, ly = axis_y + 52;
  fmt::format_to(o, "<g font-size=\"12\" fill=\"#333\">\n");
  for (Activity a : {Activity::Running, Activity::Waiting, Activity::Blocked}) {
    std::string label = activity_name(a, snap.gil);
    if (a == Activity::Running)
      label = snap.gil ? "running bytecode (holding the GIL)" : "running bytecode";
    if (a == Activity::Blocked)
      label = snap.gil ? "blocked in a call (sleep, join, I/O), GIL released"
                       : "blocked in a call (sleep, join, I/O)";
    fmt::format_to(o, "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/>\n", lx,
                   ly - 11, activity_colour(a));
    fmt::format_to(o, "<text x=\"{}\" y=\"{}\">{}</text>\n", lx + 20, ly, xml_escape(label));
    lx += 20 + 7.0 * double(label.size()) + 30;
  }
  fmt::format_to(o, "</g>\n</svg>\n");
  return out;
}

std::string timeline_json(const TraceSnapshot& snap) {
  std::string out = "{\"traceEvents\": [\n";
  auto o = std::back_inserter(out);
  fmt::format_to(o,
                 "{{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 1, \"tid\": 0, \"args\": "
                 "{{\"name\": \"{}\"}}}}",
                 json_escape(snap.title));
  for (const TraceThread& t : snap.threads) {
    fmt::format_to(
        o,
        ",\n{{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": 1, \"tid\": {0}, \"args\": "
        "{{\"name\": "
        "\"{1}\"}}}}"
        ",\n{{\"name\": \"thread_sort_index\", \"ph\": \"M\", \"pid\": 1, \"tid\": {0}, \"args\": "
        "{{\"sort_index\": {0}}}}}",
        t.serial, json_escape(t.name));
    for (const TraceSpan& s : merged(t.spans)) {
      fmt::format_to(o,
                     ",\n{{\"name\": \"{}\", \"cat\": \"thread\", \"ph\": \"X\", \"ts\": {:.3f}, "
                     "\"dur\": {:.3f}, "
                     "\"pid\": 1, \"tid\": {}}}",
                     activity_name(s.what, snap.gil), double(s.start) / 1e3,
                     double(s.end - s.start) / 1e3, t.serial);
    }
  }
  fmt::format_to(o,
                 "\n], \"displayTimeUnit\": \"ms\", \"otherData\": {{\"build\": \"{}\", "
                 "\"summary\": \"{}\"}}}}\n",
                 json_escape(snap.title), json_escape(snap.subtitle));
  return out;
}

}  // namespace vm
