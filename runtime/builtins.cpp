// The builtins module: its creation (init_builtins), argument-checking helpers, and the most
// used built-in functions: print, input, len, the numeric ones (abs, round, divmod, pow, sum,
// min, max) and the iteration ones (any, all, sorted, iter, next). The rest live in
// builtins_more.cpp and builtin_iters.cpp.

#include <charconv>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/class.h"
#include "runtime/init.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "vm/generator.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace rt {

// ---- argument checking ----------------------------------------------------------------

namespace {

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

}  // namespace

void check_meth_o(const char* fname, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", fname);
  if (nargs != 1) raise_fmt(&exc_TypeError, "{}() takes exactly one argument ({} given)", fname, nargs);
}

void check_meth_noargs(const char* fname, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", fname);
  if (nargs != 0) raise_fmt(&exc_TypeError, "{}() takes no arguments ({} given)", fname, nargs);
}

void check_positional(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return;
  if (min == max)
    raise_fmt(&exc_TypeError, "{} expected {} argument{}, got {}", fname, min, plural(min), nargs);
  if (nargs < min)
    raise_fmt(&exc_TypeError, "{} expected at least {} argument{}, got {}", fname, min, plural(min), nargs);
  raise_fmt(&exc_TypeError, "{} expected at most {} argument{}, got {}", fname, max, plural(max), nargs);
}

void raise_bad_keyword(Str* kw, const char* fname) {
  raise_fmt(&exc_TypeError, "'{}' is an invalid keyword argument for {}()", kw->view(), fname);
}

void clinic_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                 std::initializer_list<const char*> names, size_t posonly, size_t required, Value* out) {
  size_t n = names.size();
  size_t nkw = kw_count(kwnames);
  if (nargs + nkw > n) {
    if (required == n)
      raise_fmt(&exc_TypeError, "{}() takes exactly {} argument{} ({} given)", fname, n, plural(n), nargs + nkw);
    raise_fmt(&exc_TypeError, "{}() takes at most {} argument{} ({} given)", fname, n, plural(n), nargs + nkw);
  }
  for (size_t i = 0; i < n; i++) out[i] = i < nargs ? args[i] : Value::null();
  for (size_t k = 0; k < nkw; k++) {
    Str* kw = kw_name(kwnames, k);
    size_t i = 0;
    for (const char* name : names) {
      if (i >= posonly && kw->view() == name) break;
      i++;
    }
    if (i == n) {
      if (nargs < posonly && posonly == required)
        raise_fmt(&exc_TypeError, "{}() takes at least {} positional argument{} ({} given)", fname, posonly,
                  plural(posonly), nargs);
      raise_bad_keyword(kw, fname);
    }
    if (!out[i].is_null())
      raise_fmt(&exc_TypeError, "argument for {}() given by name ('{}') and position ({})", fname, kw->view(),
                i + 1);
    out[i] = args[nargs + k];
  }
  size_t i = 0;
  for (const char* name : names) {
    if (i >= required) break;
    if (out[i].is_null()) {
      if (i < posonly)
        raise_fmt(&exc_TypeError, "{}() takes at least {} positional argument{} ({} given)", fname, posonly,
                  plural(posonly), nargs);
      raise_fmt(&exc_TypeError, "{}() missing required argument '{}' (pos {})", fname, name, i + 1);
    }
    i++;
  }
}

void py_method_args(std::string_view qualname, const Value* args, size_t nargs, Tuple* kwnames,
                    std::initializer_list<const char*> names, size_t required, Value* out, size_t kwonly) {
  size_t max = names.size();
  size_t npos = max - kwonly;
  const char* const* nm = names.begin();
  for (size_t i = 0; i < max; ++i) out[i] = i < nargs && i < npos ? args[i] : Value::null();
  size_t nkw = kw_count(kwnames);
  size_t kwonly_given = 0;
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = kw_name(kwnames, k)->view();
    size_t i = 0;
    while (i < max && key != nm[i]) ++i;
    if (i == max) raise_fmt(&exc_TypeError, "{}() got an unexpected keyword argument '{}'", qualname, key);
    if (!out[i].is_null()) raise_fmt(&exc_TypeError, "{}() got multiple values for argument '{}'", qualname, key);
    if (i >= npos) ++kwonly_given;
    out[i] = args[nargs + k];
  }
  if (nargs > npos) {
    std::string kw_part =
        kwonly_given ? fmt::format(" positional argument{} (and {} keyword-only argument{})", plural(nargs + 1),
                                   kwonly_given, plural(kwonly_given))
                     : "";
    if (required == npos)
      raise_fmt(&exc_TypeError, "{}() takes {} positional argument{} but {}{} were given", qualname, npos + 1,
                plural(npos + 1), nargs + 1, kw_part);
    raise_fmt(&exc_TypeError, "{}() takes from {} to {} positional arguments but {}{} were given", qualname,
              required + 1, npos + 1, nargs + 1, kw_part);
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < required; ++i)
    if (out[i].is_null()) missing.emplace_back(nm[i]);
  if (missing.empty()) return;
  raise_fmt(&exc_TypeError, "{}() missing {} required positional argument{}: {}", qualname, missing.size(),
            plural(missing.size()), vm::format_names(missing));
}

int64_t int_arg(Value v) {
  if (v.is_int()) return v.as_int();
  if (int_check(v)) {
    int64_t out;
    if (!int_to_i64(v, &out)) raise_msg(&exc_OverflowError, "Python int too large to convert to C long");
    return out;
  }
  if (type_of(v)->flags & kTypeHeapType) return index_value(v);
  raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
}

void add_function(Dict* d, const char* name, NativeFn fn) {
  Ref f = Ref::steal(builtin_function_new(name, fn));
  dict_set(d, Value::from_obj(str_intern(name)), f.get());
}

namespace {

// ---- print and input ------------------------------------------------------------------

Str* g_str_stdout;
Str* g_str_stderr;
Str* g_str_stdin;
Str* g_str_flush;

// The current sys.<name> (borrowed); RuntimeError if it was deleted.
Value sys_stream(Str* name) {
  Value v = dict_get_str(sys_module()->dict, name);
  if (v.is_null()) raise_fmt(&exc_RuntimeError, "lost sys.{}", name->view());
  return v;
}

// Appends str(v) to [out], formatting ints, floats and strs directly.
void append_str(std::string& out, Value v) {
  if (v.is_int()) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
    out.append(buf, r.ptr);
  } else if (v.is_double()) {
    out += float_repr(v.as_double());
  } else if (v.as_obj()->type == &str_type) {
    out += as_str(v)->view();
  } else {
    Ref s = Ref::steal(str(v));
    out += as_str(s.get())->view();
  }
}

// Checks print's sep/end: None or a str; returns the text ([dflt] for None or absent).
std::string_view text_option(Value v, const char* what, std::string_view dflt) {
  if (v.is_null() || v == None()) return dflt;
  if (!str_check(v)) raise_fmt(&exc_TypeError, "{} must be None or a string, not {}", what, type_name(v));
  return as_str(v)->view();
}

// print(*args, sep=' ', end='\n', file=None, flush=False)
Value b_print(const Value* args, size_t nargs, Tuple* kwnames) {
  Value sep_v, end_v, file, flush;
  for (size_t k = 0; k < kw_count(kwnames); k++) {
    Str* kw = kw_name(kwnames, k);
    std::string_view name = kw->view();
    Value v = args[nargs + k];
    if (name == "sep") sep_v = v;
    else if (name == "end") end_v = v;
    else if (name == "file") file = v;
    else if (name == "flush") flush = v;
    else raise_bad_keyword(kw, "print");
  }
  std::string_view sep = text_option(sep_v, "sep", " ");
  std::string_view end = text_option(end_v, "end", "\n");
  if (file.is_null() || file == None()) {
    file = sys_stream(g_str_stdout);
    if (file == None()) return None();
  }
  if (io_is_textstream(file)) {
    TextStream* s = file.as<TextStream>();
    if (!s->writable) raise_msg(&exc_OSError, "not writable");
    IoLock lock;
    std::string& buf = *s->buffer;
    size_t start = buf.size();
    for (size_t i = 0; i < nargs; i++) {
      if (i > 0) buf += sep;
      append_str(buf, args[i]);
    }
    buf += end;
    bool nl = s->line_buffered && buf.find('\n', start) != std::string::npos;
    io_written(s, nl);
    if (!flush.is_null() && truthy(flush)) io_flush(s);
    return None();
  }
  Ref keep = Ref::borrow(file);
  std::string piece;
  for (size_t i = 0; i < nargs; i++) {
    if (i > 0) io_write(file, sep);
    piece.clear();
    append_str(piece, args[i]);
    io_write(file, piece);
  }
  io_write(file, end);
  if (!flush.is_null() && truthy(flush)) {
    Ref f = Ref::steal(getattr(file, g_str_flush));
    Ref r = Ref::steal(call0(f.get()));
  }
  return None();
}

// Flushes [stream]: directly for a TextStream, else through its flush method.
void flush_stream(Value stream) {
  if (stream == None()) return;
  if (io_is_textstream(stream)) {
    io_flush(stream.as<TextStream>());
    return;
  }
  Ref f = Ref::steal(getattr(stream, g_str_flush));
  Ref r = Ref::steal(call0(f.get()));
}

// input([prompt]): writes the prompt to stdout, reads a line from stdin without its newline.
Value b_input(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "input() takes no keyword arguments");
  check_positional("input", nargs, 0, 1);
  Value in = sys_stream(g_str_stdin);
  Value out = sys_stream(g_str_stdout);
  flush_stream(sys_stream(g_str_stderr));
  if (nargs == 1) {
    std::string prompt;
    append_str(prompt, args[0]);
    if (out != None()) io_write(out, prompt);
  }
  flush_stream(out);
  Ref line;
  if (io_is_textstream(in)) {
    line = Ref::steal(io_readline(in.as<TextStream>()));
  } else {
    if (in == None()) raise_msg(&exc_RuntimeError, "input(): lost sys.stdin");
    Ref rl = Ref::steal(getattr(in, str_intern("readline")));
    line = Ref::steal(call0(rl.get()));
    if (!str_check(line.get())) raise_msg(&exc_TypeError, "object.readline() returned non-string");
  }
  std::string_view text = as_str(line.get())->view();
  if (text.empty()) raise_msg(&exc_EOFError, "EOF when reading a line");
  if (text.back() == '\n') text.remove_suffix(1);
  return str_value(text);
}

// ---- numbers ----------------------------------------------------------------------------

Value b_len(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("len", nargs, kwnames);
  return int_from_i64(length(args[0]));
}

Value b_abs(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("abs", nargs, kwnames);
  Value v = args[0];
  if (!v.is_double() && !int_check(v)) {
    // A class with __abs__ (looked up on the type, as every special method).
    static Str* s_abs = str_intern("__abs__");
    Value r = call_special(v, s_abs, nullptr, 0);
    if (!r.is_null()) return r;
  }
  return number_abs(v);
}

Value b_round(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("round", args, nargs, kwnames, {"number", "ndigits"}, 0, 1, a);
  return number_round(a[0], a[1] == None() ? Value::null() : a[1]);
}

Value b_divmod(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "divmod() takes no keyword arguments");
  check_positional("divmod", nargs, 2, 2);
  return number_divmod(args[0], args[1]);
}

Value b_pow(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  clinic_args("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 0, 2, a);
  return number_pow(a[0], a[1], a[2].is_null() ? None() : a[2]);
}

// sum(iterable, /, start=0), with CPython's int and float fast paths (so float results
// round exactly as CPython 3.11's plain left-to-right addition).
Value b_sum(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("sum", args, nargs, kwnames, {"iterable", "start"}, 1, 1, a);
  Value start = a[1].is_null() ? Value::from_int(0) : a[1];
  if (str_check(start)) raise_msg(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  Ref it = Ref::steal(get_iter(a[0]));
  Ref result = Ref::borrow(start);
  Ref item;
  if (result.get().is_int()) {
    int64_t acc = result.get().as_int();
    for (;;) {
      item = Ref::steal(iter_next(it.get()));
      if (!item) return int_from_i64(acc);
      Value v = item.get();
      int64_t add, next;
      if (v.is_int()) add = v.as_int();
      else if (type_of(v) == &bool_type) add = v == True();
      else break;
      if (__builtin_add_overflow(acc, add, &next)) break;
      acc = next;
    }
    result = Ref::steal(int_from_i64(acc));
    result = Ref::steal(binary_op(result.get(), item.get(), BinOp::Add));
    item = Ref();
  }
  if (result.get().is_double()) {
    double acc = result.get().as_double();
    for (;;) {
      item = Ref::steal(iter_next(it.get()));
      if (!item) return Value::from_double(acc);
      Value v = item.get();
      int64_t i;
      if (v.is_double()) acc += v.as_double();
      else if (v.is_int()) acc += double(v.as_int());
      else if (int_check(v) && int_to_i64(v, &i)) acc += double(i);
      else break;
    }
    result = Ref::steal(Value::from_double(acc));
    result = Ref::steal(binary_op(result.get(), item.get(), BinOp::Add));
    item = Ref();
  }
  for (;;) {
    item = Ref::steal(iter_next(it.get()));
    if (!item) return result.release();
    result = Ref::steal(binary_op(result.get(), item.get(), BinOp::Add));
  }
}

// min/max(iterable, *[, default=obj, key=func]) and min/max(arg1, arg2, *args, *[, key=func]).
Value min_max(const char* fname, CmpOp op, const Value* args, size_t nargs, Tuple* kwnames) {
  Value key, dflt;
  for (size_t k = 0; k < kw_count(kwnames); k++) {
    Str* kw = kw_name(kwnames, k);
    if (kw->view() == "key") key = args[nargs + k];
    else if (kw->view() == "default") dflt = args[nargs + k];
    else raise_bad_keyword(kw, fname);
  }
  if (nargs == 0) raise_fmt(&exc_TypeError, "{} expected at least 1 argument, got 0", fname);
  if (nargs > 1 && !dflt.is_null())
    raise_fmt(&exc_TypeError, "Cannot specify a default for {}() with multiple positional arguments", fname);
  if (key == None()) key = Value::null();
  Ref it;
  if (nargs == 1) it = Ref::steal(get_iter(args[0]));
  size_t pos = 0;
  Ref best, best_key;
  for (;;) {
    Ref item;
    if (nargs == 1) {
      item = Ref::steal(iter_next(it.get()));
      if (!item) break;
    } else {
      if (pos == nargs) break;
      item = Ref::borrow(args[pos++]);
    }
    Ref k = key.is_null() ? item : Ref::steal(call1(key, item.get()));
    if (!best) {
      best = std::move(item);
      best_key = std::move(k);
    } else if (compare_bool(k.get(), best_key.get(), op)) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (best) return best.release();
  if (!dflt.is_null()) {
    incref(dflt);
    return dflt;
  }
  raise_fmt(&exc_ValueError, "{}() arg is an empty sequence", fname);
}

Value b_min(const Value* args, size_t nargs, Tuple* kwnames) { return min_max("min", CmpOp::Lt, args, nargs, kwnames); }
Value b_max(const Value* args, size_t nargs, Tuple* kwnames) { return min_max("max", CmpOp::Gt, args, nargs, kwnames); }

// ---- iteration ------------------------------------------------------------------------

// any/all: stops at the first item whose truth is [stop_on].
Value any_all(Value iterable, bool stop_on) {
  Ref it = Ref::steal(get_iter(iterable));
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) return from_bool(!stop_on);
    if (truthy(item.get()) == stop_on) return from_bool(stop_on);
  }
}

Value b_any(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("any", nargs, kwnames);
  return any_all(args[0], true);
}

Value b_all(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("all", nargs, kwnames);
  return any_all(args[0], false);
}

// sorted(iterable, /, *, key=None, reverse=False)
Value b_sorted(const Value* args, size_t nargs, Tuple* kwnames) {
  check_positional("sorted", nargs, 1, 1);
  Value key, reverse;
  for (size_t k = 0; k < kw_count(kwnames); k++) {
    Str* kw = kw_name(kwnames, k);
    if (kw->view() == "key") key = args[nargs + k];
    else if (kw->view() == "reverse") reverse = args[nargs + k];
    else raise_bad_keyword(kw, "sort");
  }
  bool rev = !reverse.is_null() && int_arg(reverse) != 0;
  Ref list = Ref::steal(Value::from_obj(list_new(0)));
  list_extend(list.as<List>(), args[0]);
  list_sort(list.as<List>(), key, rev);
  return list.release();
}

// iter(obj) or iter(callable, sentinel).
Value b_iter(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "iter() takes no keyword arguments");
  check_positional("iter", nargs, 1, 2);
  if (nargs == 1) return get_iter(args[0]);
  if (!type_of(args[0])->call) raise_msg(&exc_TypeError, "iter(v, w): v must be callable");
  return callable_iter_new(args[0], args[1]);
}

// next(iterator[, default]): StopIteration (no args) when exhausted without a default.
Value b_next(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "next() takes no keyword arguments");
  check_positional("next", nargs, 1, 2);
  Type* t = type_of(args[0]);
  if (!t->next) raise_fmt(&exc_TypeError, "'{}' object is not an iterator", t->name);
  Value v;
  if (nargs == 1) {
    if (t == &vm::generator_type) return vm::generator_send(args[0].as<vm::Generator>(), None());
    stop_iteration_clear();
    v = t->next(args[0]);
    if (v.is_null()) {
      // The StopIteration that ended it (with its args and traceback), else a new one.
      Value kept = stop_iteration_take();
      raise(kept.is_null() ? Value::from_obj(&exc_StopIteration) : kept);
    }
    return v;
  }
  try {
    v = t->next(args[0]);
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_StopIteration))) throw;
    v = Value::null();
  }
  if (v.is_null()) {
    stop_iteration_clear();
    incref(args[1]);
    return args[1];
  }
  return v;
}

}  // namespace

// Creates the builtins module and registers the built-in modules this part provides (sys).
void init_builtins() {
  io_init();
  g_str_stdout = str_intern("stdout");
  g_str_stderr = str_intern("stderr");
  g_str_stdin = str_intern("stdin");
  g_str_flush = str_intern("flush");
  Module* m = module_new("builtins");
  make_immortal(m);
  Dict* d = m->dict;
  vm::interp.builtins = d;
  if (!vm::interp.modules) vm::interp.modules = dict_new();
  dict_set(vm::interp.modules, Value::from_obj(str_intern("builtins")), Value::from_obj(m));
  dict_set(d, Value::from_obj(str_intern("__name__")), Value::from_obj(str_intern("builtins")));

  add_function(d, "print", b_print);
  add_function(d, "input", b_input);
  add_function(d, "len", b_len);
  add_function(d, "abs", b_abs);
  add_function(d, "round", b_round);
  add_function(d, "divmod", b_divmod);
  add_function(d, "pow", b_pow);
  add_function(d, "sum", b_sum);
  add_function(d, "min", b_min);
  add_function(d, "max", b_max);
  add_function(d, "any", b_any);
  add_function(d, "all", b_all);
  add_function(d, "sorted", b_sorted);
  add_function(d, "iter", b_iter);
  add_function(d, "next", b_next);
  init_builtins_more(d);
  init_builtin_iters(d);
  sys_module();
  register_builtin_module("sys", sys_module);
}

}  // namespace rt
