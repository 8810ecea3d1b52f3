// The `minipy` command: runs a script (or -c CODE, or a program read from stdin), or prints
// its AST (--ast) or bytecode (--dis), or starts the REPL (no script on a terminal, or -i
// after the script). Uncaught exceptions print CPython's traceback and exit 1; SystemExit and
// KeyboardInterrupt exit as CPython does.
#include <CLI/CLI.hpp>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/compare.h"
#include "cli/repl.h"
#include "compiler/ast.h"
#include "compiler/compile.h"
#include "runtime/error.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "runtime/threads.h"
#include "vm/dis.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/trace.h"

namespace {

#ifndef MINIPY_VERSION
#define MINIPY_VERSION "0.1.0"
#endif

std::string version_string() {
  return std::string("minipy ") + MINIPY_VERSION +
         (MINIPY_FREE_THREADED ? " (Python 3.11 subset, free-threaded build)" : " (Python 3.11 subset, GIL build)");
}

struct Options {
  std::string code;          // -c
  bool has_code = false;
  bool dis = false;
  bool ast = false;
  bool interactive = false;  // -i: the REPL after the script
  std::vector<std::string> xopts;
  std::string script;        // empty: stdin
  std::vector<std::string> args;
};

void flush_all() {
  try {
    rt::io_flush_all();
  } catch (rt::PyError&) {
  }
  fflush(stdout);
  fflush(stderr);
}

// The exit status for an uncaught SystemExit [exc]: None -> 0, an int -> itself truncated
// to a C int as CPython's (int)PyLong_AsLong (an int past a C long gives -1, status 255),
// anything else is printed to stderr and gives 1.
int system_exit_status(rt::Value exc) {
  auto* e = exc.as<rt::BaseException>();
  rt::Value code = rt::None();
  if (e->args && e->args->size == 1) code = e->args->item(0);
  else if (e->args && e->args->size > 1) code = rt::Value::from_obj(e->args);
  if (code == rt::None()) return 0;
  int64_t n;
  if (rt::int_check(code)) return rt::int_to_i64(code, &n) ? static_cast<int>(n) : -1;
  std::string text;
  try {
    text = rt::str_string(code);
  } catch (rt::PyError&) {
    text = "<exception str() failed>";
  }
  try {
    rt::io_write(rt::io_stderr(), text + "\n");
  } catch (rt::PyError&) {
    fprintf(stderr, "%s\n", text.c_str());
  }
  return 1;
}

// Reports an exception that reached the top level and returns the process status.
int handle_uncaught(rt::Value exc) {
  flush_all();
  if (rt::isinstance(exc, &rt::exc_SystemExit)) {
    int status = system_exit_status(exc);
    flush_all();
    return status;
  }
  vm::print_exception(exc);
  flush_all();
  if (rt::isinstance(exc, &rt::exc_KeyboardInterrupt)) {
    vm::trace_finish();  // an interrupted run's statistics and timeline are the interesting ones
    // As CPython: die of SIGINT so the parent sees the interrupt (shell status 130).
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    return 130;
  }
  return 1;
}

// The dict of the __main__ module, created and entered in sys.modules on first use. [file]
// becomes __file__ unless it is null (the REPL's __main__ has none).
rt::Dict* main_globals(rt::Value file) {
  rt::Dict* modules = vm::interp.modules ? vm::interp.modules : (vm::interp.modules = rt::dict_new());
  rt::Value name = rt::Value::from_obj(rt::str_intern("__main__"));
  rt::Value existing = rt::dict_get(modules, name);
  if (!existing.is_null() && rt::type_of(existing) == &rt::module_type) return existing.as<rt::Module>()->dict;
  rt::Module* main_mod = rt::module_new("__main__");
  rt::Ref mod_ref = rt::Ref::steal(rt::Value::from_obj(main_mod));
  rt::dict_set(modules, name, mod_ref.get());
  rt::Dict* globals = main_mod->dict;
  if (vm::interp.builtins)
    rt::dict_set(globals, rt::Value::from_obj(rt::str_intern("__builtins__")), rt::Value::from_obj(vm::interp.builtins));
  if (!file.is_null()) rt::dict_set(globals, rt::Value::from_obj(rt::str_intern("__file__")), file);
  return globals;
}

// Compiles and runs [source] as the __main__ module; returns the exit status. With -i
// ([opt].interactive) an uncaught exception is printed and the REPL follows.
int run_source(const std::string& source, const std::string& filename, const Options& opt) {
  try {
    if (opt.ast) {
      compiler::ast::Module m = compiler::parse(source, filename);
      std::string text = compiler::ast::dump(m) + "\n";
      rt::io_write(rt::io_stdout(), text);
      flush_all();
      return 0;
    }
    rt::Ref code = rt::Ref::steal(rt::Value::from_obj(compiler::compile_source(source, filename)));
    if (opt.dis) {
      rt::io_write(rt::io_stdout(), vm::disassemble(code.as<vm::Code>()));
      flush_all();
      return 0;
    }
    rt::Ref file = rt::Ref::steal(opt.has_code || opt.script.empty() ? rt::None() : rt::str_value(filename));
    rt::Dict* globals = main_globals(file.get());
    rt::decref(vm::run_module_code(code.as<vm::Code>(), globals));
  } catch (rt::PyError& e) {
    rt::Ref exc = rt::Ref::steal(e.take());
    if (opt.interactive) {
      flush_all();
      vm::print_exception(exc.get());
      flush_all();
      return 0;
    }
    return handle_uncaught(exc.get());
  }
  flush_all();
  return 0;
}

// Runs the REPL in __main__ (after the script, if any); [banner]: print the version first.
// Returns the exit status.
int run_interactive(bool banner) {
  try {
    std::string text;
    if (banner)
      text = version_string() + "\nType \":help\" for the REPL's commands; exit() or Ctrl-D leaves.\n";
    return cli::run_repl(main_globals(rt::Value::null()), text);
  } catch (rt::PyError& e) {
    rt::Ref exc = rt::Ref::steal(e.take());
    return handle_uncaught(exc.get());
  }
}

// Splits argv into interpreter options (before the script) and the script's own arguments.
bool split_args(int argc, char** argv, std::vector<std::string>& opts, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-c") {
      if (i + 1 >= argc) {
        fprintf(stderr, "Argument expected for the -c option\n");
        return false;
      }
      o.has_code = true;
      o.code = argv[i + 1];
      for (int j = i + 2; j < argc; ++j) o.args.push_back(argv[j]);
      return true;
    }
    if (a == "-X") {
      opts.push_back(a);
      if (i + 1 < argc) opts.push_back(argv[++i]);
      continue;
    }
    if (a == "--") {
      if (i + 1 < argc) {
        o.script = argv[i + 1];
        for (int j = i + 2; j < argc; ++j) o.args.push_back(argv[j]);
      }
      return true;
    }
    if (a.size() > 1 && a[0] == '-') {
      opts.push_back(a);
      continue;
    }
    o.script = a;
    for (int j = i + 1; j < argc; ++j) o.args.push_back(argv[j]);
    return true;
  }
  return true;
}

std::string read_stream(std::istream& in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  // `minipy compare ...` is a command of its own (cli/compare.cpp); run a script named
  // "compare" as ./compare.
  if (argc > 1 && std::string_view(argv[1]) == "compare")
    return cli::run_compare(argc - 1, argv + 1);
  Options o;
  std::vector<std::string> opts;
  if (!split_args(argc, argv, opts, o)) return 2;

  CLI::App app{"minipy: a Python 3.11 subset interpreter", "minipy"};
  app.set_version_flag("-V,--version", version_string());
  app.add_flag("--dis", o.dis, "Print the bytecode instead of running the program");
  app.add_flag("--ast", o.ast, "Print the syntax tree instead of running the program");
  app.add_flag("-i", o.interactive, "Start the REPL after running the script (or -c CODE)");
  app.add_option("-X", o.xopts, "Implementation-specific option")->allow_extra_args(false);
  app.footer("usage: minipy [options] [-c CODE | script.py] [args...]\n"
             "       minipy compare [--runs N] [--json] [--timeline DIR] script.py [args...]\n"
             "-X gilstats: per-thread GIL statistics at exit to stderr.\n"
             "-X timeline=FILE.svg or FILE.json: when each thread ran, waited and blocked.\n"
             "With no script and stdin a terminal (or with -i), minipy starts the REPL.");
  std::vector<std::string> cli_args(opts.rbegin(), opts.rend());
  try {
    app.parse(cli_args);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  vm::interp.xoptions = o.xopts;

  std::string source, filename;
  // The REPL alone: no script, stdin a terminal (or -i, which reads statements from stdin).
  bool repl_only = !o.has_code && o.script.empty() && !o.dis && !o.ast && (o.interactive || isatty(0));
  if (repl_only) {
    vm::interp.argv.push_back("");
  } else if (o.has_code) {
    source = o.code;
    filename = "<string>";
    vm::interp.argv.push_back("-c");
  } else if (!o.script.empty()) {
    std::error_code ec;
    if (std::filesystem::is_directory(o.script, ec)) {
      // CPython looks for __main__.py in a directory; minipy runs single files only, and says
      // what CPython says for a directory without one.
      std::string where = o.script;
      if (!where.empty() && where[0] != '/') where = std::filesystem::current_path(ec).string() + "/" + where;
      fprintf(stderr, "minipy: can't find '__main__' module in '%s'\n", where.c_str());
      return 1;
    }
    errno = 0;
    std::ifstream in(o.script, std::ios::binary);
    if (!in) {
      int err = errno != 0 ? errno : ENOENT;
      fprintf(stderr, "minipy: can't open file '%s': [Errno %d] %s\n", o.script.c_str(), err, strerror(err));
      return 2;
    }
    source = read_stream(in);
    // As CPython 3.11, tracebacks and __file__ name the script by its absolute path, while
    // sys.argv[0] keeps the path as given.
    std::filesystem::path path = std::filesystem::absolute(o.script).lexically_normal();
    filename = path.string();
    vm::interp.argv.push_back(o.script);
    vm::interp.script_dir = path.parent_path().string();
  } else {
    source = read_stream(std::cin);
    filename = "<stdin>";
    vm::interp.argv.push_back("");
  }
  for (const std::string& a : o.args) vm::interp.argv.push_back(a);

  std::string gil_error = vm::gil_configure(vm::interp.xoptions);
  if (!gil_error.empty()) {
    fprintf(stderr, "%s\n", gil_error.c_str());
    return 1;
  }
  std::string trace_error = vm::trace_configure(vm::interp.xoptions, o.has_code ? "-c" : o.script);
  if (!trace_error.empty()) {
    fprintf(stderr, "%s\n", trace_error.c_str());
    return 2;
  }
  vm::ThreadState* main_ts = vm::thread_state_init();
  vm::trace_thread_begin("MainThread");
  vm::thread_attach(main_ts);
  rt::runtime_init();
  vm::install_signal_handlers();
  int status = repl_only ? 0 : run_source(source, filename, o);
  if (repl_only || (o.interactive && !o.dis && !o.ast)) status = run_interactive(repl_only);
  // As CPython's threading._shutdown: run the threading atexit calls, then wait for the
  // non-daemon threads. Daemon threads may still be running Python code: leave without
  // running destructors under them.
  rt::run_threading_atexits();
  bool daemons_running = rt::wait_for_threads();
  if (!daemons_running) vm::finalize_modules();
  flush_all();
  vm::trace_finish();
  if (daemons_running) _exit(status);
  return status;
}
