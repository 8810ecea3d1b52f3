// The os module, the parts LANGUAGE.md lists and a few neighbours: getpid, cpu_count, getcwd,
// environ (a plain dict filled at import), sep/name/linesep, and os.path (join, exists, isfile,
// isdir, basename, dirname, abspath, split, splitext) as the submodule "os.path" (posixpath).
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>

#include "runtime/builtins_internal.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

extern char** environ;

namespace rt {

namespace {

Value o_getpid(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("getpid", nargs, kwnames);
  return int_from_i64(getpid());
}

Value o_cpu_count(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("cpu_count", nargs, kwnames);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return None();
  return int_from_i64(n);
}

Value o_getcwd(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("getcwd", nargs, kwnames);
  return str_value(std::filesystem::current_path().string());
}

// A str argument of an os.path function ("expected str, bytes or os.PathLike object, not int").
std::string path_arg(const char* fname, Value v) {
  if (!str_check(v))
    raise_fmt(&exc_TypeError, "{}: path should be string, bytes or os.PathLike, not {}", fname, type_name(v));
  return std::string(as_str(v)->view());
}

// posixpath.join(a, *p)
Value p_join(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("join", kwnames);
  if (nargs == 0) raise_msg(&exc_TypeError, "join() missing 1 required positional argument: 'a'");
  for (size_t i = 0; i < nargs; ++i) {
    if (!str_check(args[i]))
      raise_fmt(&exc_TypeError, "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                type_name(args[i]));
  }
  std::string path(as_str(args[0])->view());
  for (size_t i = 1; i < nargs; ++i) {
    std::string_view b = as_str(args[i])->view();
    if (!b.empty() && b[0] == '/') path = b;
    else if (path.empty() || path.back() == '/') path += b;
    else path += "/" + std::string(b);
  }
  return str_value(path);
}

Value p_exists(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("exists", nargs, kwnames);
  if (!str_check(args[0])) return False();
  std::error_code ec;
  return from_bool(std::filesystem::exists(std::string(as_str(args[0])->view()), ec));
}
Value p_isfile(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("isfile", nargs, kwnames);
  if (!str_check(args[0])) return False();
  std::error_code ec;
  return from_bool(std::filesystem::is_regular_file(std::string(as_str(args[0])->view()), ec));
}
Value p_isdir(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("isdir", nargs, kwnames);
  if (!str_check(args[0])) return False();
  std::error_code ec;
  return from_bool(std::filesystem::is_directory(std::string(as_str(args[0])->view()), ec));
}

// posixpath.split: (head, tail), head stripped of trailing slashes unless it is all slashes.
std::pair<std::string, std::string> split_path(const std::string& p) {
  size_t i = p.rfind('/');
  i = i == std::string::npos ? 0 : i + 1;
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
  return {head, tail};
}

Value p_basename(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("basename", nargs, kwnames);
  std::string p = path_arg("basename", args[0]);
  size_t i = p.rfind('/');
  return str_value(i == std::string::npos ? p : p.substr(i + 1));
}
Value p_dirname(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("dirname", nargs, kwnames);
  return str_value(split_path(path_arg("dirname", args[0])).first);
}
Value p_split(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("split", nargs, kwnames);
  auto [head, tail] = split_path(path_arg("split", args[0]));
  Tuple* t = tuple_new(2);
  t->items()[0] = str_value(head);
  t->items()[1] = str_value(tail);
  return Value::from_obj(t);
}
Value p_splitext(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("splitext", nargs, kwnames);
  std::string p = path_arg("splitext", args[0]);
  size_t slash = p.rfind('/');
  size_t start = slash == std::string::npos ? 0 : slash + 1;
  size_t dot = p.rfind('.');
  std::string root = p, ext;
  if (dot != std::string::npos && dot > start) {
    // A leading run of dots in the file name is not an extension.
    size_t first = p.find_first_not_of('.', start);
    if (first != std::string::npos && first < dot) {
      root = p.substr(0, dot);
      ext = p.substr(dot);
    }
  }
  Tuple* t = tuple_new(2);
  t->items()[0] = str_value(root);
  t->items()[1] = str_value(ext);
  return Value::from_obj(t);
}
Value p_abspath(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("abspath", nargs, kwnames);
  std::string p = path_arg("abspath", args[0]);
  std::string s = std::filesystem::absolute(p).lexically_normal().string();
  if (s.size() > 1 && s.back() == '/') s.pop_back();
  return str_value(s);
}

Module* create_os_path() {
  Module* m = module_new("posixpath");
  Dict* d = m->dict;
  module_set(d, "sep", str_value("/"));
  add_function(d, "join", p_join);
  add_function(d, "exists", p_exists);
  add_function(d, "isfile", p_isfile);
  add_function(d, "isdir", p_isdir);
  add_function(d, "basename", p_basename);
  add_function(d, "dirname", p_dirname);
  add_function(d, "split", p_split);
  add_function(d, "splitext", p_splitext);
  add_function(d, "abspath", p_abspath);
  return m;
}

// True if [s] is well-formed UTF-8 (environment strings are bytes; others are skipped).
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t j = 1; j < n; ++j)
      if ((static_cast<unsigned char>(s[i + j]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

Module* create_os() {
  Module* m = module_new("os");
  Dict* d = m->dict;
  add_function(d, "getpid", o_getpid);
  add_function(d, "cpu_count", o_cpu_count);
  add_function(d, "getcwd", o_getcwd);
  module_set(d, "sep", str_value("/"));
  module_set(d, "linesep", str_value("\n"));
  module_set(d, "name", str_value("posix"));
  Dict* env = dict_new();
  module_set(d, "environ", Value::from_obj(env));
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    size_t eq = kv.find('=');
    if (eq == std::string_view::npos || !valid_utf8(kv)) continue;
    Ref k = Ref::steal(str_value(kv.substr(0, eq)));
    Ref v = Ref::steal(str_value(kv.substr(eq + 1)));
    dict_set(env, k.get(), v.get());
  }
  module_set(d, "path", Value::from_obj(create_os_path()));
  return m;
}

}  // namespace

void init_os_module() { register_builtin_module("os", create_os); }

}  // namespace rt
