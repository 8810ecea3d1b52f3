// `minipy compare [--runs N] [--json] [--timeline DIR] script.py [args]`: runs the script under
// minipy (GIL build), minipy-ft (free-threaded) and minipy-ft -X gil=1, N times each,
// interleaved (run 1 of each build, then run 2 of each...) so that machine noise hits all of
// them alike, then prints median wall time, CPU time, cores used, peak RSS, the speedup over the
// GIL build and whether the outputs were identical.
//
// Each run is a child process (fork/exec) reaped with wait4(), whose rusage gives the child's
// own user and system time and peak RSS. Its stdout is captured to compare the builds' outputs;
// its stderr is captured too and shown only when a run fails, so that nine runs' worth of
// warnings do not bury the table. The script's stdin is /dev/null: nine runs can not share one.
#include "cli/compare.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace cli {

namespace {

namespace fs = std::filesystem;

struct Build {
  std::string name = "";   // the binary: minipy or minipy-ft
  std::string label = "";  // as shown in the table and the timeline's title
  std::string exe = "";
  std::vector<std::string> options = {};  // interpreter options before the script
  std::string timeline_file = "";         // its timeline's file name in --timeline DIR
  bool gil = true;
  bool strip_python_gil = false;  // PYTHON_GIL=0 would make the GIL build refuse to start
};

struct Run {
  double wall = 0, user = 0, sys = 0;
  long max_rss_kib = 0;
  int status = 0;  // exit status, or 128 + signal
  std::string out, err;
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double timeval_s(const timeval& t) {
  return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

// Reads the child's stdout and stderr ([out_fd], [err_fd]) until both close.
void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open = 2;
  char buf[65536];
  while (open > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, size_t(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
}

// Runs [argv] under [b]'s environment and measures it.
Run run_child(const Build& b, const std::vector<std::string>& argv) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (b.strip_python_gil && std::strncmp(*e, "PYTHON_GIL=", 11) == 0) continue;
    env_strings.push_back(*e);
  }
  std::vector<char*> args, env;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (std::string& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    perror("minipy compare: pipe");
    exit(1);
  }
  Run r;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    perror("minipy compare: fork");
    exit(1);
  }
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    execve(args[0], args.data(), env.data());
    fprintf(stderr, "minipy compare: can't run %s: %s\n", args[0], strerror(errno));
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  drain(out_pipe[0], err_pipe[0], r.out, r.err);
  int status = 0;
  rusage ru{};
  while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.user = timeval_s(ru.ru_utime);
  r.sys = timeval_s(ru.ru_stime);
  r.max_rss_kib = ru.ru_maxrss;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    lines.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

struct Difference {
  size_t build = 0, run = 0, line = 0;  // line: 1-based
  std::string expected, got;            // the reference's line and the differing one
  bool expected_missing = false, got_missing = false;
  bool exit_status = false;  // same stdout, different exit status (in [expected], [got])
};

// The first line where [got] differs from [expected], or nullopt.
std::optional<Difference> first_difference(const std::string& expected, const std::string& got) {
  if (expected == got) return std::nullopt;
  std::vector<std::string> a = split_lines(expected), b = split_lines(got);
  Difference d;
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  d.line = i + 1;
  d.expected_missing = i >= a.size();
  d.got_missing = i >= b.size();
  if (!d.expected_missing) d.expected = a[i];
  if (!d.got_missing) d.got = b[i];
  if (!d.expected_missing && !d.got_missing && a[i] == b[i]) {
    d.expected = "(the same text, with a different line ending at the end)";
    d.got = d.expected;
  }
  return d;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += char(c);
    }
  }
  return out + "\"";
}

std::string last_lines(const std::string& text, size_t n) {
  std::vector<std::string> lines = split_lines(text);
  std::string out;
  for (size_t i = lines.size() > n ? lines.size() - n : 0; i < lines.size(); ++i)
    out += "    " + lines[i] + "\n";
  return out;
}

struct Summary {
  double wall, cpu, user, sys, cores, speedup, rss_mib;
  bool output_same;
};

// Whether [exe] runs with its GIL on when given no -X gil option (minipy-ft's default changes
// as the free-threaded runtime is completed).
bool default_gil_enabled(const std::string& exe) {
  Build probe;
  Run r = run_child(probe, {exe, "-c", "import sys; print(sys._is_gil_enabled())"});
  return r.out != "False\n";
}

// The 1-minute load average, or a negative number if unknown.
double load_average() {
  double load[1];
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

// Idle and total CPU time so far, all cores (jiffies, from /proc/stat's "cpu" line).
bool cpu_times(uint64_t* idle, uint64_t* total) {
  FILE* f = fopen("/proc/stat", "r");
  if (!f) return false;
  unsigned long long v[8] = {};
  int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                 &v[4], &v[5], &v[6], &v[7]);
  fclose(f);
  if (n < 5) return false;
  *idle = v[3] + v[4];  // idle + iowait
  *total = 0;
  for (unsigned long long x : v) *total += x;
  return true;
}

// How many cores were idle over the last [ms] milliseconds (the load average lags by a
// minute), or a negative number if unknown.
double idle_cores(long cores, int ms) {
  uint64_t idle0, total0, idle1, total1;
  if (!cpu_times(&idle0, &total0)) return -1;
  usleep(useconds_t(ms) * 1000);
  if (!cpu_times(&idle1, &total1) || total1 <= total0) return -1;
  return double(cores) * double(idle1 - idle0) / double(total1 - total0);
}

}  // namespace

int run_compare(int argc, char** argv) {
  int runs = 3;
  bool json = false;
  std::string timeline_dir;
  CLI::App app{
      "minipy compare: run a script under the GIL build, the free-threaded build and the "
      "free-threaded build with -X gil=1, and compare time, CPU, memory and output",
      "minipy compare"};
  app.add_option("--runs", runs, "Runs per build (default 3); the table shows medians")
      ->check(CLI::Range(1, 1000));
  app.add_flag("--json", json, "Print the results as JSON instead of a table");
  app.add_option("--timeline", timeline_dir,
                 "Write each build's timeline of its first run as DIR/<build>.svg (-X timeline)");
  app.prefix_command();
  app.footer(
      "usage: minipy compare [--runs N] [--json] [--timeline DIR] script.py [args...]\n"
      "Progress goes to stderr; the script's stdin is /dev/null.");
  std::vector<std::string> args;
  for (int i = argc - 1; i >= 1; --i) args.push_back(argv[i]);
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  std::vector<std::string> rest = app.remaining();
  const char* usage =
      "usage: minipy compare [--runs N] [--json] [--timeline DIR] script.py [args...]\n";
  if (rest.empty()) {
    fmt::print(stderr, "minipy compare: error: no script given\n{}", usage);
    return 2;
  }
  if (rest[0].size() > 1 && rest[0][0] == '-') {
    fmt::print(stderr, "minipy compare: error: unknown option {}\n{}", rest[0], usage);
    return 2;
  }
  std::string script = rest[0];
  std::vector<std::string> script_args(rest.begin() + 1, rest.end());
  if (access(script.c_str(), R_OK) != 0) {
    fmt::print(stderr, "minipy compare: can't open file '{}': [Errno {}] {}\n", script, errno,
               strerror(errno));
    return 2;
  }

  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) dir = fs::absolute(argv[0]).parent_path();
  std::string gil_exe = (dir / "minipy").string(), ft_exe = (dir / "minipy-ft").string();
  for (const std::string& exe : {gil_exe, ft_exe}) {
    if (access(exe.c_str(), X_OK) != 0) {
      fmt::print(
          stderr,
          "minipy compare: {} is missing: compare needs both builds side by side.\n"
          "Build them with scripts/build (or: cmake --build build --target minipy minipy-ft).\n",
          exe);
      return 1;
    }
  }
  bool ft_gil = default_gil_enabled(ft_exe);
  // Other processes competing for the cores make the timings noisy (and hide parallelism):
  // the table says so. Idle cores are sampled over a moment, the load average (JSON only)
  // describes the last minute.
  long cores_online = sysconf(_SC_NPROCESSORS_ONLN);
  double load_before = load_average();
  double idle_before = idle_cores(cores_online, 300);
  std::vector<Build> builds = {
      {.name = "minipy",
       .label = "minipy (GIL build)",
       .exe = gil_exe,
       .timeline_file = "minipy.svg",
       .gil = true,
       .strip_python_gil = true},
      {.name = "minipy-ft",
       .label =
           ft_gil ? "minipy-ft (free-threaded, GIL on by default)" : "minipy-ft (free-threaded)",
       .exe = ft_exe,
       .timeline_file = "minipy-ft.svg",
       .gil = ft_gil},
      {.name = "minipy-ft",
       .label = "minipy-ft -X gil=1",
       .exe = ft_exe,
       .options = {"-X", "gil=1"},
       .timeline_file = "minipy-ft-gil1.svg",
       .gil = true},
  };
  if (!timeline_dir.empty()) {
    fs::create_directories(timeline_dir, ec);
    if (ec) {
      fmt::print(stderr, "minipy compare: can't create {}: {}\n", timeline_dir, ec.message());
      return 1;
    }
  }

  // results[build][run]
  std::vector<std::vector<Run>> results(builds.size());
  size_t total = builds.size() * size_t(runs), done = 0;
  for (int run = 0; run < runs; ++run) {
    for (size_t bi = 0; bi < builds.size(); ++bi) {
      const Build& b = builds[bi];
      std::vector<std::string> cmd = {b.exe};
      cmd.insert(cmd.end(), b.options.begin(), b.options.end());
      if (run == 0 && !timeline_dir.empty()) {
        cmd.push_back("-X");
        cmd.push_back("timeline=" + (fs::path(timeline_dir) / b.timeline_file).string());
      }
      cmd.push_back(script);
      cmd.insert(cmd.end(), script_args.begin(), script_args.end());
      fmt::print(stderr, "[{}/{}] run {} of {}: {} ... ", ++done, total, run + 1, runs, b.label);
      fflush(stderr);
      Run r = run_child(b, cmd);
      fmt::print(stderr, "{:.3f} s{}\n", r.wall,
                 r.status ? fmt::format(" (exit status {})", r.status) : "");
      results[bi].push_back(std::move(r));
    }
  }

  // Outputs and exit statuses: every run against the GIL build's first run.
  const Run& reference = results[0][0];
  std::optional<Difference> diff;
  std::vector<bool> same(builds.size(), true);
  for (size_t bi = 0; bi < builds.size(); ++bi) {
    for (size_t ri = 0; ri < results[bi].size(); ++ri) {
      const Run& r = results[bi][ri];
      std::optional<Difference> d = first_difference(reference.out, r.out);
      if (!d && r.status != reference.status) {
        d = Difference{};
        d->exit_status = true;
        d->expected = fmt::format("exit status {}", reference.status);
        d->got = fmt::format("exit status {}", r.status);
      }
      if (!d) continue;
      same[bi] = false;
      if (!diff) {
        diff = d;
        diff->build = bi;
        diff->run = ri;
      }
    }
  }

  std::vector<Summary> sums;
  for (size_t bi = 0; bi < builds.size(); ++bi) {
    std::vector<double> wall, cpu, user, sys, rss;
    for (const Run& r : results[bi]) {
      wall.push_back(r.wall);
      cpu.push_back(r.user + r.sys);
      user.push_back(r.user);
      sys.push_back(r.sys);
      rss.push_back(double(r.max_rss_kib) / 1024.0);
    }
    Summary s{};
    s.wall = median(wall);
    s.cpu = median(cpu);
    s.user = median(user);
    s.sys = median(sys);
    s.cores = s.wall > 0 ? s.cpu / s.wall : 0;
    s.rss_mib = median(rss);
    s.output_same = same[bi];
    sums.push_back(s);
  }
  for (Summary& s : sums) s.speedup = s.wall > 0 ? sums[0].wall / s.wall : 0;

  bool all_same = !diff;
  std::string out;
  if (json) {
    out += "{\n";
    out += fmt::format("  \"script\": {},\n  \"args\": [", json_string(script));
    for (size_t i = 0; i < script_args.size(); ++i)
      out += (i ? ", " : "") + json_string(script_args[i]);
    out += fmt::format(
        "],\n  \"runs\": {},\n  \"cores_online\": {},\n  \"idle_cores\": {:.2f},\n  "
        "\"load_average\": {:.2f},\n  "
        "\"builds\": [\n",
        runs, cores_online, idle_before, load_before);
    for (size_t bi = 0; bi < builds.size(); ++bi) {
      const Build& b = builds[bi];
      const Summary& s = sums[bi];
      std::string cmd;
      for (size_t i = 0; i < b.options.size(); ++i) cmd += ", " + json_string(b.options[i]);
      std::string walls, cpus, statuses;
      // The stderr of the build's first failed run, or null.
      std::string failed_stderr = "null";
      for (const Run& r : results[bi]) {
        if (r.status == 0) continue;
        failed_stderr = json_string(r.err);
        break;
      }
      for (size_t ri = 0; ri < results[bi].size(); ++ri) {
        const Run& r = results[bi][ri];
        walls += fmt::format("{}{:.4f}", ri ? ", " : "", r.wall);
        cpus += fmt::format("{}{:.4f}", ri ? ", " : "", r.user + r.sys);
        statuses += fmt::format("{}{}", ri ? ", " : "", r.status);
      }
      out += fmt::format(
          "    {{\"build\": {}, \"label\": {}, \"command\": [{}{}], \"gil\": {}, \"wall_s\": "
          "{:.4f}, "
          "\"cpu_s\": {:.4f}, \"user_s\": {:.4f}, \"sys_s\": {:.4f}, \"cores\": {:.3f}, "
          "\"peak_rss_mib\": {:.2f}, "
          "\"speedup\": {:.3f}, \"output\": {}, \"wall_s_runs\": [{}], \"cpu_s_runs\": [{}], "
          "\"exit_status\": [{}]{}}}{}\n",
          json_string(b.name), json_string(b.label), json_string(b.name), cmd,
          b.gil ? "true" : "false", s.wall, s.cpu, s.user, s.sys, s.cores, s.rss_mib, s.speedup,
          json_string(bi == 0 ? (s.output_same ? "reference" : "varies")
                              : (s.output_same ? "same" : "differs")),
          walls, cpus, statuses,
          (timeline_dir.empty()
               ? ""
               : ", \"timeline\": " +
                     json_string((fs::path(timeline_dir) / b.timeline_file).string())) +
              ", \"failed_stderr\": " + failed_stderr,
          bi + 1 < builds.size() ? "," : "");
    }
    out += fmt::format("  ],\n  \"outputs_identical\": {},\n  \"first_difference\": ",
                       all_same ? "true" : "false");
    if (diff) {
      out += fmt::format(
          "{{\"build\": {}, \"run\": {}, \"line\": {}, \"expected\": {}, \"got\": {}}}\n",
          json_string(builds[diff->build].label), diff->run + 1,
          diff->exit_status ? "\"exit status\"" : std::to_string(diff->line),
          diff->expected_missing ? "null" : json_string(diff->expected),
          diff->got_missing ? "null" : json_string(diff->got));
    } else {
      out += "null\n";
    }
    out += "}\n";
  } else {
    size_t w = 5;
    for (const Build& b : builds) w = std::max(w, b.label.size());
    std::string cmdline = script;
    for (const std::string& a : script_args) cmdline += " " + a;
    out += fmt::format("minipy compare: {} ({} run{} per build, medians)\n\n", cmdline, runs,
                       runs == 1 ? "" : "s");
    out += fmt::format("{:<{}}  {:>8}  {:>8}  {:>5}  {:>9}  {:>7}  {}\n", "build", w, "wall", "CPU",
                       "cores", "peak RSS", "speedup", "output");
    for (size_t bi = 0; bi < builds.size(); ++bi) {
      const Summary& s = sums[bi];
      std::string output =
          bi == 0 ? (s.output_same ? "reference" : "varies") : (s.output_same ? "same" : "DIFFERS");
      out += fmt::format("{:<{}}  {:>6.3f} s  {:>6.3f} s  {:>5.2f}  {:>5.1f} MiB  {:>6.2f}x  {}\n",
                         builds[bi].label, w, s.wall, s.cpu, s.cores, s.rss_mib, s.speedup, output);
    }
    out += "\n";
    if (idle_before >= 0) {
      out += fmt::format(
          "Machine: {} cores, {:.1f} idle just before the runs{}\n", cores_online, idle_before,
          idle_before < double(cores_online) - 0.5
              ? " (other processes compete for the cores: timings are noisy, parallelism hidden)"
              : "");
    }
    if (all_same) {
      out += fmt::format("Output: identical in all {} runs.\n", total);
    } else {
      out += fmt::format("Output: differs. First difference: {}, run {}, {}:\n",
                         builds[diff->build].label, diff->run + 1,
                         diff->exit_status ? "exit status" : fmt::format("line {}", diff->line));
      out += fmt::format("  {:<{}}  {}\n", builds[0].label + ":", w + 1,
                         diff->expected_missing ? "(no such line)" : diff->expected);
      out += fmt::format("  {:<{}}  {}\n", builds[diff->build].label + ":", w + 1,
                         diff->got_missing ? "(no such line)" : diff->got);
    }
    // The first failed run of each build, its stderr shown once if the builds failed alike.
    std::vector<const Run*> shown;
    for (size_t bi = 0; bi < builds.size(); ++bi) {
      for (size_t ri = 0; ri < results[bi].size(); ++ri) {
        const Run& r = results[bi][ri];
        if (r.status == 0) continue;
        auto alike = std::find_if(shown.begin(), shown.end(), [&](const Run* s) {
          return s->status == r.status && s->err == r.err;
        });
        if (alike != shown.end()) {
          out += fmt::format("{}, run {}: exit status {}, the same stderr.\n", builds[bi].label,
                             ri + 1, r.status);
        } else {
          out += fmt::format("{}, run {}: exit status {}; the end of its stderr:\n{}",
                             builds[bi].label, ri + 1, r.status, last_lines(r.err, 10));
          shown.push_back(&r);
        }
        break;
      }
    }
    if (!timeline_dir.empty()) {
      out += "Timelines (first run of each build):";
      for (const Build& b : builds)
        out += " " + (fs::path(timeline_dir) / b.timeline_file).string();
      out += "\n";
    }
  }
  fflush(stderr);
  fwrite(out.data(), 1, out.size(), stdout);
  fflush(stdout);
  bool failed = false;
  for (const auto& rs : results)
    for (const Run& r : rs) failed |= r.status != 0;
  return failed ? 1 : 0;
}

}  // namespace cli
