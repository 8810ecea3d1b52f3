// Traceback entries and the printer of uncaught exceptions, in CPython 3.11's format: chained
// exceptions, "Traceback (most recent call last):", one File/line/name entry per frame with its
// source line and the ^^^^ (or ~~~^^^) markers under the expression that raised, runs of
// identical entries folded into "[Previous line repeated N more times]", and SyntaxError's
// file/line/text/caret display.
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "runtime/utf8.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/suggestions.h"

namespace vm {

using rt::Str;
using rt::Value;

rt::Type traceback_type;

// Frees the chain iteratively: a deep recursion's traceback must not recurse in C.
static void traceback_dealloc(rt::Object* o) {
  rt::Traceback* tb = static_cast<rt::Traceback*>(o);
  while (tb) {
    rt::Traceback* next = tb->next;
    if (tb->code) rt::decref(tb->code);
    rt::free_bytes(tb);
    if (next && rt::is_unique(next)) {
      tb = next;
      continue;
    }
    if (next) rt::decref(next);
    break;
  }
}

static Value traceback_getattr(Value self, Str* name) {
  rt::Traceback* tb = self.as<rt::Traceback>();
  std::string_view n = name->view();
  if (n == "tb_lineno") return Value::from_int(tb->line);
  if (n == "tb_next") {
    if (!tb->next) return rt::None();
    rt::incref(tb->next);
    return Value::from_obj(tb->next);
  }
  return rt::generic_getattr(self, name);
}

void init_traceback_type() {
  traceback_type.dealloc = traceback_dealloc;
  traceback_type.getattr = traceback_getattr;
}

void add_traceback(Value exc, Code* code, uint32_t lasti) {
  if (!rt::exception_check(exc)) return;
  bool known = lasti < code->lines.size();
  int line = known ? int(code->lines[lasti]) : code->firstlineno;
  rt::BaseException* e = exc.as<rt::BaseException>();
  rt::Traceback* tb = rt::alloc_object<rt::Traceback>(&traceback_type);
  tb->next = e->traceback;  // the reference moves to the new entry
  rt::incref(code);
  tb->code = code;
  tb->line = line;
  tb->lasti = known ? int(lasti) : -1;
  e->traceback = tb;
}

void set_exception_context(ThreadState* ts, Value exc) {
  Value handled = ts->handled_exc;
  if (handled.is_null() || handled == exc || !rt::exception_check(exc) || !rt::exception_check(handled))
    return;
  // Break a cycle through the context chain (Floyd's algorithm guards pre-existing ones).
  rt::BaseException* o = handled.as<rt::BaseException>();
  rt::BaseException* slow = o;
  bool toggle = false;
  while (o->context.is_obj()) {
    Value ctx = o->context;
    if (ctx == exc) {
      o->context = Value::null();
      rt::decref(ctx);
      break;
    }
    o = ctx.as<rt::BaseException>();
    if (o == slow) break;
    if (toggle) slow = slow->context.as<rt::BaseException>();
    toggle = !toggle;
  }
  rt::BaseException* e = exc.as<rt::BaseException>();
  rt::incref(handled);
  rt::decref(e->context);
  e->context = handled;
}

namespace {

// Source files read for tracebacks, by name (read once).
std::map<std::string, std::vector<std::string>>& source_cache() {
  static std::map<std::string, std::vector<std::string>> cache;
  return cache;
}

// Line [lineno] of [filename] as in the file, without its line ending; empty if unavailable.
std::string source_line(const std::string& filename, int lineno) {
  auto& cache = source_cache();
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::vector<std::string> lines;
    if (!filename.empty() && filename[0] != '<') {
      std::ifstream in(filename, std::ios::binary);
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
      }
    }
    it = cache.emplace(filename, std::move(lines)).first;
  }
  if (lineno < 1 || size_t(lineno) > it->second.size()) return "";
  return it->second[lineno - 1];
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Code points in the first [bytes] bytes of the UTF-8 text [s] (CPython's
// _PyPegen_byte_offset_to_character_offset).
int64_t char_offset(std::string_view s, int64_t bytes) {
  if (bytes > int64_t(s.size())) bytes = int64_t(s.size());
  return bytes <= 0 ? 0 : int64_t(rt::utf8::length(s.substr(0, size_t(bytes))));
}

// The [first, last) code points of [s], as a byte range of it.
std::string_view char_slice(std::string_view s, int64_t first, int64_t last) {
  size_t b = 0, e = s.size();
  int64_t n = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (n == first) b = i;
    if (n == last) {
      e = i;
      break;
    }
    ++n;
  }
  return s.substr(b, e >= b ? e - b : 0);
}

// CPython 3.11's extract_anchors_from_line: when [segment] (the source of the expression that
// raised) parses as a binary operation or a subscript, the byte range of its operator or of
// its brackets, to underline with ^ inside ~. False otherwise.
bool anchors(std::string_view segment, int64_t* left, int64_t* right) {
  compiler::ast::Module m;
  try {
    m = compiler::parse(segment, "<traceback>");
  } catch (rt::PyError&) {
    return false;
  }
  if (m.body.size() != 1 || m.body[0]->kind != compiler::ast::StmtKind::Expr) return false;
  compiler::ast::Expr* e = m.body[0]->as<compiler::ast::ExprStmt>()->value.get();
  const int64_t len = int64_t(segment.size());
  if (e->kind == compiler::ast::ExprKind::BinOp) {
    auto* b = e->as<compiler::ast::BinOp>();
    int64_t stop = b->right->loc.col;
    for (int64_t i = b->left->loc.end_col; i < stop && i < len; ++i) {
      if (is_blank(segment[i])) continue;
      *left = i;
      *right = i + 1;
      if (i + 1 < stop && !is_blank(segment[i + 1])) ++*right;  // a two-character operator
      if (i + 1 < stop && segment[i] == ')') continue;
      return true;
    }
    return false;
  }
  if (e->kind == compiler::ast::ExprKind::Subscript) {
    auto* sub = e->as<compiler::ast::Subscript>();
    int64_t l = sub->value->loc.end_col, r = sub->slice->loc.end_col + 1;
    while (l < len && segment[l] != '[') ++l;
    while (r < len && segment[r] != ']') ++r;
    if (r < len) ++r;
    *left = l;
    *right = r;
    return true;
  }
  return false;
}

// The marker line under [line] for the instruction [lasti] of [code] (CPython 3.11's
// tb_displayline), or "" when CPython prints none: no column information, or markers that
// would underline the whole line.
std::string markers(Code* code, int lasti, int lineno, const std::string& line) {
  if (lasti < 0 || size_t(lasti) >= code->spans.size()) return "";
  const SourceSpan& span = code->spans[lasti];
  if (span.col < 0 || span.end_col < 0 || int(span.end_line) < lineno) return "";
  int64_t indent = 0;
  while (indent < int64_t(line.size()) && is_blank(line[indent])) ++indent;
  int64_t start = char_offset(line, span.col), end = char_offset(line, span.end_col);
  int64_t left = -1, right = -1;
  bool special = false;
  if (int(span.end_line) == lineno) {
    std::string_view segment = char_slice(line, start, end);
    int64_t l, r;
    if (anchors(segment, &l, &r)) {
      special = true;
      left = char_offset(segment, l) + start;
      right = char_offset(segment, r) + start;
    }
  } else {
    int64_t i = int64_t(line.size());
    while (--i >= 0 && is_blank(line[i])) {
    }
    end = i + 1;
  }
  int64_t total = char_offset(line, int64_t(line.size()));
  if (end - start == total - indent && !special) return "";
  std::string out;
  for (int64_t offset = indent - 4; ++offset <= end;) {
    if (offset <= start) out += ' ';
    else if (special && left < offset && offset <= right) out += '^';
    else out += special ? '~' : '^';
  }
  return out + "\n";
}

std::string str_of(Value v) {
  if (v.is_null()) return "None";
  if (rt::str_check(v)) return std::string(v.as<Str>()->view());
  try {
    return rt::str_string(v);
  } catch (rt::PyError&) {
    return "<exception str() failed>";
  }
}

struct Printer {
  std::string out;
  std::set<const rt::Object*> seen;

  void entry(Code* code, int line, int lasti) {
    std::string file(code->filename->view());
    out += fmt::format("  File \"{}\", line {}, in {}\n", file, line, code->name->view());
    std::string src = interp.finalizing ? std::string() : source_line(file, line);
    size_t b = 0;
    while (b < src.size() && is_blank(src[b])) ++b;
    if (b == src.size()) return;
    out += "    " + src.substr(b) + "\n";
    out += markers(code, lasti, line, src);
  }

  void traceback(rt::Traceback* tb) {
    constexpr int kCutoff = 3;
    constexpr size_t kLimit = 1000;
    size_t depth = 0;
    for (rt::Traceback* t = tb; t; t = t->next) ++depth;
    while (depth > kLimit) {
      tb = tb->next;
      --depth;
    }
    out += "Traceback (most recent call last):\n";
    const Code* last_code = nullptr;
    int last_line = -1;
    long cnt = 0;
    for (rt::Traceback* t = tb; t; t = t->next) {
      Code* code = static_cast<Code*>(t->code);
      bool same = last_code && last_line == t->line &&
                  rt::str_equal(last_code->filename, code->filename) && rt::str_equal(last_code->name, code->name);
      if (!same) {
        repeated(cnt - kCutoff);
        last_code = code;
        last_line = t->line;
        cnt = 0;
      }
      if (++cnt <= kCutoff) entry(code, t->line, t->lasti);
    }
    repeated(cnt - kCutoff);
  }

  void repeated(long n) {
    if (n > 0) out += fmt::format("  [Previous line repeated {} more time{}]\n", n, n > 1 ? "s" : "");
  }

  // The qualified type name: "ValueError", or "mod.Error" for types outside builtins/__main__.
  std::string type_name(rt::Type* t) {
    if (!(t->flags & rt::kTypeHeapType))
      return t->module != nullptr ? std::string(t->module) + "." + t->name : std::string(t->name);
    std::string name = t->name;
    try {
      rt::Ref q = rt::Ref::steal(rt::getattr_opt(Value::from_obj(t), rt::str_intern("__qualname__")));
      if (q && rt::str_check(q.get())) name = std::string(q.as<Str>()->view());
      rt::Ref m = rt::Ref::steal(rt::getattr_opt(Value::from_obj(t), rt::str_intern("__module__")));
      if (m && rt::str_check(m.get())) {
        std::string mod(m.as<Str>()->view());
        if (mod != "builtins" && mod != "__main__") name = mod + "." + name;
      }
    } catch (rt::PyError&) {
    }
    return name;
  }

  Value attr(rt::BaseException* e, const char* name) {
    if (!e->dict) return Value::null();
    return rt::dict_get_str(e->dict, rt::str_intern(name));
  }

  // SyntaxError: '  File "x.py", line N', the text, and the caret line.
  void syntax_error(rt::BaseException* e) {
    Value filename = attr(e, "filename"), lineno = attr(e, "lineno");
    std::string file = filename.is_null() || filename == rt::None() ? "<string>" : str_of(filename);
    out += fmt::format("  File \"{}\", line {}\n", file, lineno.is_null() ? "None" : str_of(lineno));
    Value text = attr(e, "text");
    if (text.is_null() || !rt::str_check(text)) return;
    int64_t offset = 0, end_offset = 0;
    Value off = attr(e, "offset"), end = attr(e, "end_offset");
    if (!off.is_null() && off.is_int()) offset = off.as_int();
    if (!end.is_null() && end.is_int()) end_offset = end.as_int();
    // CPython shows one caret for an IndentationError, whatever its end_offset.
    if (rt::is_subtype(rt::type_of(Value::from_obj(e)), &rt::exc_IndentationError)) end_offset = 0;
    error_text(std::string(text.as<Str>()->view()), offset, end_offset);
  }

  // CPython's print_error_text: strips the indentation and places the caret(s).
  void error_text(const std::string& full, int64_t offset, int64_t end_offset) {
    int64_t carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char* text = full.c_str();
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
      ++text;
      --offset;
    }
    int64_t len = static_cast<int64_t>(strlen(text));
    if (len > 0 && text[len - 1] == '\n') --len;
    if (offset > len) offset = len;
    for (;;) {
      const char* nl = strchr(text, '\n');
      if (!nl) break;
      int64_t inl = nl - text;
      if (inl >= offset) break;
      inl += 1;
      text += inl;
      len -= inl;
      offset -= inl;
    }
    out += "    ";
    out += text;
    if (text[len] != '\n') out += "\n";
    if (offset < 0) return;
    out += "    ";
    out += std::string(offset, ' ');
    out += std::string(carets, '^');
    out += "\n";
  }

  void one(Value exc) {
    if (!rt::exception_check(exc)) {
      out += fmt::format("TypeError: print_exception(): Exception expected for value, {} found\n",
                         rt::type_name(exc));
      return;
    }
    rt::BaseException* e = exc.as<rt::BaseException>();
    if (e->traceback) traceback(e->traceback);
    rt::Type* t = rt::type_of(exc);
    if (rt::is_subtype(t, &rt::exc_SyntaxError)) {
      syntax_error(e);
      Value msg = attr(e, "msg");
      std::string m = msg.is_null() ? str_of(exc) : str_of(msg);
      out += type_name(t) + (m.empty() ? "" : ": " + m) + "\n";
      return;
    }
    std::string m = str_of(exc);
    out += type_name(t) + (m.empty() ? "" : ": " + m) + suggestion_suffix(exc) + "\n";
  }

  // Prints the cause or context first (each exception once), then [exc].
  void chain(Value exc) {
    if (!rt::exception_check(exc)) {
      one(exc);
      return;
    }
    seen.insert(exc.as_obj());
    rt::BaseException* e = exc.as<rt::BaseException>();
    if (e->cause.is_obj() && e->cause != rt::None()) {
      if (!seen.count(e->cause.as_obj())) {
        chain(e->cause);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
      }
    } else if (e->context.is_obj() && e->context != rt::None() && !e->suppress_context) {
      if (!seen.count(e->context.as_obj())) {
        chain(e->context);
        out += "\nDuring handling of the above exception, another exception occurred:\n\n";
      }
    }
    one(exc);
  }
};

// Writes a report to stderr after what is buffered for stdout; straight to the C stream if
// sys.stderr fails.
void write_report(const std::string& out) {
  try {
    rt::io_flush_all();
    rt::io_write(rt::io_stderr(), out);
    rt::io_flush_all();
  } catch (rt::PyError&) {
    fwrite(out.data(), 1, out.size(), stderr);
  }
}

}  // namespace

void print_exception(Value exc) {
  Printer p;
  p.chain(exc);
  write_report(p.out);
}

void print_unraisable(Value exc, std::string_view where) {
  Printer p;
  p.out = "Exception ignored in: " + std::string(where) + "\n";
  p.one(exc);
  write_report(p.out);
}

}  // namespace vm
