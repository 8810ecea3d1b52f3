// String literals: prefixes, escape sequences, implicit concatenation and f-strings with
// Python 3.11's rules (replacement fields parsed by a nested Parser over "(expr)", as
// CPython's fstring_compile_expr does, conversions, nested format specs, the = form).
#include <fmt/format.h>

#include "compiler/parser.h"
#include "compiler/parser_util.h"
#include "runtime/error.h"
#include "runtime/utf8.h"

namespace compiler {

using namespace ast;

namespace {

struct StrInfo {
  bool raw = false, f = false, b = false, u = false;
  size_t body_start = 0;  // index of the body in the token text
  size_t body_len = 0;
};

StrInfo split_string(const std::string& text) {
  StrInfo s;
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    char c = text[i++];
    if (c == 'r' || c == 'R') s.raw = true;
    if (c == 'f' || c == 'F') s.f = true;
    if (c == 'b' || c == 'B') s.b = true;
    if (c == 'u' || c == 'U') s.u = true;
  }
  size_t q = 1;
  if (text.size() - i >= 6 && text[i + 1] == text[i] && text[i + 2] == text[i]) q = 3;
  s.body_start = i + q;
  s.body_len = text.size() - i - 2 * q;
  return s;
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool all_space(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') return false;
  return true;
}

}  // namespace

// Decodes the escape sequences of a literal's body [s] (nothing for raw strings).
std::string Parser::decode_string(const Token& t, std::string_view s, bool raw) {
  if (raw) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    char e = s[++i];
    auto codec_error = [&](size_t end, const char* what) {
      error_last(fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                             start, end, what));
    };
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = e - '0';
        for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; k++) v = v * 8 + (s[++i] - '0');
        rt::utf8::append_cp(out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int k = 0; k < n; k++) {
          if (i + 1 >= s.size() || hexval(s[i + 1]) < 0) {
            codec_error(i, e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                          : "truncated \\UXXXXXXXX escape");
          }
          v = v * 16 + hexval(s[++i]);
        }
        if (v > 0x10FFFF) codec_error(i, "illegal Unicode character");
        rt::utf8::append_cp(out, v);
        break;
      }
      case 'N': {
        size_t end = s.find('}', i);
        codec_error(end == std::string_view::npos ? i : end, "unknown Unicode character name");
        break;
      }
      default:
        out += '\\';
        out += e;
        break;
    }
  }
  return out;
}

// Adjacent string literals: one Constant, or a JoinedStr if any of them is an f-string.
ExprP Parser::strings() {
  size_t first = pos_;
  while (at(Tok::String)) advance();
  size_t last = pos_ - 1;
  peek();  // CPython reads the token after the strings before reporting f-string errors
  Loc whole = loc_of(tokens_[first], tokens_[last]);
  bool any_f = false, any_b = false, all_b = true;
  for (size_t k = first; k <= last; k++) {
    StrInfo si = split_string(tokens_[k].text);
    any_f |= si.f;
    any_b |= si.b;
    all_b &= si.b;
  }
  if (any_b) {
    if (!all_b) error_range(whole, whole, "cannot mix bytes and nonbytes literals");
    error_range(whole, whole, "bytes literals are not supported");
  }
  if (!any_f) {
    std::string value;
    for (size_t k = first; k <= last; k++) {
      const Token& t = tokens_[k];
      StrInfo si = split_string(t.text);
      value += decode_string(t, std::string_view(t.text).substr(si.body_start, si.body_len), si.raw);
    }
    auto c = std::make_unique<Constant>();
    c->loc = whole;
    c->value = rt::Ref::steal(rt::str_value(value));
    c->kind_u = split_string(tokens_[first].text).u;
    return c;
  }
  auto j = std::make_unique<JoinedStr>();
  j->loc = whole;
  std::string lit;
  for (size_t k = first; k <= last; k++) {
    const Token& t = tokens_[k];
    StrInfo si = split_string(t.text);
    std::string_view body = std::string_view(t.text).substr(si.body_start, si.body_len);
    if (!si.f) {
      lit += decode_string(t, body, si.raw);
      continue;
    }
    size_t i = 0;
    fstring_parts(t, body, si.raw, int(si.body_start), 0, j->values, lit, i, whole);
  }
  if (!lit.empty()) {
    auto c = std::make_unique<Constant>();
    c->loc = whole;
    c->value = rt::Ref::steal(rt::str_value(lit));
    j->values.push_back(std::move(c));
  }
  return j;
}

// Scans f-string [body] from [i]: literal text accumulates in [lit]; each replacement field
// flushes it as a Constant into [out] and appends its FormattedValue. Inside a format spec
// ([recurse] > 0) a single '}' ends the scan.
void Parser::fstring_parts(const Token& t, std::string_view body, bool raw, int body_offset, int recurse,
                           std::vector<ExprP>& out, std::string& lit, size_t& i, const Loc& whole) {
  std::string chunk;
  auto flush_chunk = [&]() {
    lit += decode_string(t, chunk, raw);
    chunk.clear();
  };
  while (i < body.size()) {
    char c = body[i];
    if (!raw && c == '\\' && i + 1 < body.size()) {
      chunk += c;
      chunk += body[i + 1];
      if (body[i + 1] == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
        size_t end = body.find('}', i);
        if (end != std::string_view::npos) {
          chunk.append(body.substr(i + 2, end - i - 1));
          i = end + 1;
          continue;
        }
      }
      i += 2;
      continue;
    }
    if (c == '{' || c == '}') {
      if (recurse == 0 && i + 1 < body.size() && body[i + 1] == c) {
        chunk += c;
        i += 2;
        continue;
      }
      if (c == '}') {
        if (recurse == 0) error_last("f-string: single '}' is not allowed");
        break;
      }
      flush_chunk();
      ExprP fv = fstring_field(t, body, raw, body_offset, recurse, i, whole);
      if (fv->kind == ExprKind::JoinedStr) {
        // The = form: its text joins the pending literal.
        auto* j = fv->as<JoinedStr>();
        lit += rt::as_str(j->values[0]->as<Constant>()->value.get())->view();
        ExprP inner = std::move(j->values[1]);
        fv = std::move(inner);
      }
      if (!lit.empty()) {
        auto k = std::make_unique<Constant>();
        k->loc = whole;
        k->value = rt::Ref::steal(rt::str_value(lit));
        out.push_back(std::move(k));
        lit.clear();
      }
      out.push_back(std::move(fv));
      continue;
    }
    chunk += c;
    i++;
  }
  flush_chunk();
}

// One replacement field starting at the '{' at [i] (CPython's fstring_find_expr); leaves
// the = form's text in the pending literal of the caller through [lit] handling below.
ExprP Parser::fstring_field(const Token& t, std::string_view body, bool raw, int body_offset, int recurse,
                            size_t& i, const Loc& whole) {
  if (recurse >= 2) error_last("f-string: expressions nested too deeply");
  size_t brace = i;
  size_t expr_start = ++i;
  char quote = 0;
  int quote_size = 0;
  std::vector<char> parens;
  for (; i < body.size(); i++) {
    char ch = body[i];
    if (ch == '\\') error_last("f-string expression part cannot include a backslash");
    if (quote) {
      if (ch == quote) {
        if (quote_size == 3) {
          if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
            i += 2;
            quote = 0;
          }
        } else {
          quote = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (i + 2 < body.size() && body[i + 1] == ch && body[i + 2] == ch) {
        quote_size = 3;
        i += 2;
      } else {
        quote_size = 1;
      }
      quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (parens.size() >= 200) error_last("f-string: too many nested parenthesis");
      parens.push_back(ch);
    } else if (ch == '#') {
      error_last("f-string expression part cannot include '#'");
    } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (i + 1 < body.size()) {
        char next = body[i + 1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          i++;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (parens.empty()) error_last(fmt::format("f-string: unmatched '{}'", ch));
      char open = parens.back();
      parens.pop_back();
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
        error_last(fmt::format("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", ch, open));
    }
  }
  if (quote) error_last("f-string: unterminated string");
  if (!parens.empty()) error_last(fmt::format("f-string: unmatched '{}'", parens.back()));
  if (i >= body.size()) error_last("f-string: expecting '}'");
  std::string_view expr = body.substr(expr_start, i - expr_start);
  if (all_space(expr)) error_last("f-string: empty expression not allowed");
  ExprP value = parse_fstring_expr(t, expr, body_offset + int(brace));

  auto fv = std::make_unique<FormattedValue>();
  fv->loc = whole;
  std::string debug_text;
  bool debug = false;
  if (body[i] == '=') {
    i++;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\f' || body[i] == '\r'))
      i++;
    if (i >= body.size()) error_last("f-string: expecting '}'");
    debug = true;
    debug_text = std::string(body.substr(expr_start, i - expr_start));
  }
  if (body[i] == '!') {
    i++;
    if (i >= body.size()) error_last("f-string: expecting '}'");
    char conv = body[i++];
    if (conv != 's' && conv != 'r' && conv != 'a')
      error_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    fv->conversion = conv;
  }
  if (i < body.size() && body[i] == ':') {
    i++;
    if (i >= body.size()) error_last("f-string: expecting '}'");
    auto spec = std::make_unique<JoinedStr>();
    spec->loc = whole;
    std::string spec_lit;
    fstring_parts(t, body, raw, body_offset, recurse + 1, spec->values, spec_lit, i, whole);
    if (!spec_lit.empty()) {
      auto k = std::make_unique<Constant>();
      k->loc = whole;
      k->value = rt::Ref::steal(rt::str_value(spec_lit));
      spec->values.push_back(std::move(k));
    }
    fv->format_spec = std::move(spec);
  }
  if (i >= body.size() || body[i] != '}') error_last("f-string: expecting '}'");
  i++;
  if (debug && !fv->format_spec && fv->conversion == -1) fv->conversion = 'r';
  fv->value = std::move(value);
  if (debug) {
    // The = form: the expression's text comes first, as a literal (merged by the caller).
    auto j = std::make_unique<JoinedStr>();
    auto k = std::make_unique<Constant>();
    k->loc = whole;
    k->value = rt::Ref::steal(rt::str_value(debug_text));
    j->values.push_back(std::move(k));
    j->values.push_back(std::move(fv));
    j->loc = whole;
    return j;
  }
  return fv;
}

// Parses replacement-field text [expr] as "(expr)" with a nested parser; nodes are moved to
// their place in the file (the '{' at byte [brace_offset] of token [t]).
ExprP Parser::parse_fstring_expr(const Token& t, std::string_view expr, int brace_offset) {
  std::string src = "(" + std::string(expr) + ")";
  Lexer sub(src, lexer_.filename());
  std::vector<Token> toks = sub.tokenize();
  Parser p(sub, std::move(toks));
  p.msg_prefix_ = "f-string: ";
  p.in_fstring_ = true;
  p.depth_ = depth_;
  // CPython's fstring_find_expr_location.
  std::string_view text(t.text);
  int lines = 0;
  size_t last_nl = std::string_view::npos;
  for (int k = 0; k < brace_offset; k++) {
    if (text[k] == '\n') {
      lines++;
      last_nl = k;
    }
  }
  bool newline_after_brace = true;
  for (size_t k = brace_offset + 1; k < text.size() && text[k] != '}' && text[k] != '\n'; k++) {
    if (text[k] != ' ' && text[k] != '\t' && text[k] != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  int cols = 0;
  if (!newline_after_brace) cols = last_nl == std::string_view::npos ? brace_offset : brace_offset - int(last_nl) - 1;
  p.line_shift_ = t.line + line_shift_ + lines - 1;
  p.col_shift_ = (lines == 0 ? t.col + (t.line == 1 ? col_shift_ : 0) : 0) + cols;
  ExprP e = p.star_expressions();
  if (!p.at(Tok::Newline)) p.fail();
  return e;
}

}  // namespace compiler
