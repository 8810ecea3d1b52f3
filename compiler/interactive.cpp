// Incomplete-input detection for the REPL (CPython's codeop): decides whether the lines typed
// so far form a statement that can run, or whether the prompt must ask for more with "... ".
#include <string>
#include <string_view>
#include <vector>

#include "compiler/compile.h"
#include "compiler/lexer.h"
#include "compiler/parser.h"
#include "runtime/error.h"
#include "runtime/ops.h"

namespace compiler {

namespace {

// True if the tokenizer error [exc] means the input stopped in the middle of a token: a
// triple-quoted string or a backslash continuation.
bool lexer_error_at_eof(rt::Value exc) {
  rt::Ref msg = rt::Ref::steal(rt::getattr_opt(exc, rt::str_intern("msg")));
  if (!msg || !rt::str_check(msg.get())) return false;
  std::string m = rt::str_string(msg.get());
  return m.starts_with("unterminated triple-quoted string literal") || m == "unexpected EOF while parsing";
}

// True if the last line of [source] holds only whitespace (the empty line that ends a
// compound statement at the prompt).
bool last_line_blank(std::string_view source) {
  if (!source.empty() && source.back() == '\n') source.remove_suffix(1);
  size_t start = source.rfind('\n');
  std::string_view last = start == std::string_view::npos ? source : source.substr(start + 1);
  return last.find_first_not_of(" \t\f\r\v") == std::string_view::npos;
}

// True if the first token starts a compound statement, which the REPL closes only with an
// empty line (so that `else:` or more of the body may follow).
bool starts_compound(const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    if (t.kind == Tok::Newline) continue;
    if (t.kind == Tok::At) return true;
    if (t.kind != Tok::Name) return false;
    static const char* const compound[] = {"if", "while", "for", "try", "with", "def", "class", "async"};
    for (const char* k : compound)
      if (t.text == k) return true;
    return false;
  }
  return false;
}

}  // namespace

bool input_incomplete(std::string_view source) {
  try {
    Lexer lexer(source, "<stdin>");
    std::vector<Token> tokens;
    try {
      tokens = lexer.tokenize();
    } catch (rt::PyError& e) {
      rt::Ref exc = rt::Ref::steal(e.take());
      return lexer_error_at_eof(exc.get());
    }
    for (const Token& t : tokens)
      if (t.kind == Tok::ErrorEof) return true;
    if (last_line_blank(source)) return false;
    bool compound = starts_compound(tokens);
    Parser parser(lexer, std::move(tokens));
    try {
      parser.parse_interactive();
    } catch (rt::PyError& e) {
      rt::Ref exc = rt::Ref::steal(e.take());
      return parser.reached_end();
    }
    return compound;
  } catch (rt::PyError& e) {
    rt::Ref exc = rt::Ref::steal(e.take());
    return false;
  } catch (...) {
    return false;
  }
}

}  // namespace compiler
