// The tokenizer: UTF-8 source text -> the token stream of Python 3.11 (NEWLINE, INDENT,
// DEDENT, NAME, NUMBER, STRING, operators). It mirrors CPython's Parser/tokenizer.c so that
// tokenizer errors carry CPython's messages and positions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/token.h"
#include "runtime/object.h"

namespace compiler {

class Lexer {
 public:
  // [fstring_expr]: the text of an f-string replacement field, tokenized as if inside
  // brackets (no NEWLINE/INDENT tokens) and ending with ENDMARKER.
  Lexer(std::string_view source, std::string_view filename, bool fstring_expr = false);

  // Tokenizes the whole source. Raises SyntaxError/IndentationError/TabError on errors
  // found by the tokenizer. Input ending inside brackets ends with an ErrorEof token.
  std::vector<Token> tokenize();
  // As tokenize(), but a tokenizer error ends the tokens with a LexError token and is kept
  // for the parser to raise (raise_pending_error), as CPython's parser meets a tokenizer error
  // only when it reads that far.
  std::vector<Token> tokenize_to_error();
  bool has_pending_error() const { return !pending_error_.is_null(); }
  [[noreturn]] void raise_pending_error() const;
  ~Lexer();
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  // The text of 1-based line [n] including its '\n' ("" past the end).
  std::string_view line_text(int n) const;
  const std::string& filename() const { return filename_; }
  int line_count() const { return int(line_starts_.size()); }

  // The innermost bracket still open at the end of input (valid after tokenize()).
  struct OpenBracket {
    char ch = 0;
    int line = 0, col = 0;
  };
  const std::vector<OpenBracket>& open_brackets() const { return parens_; }

  // Raises [type] with [msg] at 1-based [line] and 1-based character [offset] (CPython's
  // SyntaxError.offset), [end_offset] stored as given.
  [[noreturn]] void error_at(rt::Type* type, const std::string& msg, int line, int offset,
                             int end_line, int end_offset) const;

 private:
  int nextc();
  void backup(int c);
  // CPython's syntaxerror(): the error at the current position (offset = characters
  // before the cursor on the current line).
  [[noreturn]] void syntax_error(const std::string& msg);
  [[noreturn]] void syntax_error_range(const std::string& msg, int col_offset, int end_col_offset);
  [[noreturn]] void indent_error();
  int chars_before_cursor() const;
  bool next_token(Token& t);
  int decimal_tail();
  void verify_end_of_number(int c, const char* kind);
  bool lookahead(const char* rest);
  void read_string(int quote, Token& t, size_t start, int start_line, size_t start_line_begin);
  void verify_identifier(size_t start);
  void push_token(Tok kind, size_t start, Token& t);

  std::string src_;
  std::string filename_;
  std::vector<size_t> line_starts_;
  bool fstring_expr_;

  size_t cur_ = 0;
  size_t line_start_ = 0;
  size_t next_line_start_ = 0;
  int lineno_ = 1;
  bool atbol_ = true;
  int pendin_ = 0;
  bool done_ = false;
  std::vector<int> indstack_{0}, altindstack_{0};
  std::vector<OpenBracket> parens_;
  rt::Value pending_error_ = rt::Value::null();  // owned
};

}  // namespace compiler
