// The read-eval-print loop: line reading (libedit on a terminal, plain reads otherwise),
// CPython's rules for when a statement is complete, running it in __main__ with results
// echoed by the PrintExpr opcode, Ctrl-C handling, and the :dis/:ast/:time/:gil commands.
#include "cli/repl.h"

#include <fmt/format.h>
#include <histedit.h>
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <clocale>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/compile.h"
#include "runtime/error.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "vm/dis.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace cli {

namespace {

using rt::Ref;
using rt::Value;

constexpr const char* kPrompt1 = ">>> ";
constexpr const char* kPrompt2 = "... ";
// How often a blocked read wakes up to look for a Ctrl-C delivered to another thread.
constexpr int kPollMillis = 100;

// ---- output --------------------------------------------------------------------------------

// Writes out what Python code left in sys.stdout/sys.stderr, then the C streams.
void flush_output() {
  try {
    rt::io_flush_all();
  } catch (rt::PyError& e) {
    Ref exc = Ref::steal(e.take());
  }
  fflush(stdout);
  fflush(stderr);
}

// Writes [text] to sys.stdout (or [to_stderr]: sys.stderr), falling back to the C streams.
void write_out(const std::string& text, bool to_stderr = false) {
  try {
    rt::io_write(to_stderr ? rt::io_stderr() : rt::io_stdout(), text);
  } catch (rt::PyError& e) {
    Ref exc = Ref::steal(e.take());
    fputs(text.c_str(), to_stderr ? stderr : stdout);
  }
  flush_output();
}

// ---- Ctrl-C ----------------------------------------------------------------------------------

// Takes a pending SIGINT from the main thread's eval breaker (the handler in
// vm/thread_state.cpp sets the bit): true if Ctrl-C was pressed since the last call.
bool take_interrupt() {
  vm::ThreadState* ts = vm::current_thread();
  uint32_t bits = ts->eval_breaker.load(std::memory_order_relaxed);
  if (!(bits & vm::kBreakSignal)) return false;
  ts->eval_breaker.fetch_and(~uint32_t(vm::kBreakSignal), std::memory_order_relaxed);
  return true;
}

// Peeks at the pending SIGINT without taking it.
bool interrupt_pending() {
  return vm::current_thread()->eval_breaker.load(std::memory_order_relaxed) & vm::kBreakSignal;
}

// Waits until [fd] is readable or Ctrl-C is pressed. Returns false on Ctrl-C (the signal is
// left pending for the caller to take).
bool wait_readable(int fd) {
  while (true) {
    if (interrupt_pending()) return false;
    pollfd p{fd, POLLIN, 0};
    int r = poll(&p, 1, kPollMillis);
    if (r > 0) return true;
    if (r < 0 && errno != EINTR) return true;  // let read() report the error
  }
}

// ---- line readers --------------------------------------------------------------------------

enum class ReadStatus { Line, Eof, Interrupt };

// Reads one line of input for a prompt. Called with the GIL released: touches no Python object.
class LineReader {
 public:
  virtual ~LineReader() = default;
  // Shows [prompt] and reads a line into [line] (without its '\n').
  virtual ReadStatus read(const char* prompt, std::string& line) = 0;
};

// Plain reads from fd 0, byte by byte (so nothing is read ahead of what sys.stdin may read
// later), with the prompt on stderr: stdin is not a terminal, or line editing is unavailable.
class PlainReader : public LineReader {
 public:
  ReadStatus read(const char* prompt, std::string& line) override {
    fputs(prompt, stderr);
    fflush(stderr);
    line.clear();
    while (true) {
      if (!wait_readable(0)) return ReadStatus::Interrupt;
      char c;
      ssize_t n = ::read(0, &c, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return line.empty() ? ReadStatus::Eof : ReadStatus::Line;
      if (c == '\n') return ReadStatus::Line;
      line += c;
    }
  }
};

// libedit in emacs mode: arrows, Ctrl-R (incremental history search), Tab indents, history
// in ~/.minipy_history. Characters come through read_char, which notices Ctrl-C.
class EditReader : public LineReader {
 public:
  EditReader() {
    if (const char* home = getenv("HOME"); home && *home) history_file_ = std::string(home) + "/.minipy_history";
    hist_ = history_init();
    HistEvent ev;
    history(hist_, &ev, H_SETSIZE, 1000);
    history(hist_, &ev, H_SETUNIQUE, 1);
    if (!history_file_.empty()) history(hist_, &ev, H_LOAD, history_file_.c_str());
    el_ = el_init("minipy", stdin, stdout, stderr);
    el_set(el_, EL_CLIENTDATA, this);
    el_set(el_, EL_EDITOR, "emacs");
    el_set(el_, EL_SIGNAL, 0);
    el_set(el_, EL_PROMPT, &EditReader::prompt_of);
    el_set(el_, EL_HIST, history, hist_);
    el_set(el_, EL_GETCFN, &EditReader::read_char);
    el_set(el_, EL_ADDFN, "minipy-indent", "Insert four spaces", &EditReader::indent);
    el_set(el_, EL_BIND, "^I", "minipy-indent", nullptr);
    el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
    el_source(el_, nullptr);  // the user's ~/.editrc
  }
  ~EditReader() override {
    el_end(el_);
    history_end(hist_);
  }
  EditReader(const EditReader&) = delete;
  EditReader& operator=(const EditReader&) = delete;

  ReadStatus read(const char* prompt, std::string& line) override {
    prompt_ = prompt;
    interrupted_ = false;
    int count = 0;
    const char* text = el_gets(el_, &count);
    if (interrupted_ || (text == nullptr && interrupt_pending())) {
      el_reset(el_);
      return ReadStatus::Interrupt;
    }
    if (text == nullptr || count <= 0) return ReadStatus::Eof;
    line.assign(text, size_t(count));
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) {
      HistEvent ev;
      history(hist_, &ev, H_ENTER, line.c_str());
      if (!history_file_.empty()) history(hist_, &ev, H_SAVE, history_file_.c_str());
    }
    return ReadStatus::Line;
  }

 private:
  static EditReader* self(EditLine* el) {
    void* p = nullptr;
    el_get(el, EL_CLIENTDATA, &p);
    return static_cast<EditReader*>(p);
  }
  static char* prompt_of(EditLine* el) { return const_cast<char*>(self(el)->prompt_); }

  // libedit's character source: one (multibyte) character from the terminal, or -1 on
  // Ctrl-C, which makes el_gets give up the line.
  static int read_char(EditLine* el, wchar_t* out) {
    EditReader* r = self(el);
    mbstate_t state{};
    char buf[MB_LEN_MAX];
    size_t len = 0;
    while (true) {
      if (!wait_readable(0)) {
        r->interrupted_ = true;
        return -1;
      }
      char c;
      ssize_t n = ::read(0, &c, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return 0;
      buf[len++] = c;
      wchar_t wc;
      size_t k = mbrtowc(&wc, buf, len, &state);
      if (k == size_t(-2) && len < sizeof buf) continue;  // more bytes of this character
      if (k == size_t(-1) || k == size_t(-2)) wc = static_cast<unsigned char>(buf[0]);
      *out = wc;
      return 1;
    }
  }

  static unsigned char indent(EditLine* el, int) {
    el_insertstr(el, "    ");
    return CC_REFRESH;
  }

  EditLine* el_ = nullptr;
  History* hist_ = nullptr;
  std::string history_file_;
  const char* prompt_ = kPrompt1;
  bool interrupted_ = false;
};

// Line editing needs terminals on both ends and a UTF-8 character type for non-ASCII input.
std::unique_ptr<LineReader> make_reader() {
  if (!isatty(0) || !isatty(1)) return std::make_unique<PlainReader>();
  setlocale(LC_CTYPE, "");
  if (MB_CUR_MAX == 1) setlocale(LC_CTYPE, "C.UTF-8");
  return std::make_unique<EditReader>();
}

// ---- running code --------------------------------------------------------------------------

// Reports [exc] as the REPL does: its traceback on stderr. SystemExit leaves the REPL.
void report(Ref exc) {
  if (rt::isinstance(exc.get(), &rt::exc_SystemExit)) throw rt::PyError(exc.release());
  flush_output();
  vm::print_exception(exc.get());
  flush_output();
}

// Runs [fn], printing any Python exception (and any C++ failure) instead of propagating it;
// SystemExit propagates. Afterwards a Ctrl-C that arrived too late to interrupt is dropped.
template <class F>
void guarded(F&& fn) {
  try {
    fn();
  } catch (rt::PyError& e) {
    report(Ref::steal(e.take()));
  } catch (std::bad_alloc&) {
    write_out("MemoryError\n", true);
  } catch (std::exception& e) {
    write_out(fmt::format("minipy: internal error: {}\n", e.what()), true);
  }
  flush_output();
  take_interrupt();
}

// Compiles [source] in [mode] (new reference).
Ref compile(const std::string& source, compiler::Mode mode) {
  return Ref::steal(Value::from_obj(compiler::compile_source(source, "<stdin>", mode)));
}

// Runs one interactive statement in [globals]; an expression's value is printed and bound
// to builtins._ by the PrintExpr instruction that Mode::Single emits.
void run_statement(const std::string& source, rt::Dict* globals) {
  Ref code = compile(source, compiler::Mode::Single);
  rt::decref(vm::run_module_code(code.as<vm::Code>(), globals));
}

// ---- commands ----------------------------------------------------------------------------

const char* const kHelp =
    "minipy REPL commands:\n"
    "  :dis EXPR_OR_NAME  bytecode of a function (a name such as f or obj.method) or of an expression\n"
    "  :ast CODE          the syntax tree of CODE, as ast.dump(indent=2)\n"
    "  :time STATEMENT    run STATEMENT and print its wall and CPU time\n"
    "  :gil               the build, whether the GIL is enabled, the switch interval, live threads\n"
    "  :help              this text\n"
    "A compound statement ends with an empty line. Ctrl-C cancels the line or interrupts\n"
    "running code; Ctrl-D on an empty line, exit() or quit() leave.\n";

// True if [s] is a name or a dotted chain of names (f, obj.method).
bool is_dotted_name(const std::string& s) {
  bool start = true;
  for (unsigned char c : s) {
    if (c == '.') {
      if (start) return false;
      start = true;
    } else if (std::isalpha(c) || c == '_' || c >= 0x80 || (!start && std::isdigit(c))) {
      start = false;
    } else {
      return false;
    }
  }
  return !start;
}

// The code object behind [v]: a function, a bound method's function, or a code object.
vm::Code* code_of(Value v) {
  if (v.is_obj() && rt::type_of(v) == &rt::method_type) v = v.as<rt::Method>()->func;
  if (v.is_obj() && rt::type_of(v) == &rt::function_type) return v.as<rt::Function>()->code;
  if (v.is_obj() && rt::type_of(v) == &vm::code_type) return v.as<vm::Code>();
  return nullptr;
}

// :dis — a name that evaluates to a function shows the function's bytecode; anything else is
// compiled as an expression (or, failing that, as statements) and that code is shown.
void cmd_dis(const std::string& arg, rt::Dict* globals) {
  if (arg.empty()) {
    write_out("usage: :dis EXPR_OR_NAME\n", true);
    return;
  }
  if (is_dotted_name(arg)) {
    Ref value;
    try {
      Ref code = compile(arg, compiler::Mode::Eval);
      value = Ref::steal(vm::run_module_code(code.as<vm::Code>(), globals));
    } catch (rt::PyError& e) {
      Ref exc = Ref::steal(e.take());
    }
    if (value) {
      if (vm::Code* c = code_of(value.get())) {
        write_out(vm::disassemble(c));
        return;
      }
    }
  }
  Ref code;
  try {
    code = compile(arg, compiler::Mode::Eval);
  } catch (rt::PyError& e) {
    Ref exc = Ref::steal(e.take());
    code = compile(arg + "\n", compiler::Mode::Exec);
  }
  write_out(vm::disassemble(code.as<vm::Code>()));
}

// A duration in the unit that suits it: "812 ns", "3.41 µs", "12.6 ms", "2.05 s".
std::string format_duration(double seconds) {
  if (seconds < 1e-6) return fmt::format("{:.0f} ns", seconds * 1e9);
  if (seconds < 1e-3) return fmt::format("{:.3g} µs", seconds * 1e6);
  if (seconds < 1) return fmt::format("{:.3g} ms", seconds * 1e3);
  return fmt::format("{:.3g} s", seconds);
}

double timeval_seconds(const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; }

// :time — runs the statement as typed at the prompt (an expression's value is echoed), then
// prints the process's user and system CPU time and the wall time it took, as IPython's %time.
void cmd_time(const std::string& arg, rt::Dict* globals) {
  if (arg.empty()) {
    write_out("usage: :time STATEMENT\n", true);
    return;
  }
  rusage before{}, after{};
  getrusage(RUSAGE_SELF, &before);
  auto start = std::chrono::steady_clock::now();
  guarded([&] { run_statement(arg + "\n", globals); });
  auto end = std::chrono::steady_clock::now();
  getrusage(RUSAGE_SELF, &after);
  double user = timeval_seconds(after.ru_utime) - timeval_seconds(before.ru_utime);
  double sys = timeval_seconds(after.ru_stime) - timeval_seconds(before.ru_stime);
  double wall = std::chrono::duration<double>(end - start).count();
  write_out(fmt::format("CPU times: user {}, sys: {}, total: {}\nWall time: {}\n", format_duration(user),
                        format_duration(sys), format_duration(user + sys), format_duration(wall)));
}

// :gil — what this process's threading looks like right now.
void cmd_gil() {
  int threads = 0;
  vm::for_each_thread_state([&](vm::ThreadState*) { ++threads; });
  vm::GilStats stats = vm::gil_stats();
  std::string text;
  text += fmt::format("build:           {}\n", MINIPY_FREE_THREADED ? "free-threaded (minipy-ft)" : "GIL (minipy)");
  text += fmt::format("GIL enabled:     {}\n", vm::gil_enabled() ? "yes" : "no");
  text += fmt::format("switch interval: {:g} s\n", vm::interp.switch_interval);
  text += fmt::format("live threads:    {}\n", threads);
  text += fmt::format("GIL switches:    {} ({} drop requests)\n", stats.switches, stats.drop_requests);
  write_out(text);
}

// Runs the command line [line] (starting with ':').
void run_command(const std::string& line, rt::Dict* globals) {
  size_t name_end = line.find_first_of(" \t", 1);
  std::string name = line.substr(1, name_end == std::string::npos ? std::string::npos : name_end - 1);
  std::string arg;
  if (name_end != std::string::npos) {
    size_t b = line.find_first_not_of(" \t", name_end);
    size_t e = line.find_last_not_of(" \t");
    if (b != std::string::npos) arg = line.substr(b, e - b + 1);
  }
  if (name == "help" || name == "h" || name == "?") {
    write_out(kHelp);
  } else if (name == "dis") {
    guarded([&] { cmd_dis(arg, globals); });
  } else if (name == "ast") {
    guarded([&] {
      if (arg.empty()) {
        write_out("usage: :ast CODE\n", true);
        return;
      }
      compiler::ast::Module m = compiler::parse(arg + "\n", "<stdin>");
      write_out(compiler::ast::dump(m) + "\n");
    });
  } else if (name == "time") {
    cmd_time(arg, globals);
  } else if (name == "gil") {
    guarded([&] { cmd_gil(); });
  } else {
    write_out(fmt::format("unknown command :{} (:help lists the commands)\n", name), true);
  }
}

// True if [line] holds nothing but whitespace and maybe a comment.
bool blank_or_comment(const std::string& line) {
  size_t i = line.find_first_not_of(" \t\f\r\v");
  return i == std::string::npos || line[i] == '#';
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string s;
  for (const std::string& l : lines) {
    s += l;
    s += '\n';
  }
  return s;
}

}  // namespace

int run_repl(rt::Dict* globals, const std::string& banner) {
  std::unique_ptr<LineReader> reader = make_reader();
  flush_output();
  if (!banner.empty()) write_out(banner, true);
  std::vector<std::string> lines;  // the statement typed so far
  while (true) {
    flush_output();
    take_interrupt();  // a Ctrl-C between two prompts cancels nothing
    std::string line;
    ReadStatus status;
    {
      // Other threads run while the prompt waits.
      vm::GilRelease release;
      status = reader->read(lines.empty() ? kPrompt1 : kPrompt2, line);
    }
    if (status == ReadStatus::Interrupt) {
      take_interrupt();
      write_out("\nKeyboardInterrupt\n", true);
      lines.clear();
      continue;
    }
    if (status == ReadStatus::Eof) {
      write_out("\n");
      if (lines.empty()) return 0;
      // End of input in the middle of a statement: run what was typed, as CPython.
      std::string source = join_lines(lines);
      lines.clear();
      guarded([&] { run_statement(source, globals); });
      continue;
    }
    if (lines.empty()) {
      size_t i = line.find_first_not_of(" \t");
      if (i != std::string::npos && line[i] == ':') {
        run_command(line.substr(i), globals);
        continue;
      }
      if (blank_or_comment(line)) continue;
    }
    lines.push_back(std::move(line));
    std::string source = join_lines(lines);
    if (compiler::input_incomplete(source)) continue;
    lines.clear();
    guarded([&] { run_statement(source, globals); });
  }
}

}  // namespace cli
