// The tokenizer, a transcription of CPython 3.11's Parser/tokenizer.c tok_get(): the same
// state machine (indentation stacks, bracket stack, number and string scanning), so errors
// come out with CPython's messages and offsets.
#include "compiler/lexer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "compiler/compile.h"
#include "runtime/error.h"
#include "runtime/utf8.h"

namespace compiler {

namespace {

constexpr int kEOF = -1;
constexpr int kTabSize = 8;
constexpr int kAltTabSize = 1;
constexpr int kMaxIndent = 100;
constexpr int kMaxLevel = 200;

const char* const kKeywords[] = {
    "False", "None",   "True",    "and",      "as",       "assert", "async", "await",
    "break", "class",  "continue", "def",     "del",      "elif",   "else",  "except",
    "finally", "for",  "from",    "global",   "if",       "import", "in",    "is",
    "lambda", "nonlocal", "not",  "or",       "pass",     "raise",  "return", "try",
    "while", "with",   "yield"};

bool is_ident_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128; }
bool is_ident_char(int c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Decodes the UTF-8 code point at [s][i], storing its byte length in [*len].
uint32_t decode_utf8(std::string_view s, size_t i, int* len) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < n; k++) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// An approximation of Unicode's printable property (not Cc, Cf, Z*, Co, Cs) for the
// characters a program is likely to hold.
bool is_printable(uint32_t c) {
  if (c < 0x20 || c == 0x7F) return false;
  if (c < 0x7F) return true;
  if (c <= 0xA0 || c == 0xAD || c == 0x1680 || c == 0x3000 || c == 0xFEFF) return false;
  if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F)) return false;
  if ((c >= 0xD800 && c <= 0xF8FF) || (c >= 0xFFF9 && c <= 0xFFFB) || c >= 0xF0000) return false;
  return true;
}

// An approximation of XID_Continue outside ASCII: letters, marks and digits of the common
// scripts, without the punctuation, symbol, currency, arrow, box-drawing and emoji blocks.
bool is_xid_continue(uint32_t c) {
  if (c < 0x80) return is_ident_char(int(c));
  if (!is_printable(c)) return false;
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB7;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return c == 0x203F || c == 0x2040 || c == 0x2054;
  if (c >= 0x20A0 && c <= 0x20CF) return false;
  if (c >= 0x2190 && c <= 0x2BFF) return false;
  if ((c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020)) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if ((c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF5B && c <= 0xFF65)) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return c == 0xFF3F;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;
  if (c == 0x037E || c == 0x0387 || (c >= 0x2E00 && c <= 0x2E7F)) return false;
  return true;
}

// XID_Start: XID_Continue without the combining marks and digits.
bool is_xid_start(uint32_t c) {
  if (c < 0x80) return is_ident_start(int(c));
  if (c == 0xB7 || (c >= 0x0300 && c <= 0x036F) || c == 0x203F || c == 0x2040 || c == 0x2054) return false;
  if (c >= 0x0660 && c <= 0x0669) return false;
  return is_xid_continue(c);
}

// The token kinds of one-, two- and three-character operators (CPython's PyToken_*Chars).
Tok one_char(int c) {
  switch (c) {
    case '(': return Tok::LPar;
    case ')': return Tok::RPar;
    case '[': return Tok::LSqb;
    case ']': return Tok::RSqb;
    case ':': return Tok::Colon;
    case ',': return Tok::Comma;
    case ';': return Tok::Semi;
    case '+': return Tok::Plus;
    case '-': return Tok::Minus;
    case '*': return Tok::Star;
    case '/': return Tok::Slash;
    case '|': return Tok::VBar;
    case '&': return Tok::Amper;
    case '<': return Tok::Less;
    case '>': return Tok::Greater;
    case '=': return Tok::Equal;
    case '.': return Tok::Dot;
    case '%': return Tok::Percent;
    case '{': return Tok::LBrace;
    case '}': return Tok::RBrace;
    case '~': return Tok::Tilde;
    case '^': return Tok::Circumflex;
    case '@': return Tok::At;
    default: return Tok::Unknown;
  }
}

Tok two_chars(int c1, int c2) {
  switch (c1) {
    case '!': if (c2 == '=') return Tok::NotEqual; break;
    case '%': if (c2 == '=') return Tok::PercentEqual; break;
    case '&': if (c2 == '=') return Tok::AmperEqual; break;
    case '*': if (c2 == '*') return Tok::DoubleStar; if (c2 == '=') return Tok::StarEqual; break;
    case '+': if (c2 == '=') return Tok::PlusEqual; break;
    case '-': if (c2 == '=') return Tok::MinEqual; if (c2 == '>') return Tok::RArrow; break;
    case '/': if (c2 == '/') return Tok::DoubleSlash; if (c2 == '=') return Tok::SlashEqual; break;
    case ':': if (c2 == '=') return Tok::ColonEqual; break;
    case '<': if (c2 == '<') return Tok::LeftShift; if (c2 == '=') return Tok::LessEqual;
      if (c2 == '>') return Tok::NotEqual;
      break;
    case '=': if (c2 == '=') return Tok::EqEqual; break;
    case '>': if (c2 == '=') return Tok::GreaterEqual; if (c2 == '>') return Tok::RightShift; break;
    case '@': if (c2 == '=') return Tok::AtEqual; break;
    case '^': if (c2 == '=') return Tok::CircumflexEqual; break;
    case '|': if (c2 == '=') return Tok::VBarEqual; break;
  }
  return Tok::Unknown;
}

Tok three_chars(int c1, int c2, int c3) {
  if (c3 != '=') {
    if (c1 == '.' && c2 == '.' && c3 == '.') return Tok::Ellipsis;
    return Tok::Unknown;
  }
  if (c1 == '*' && c2 == '*') return Tok::DoubleStarEqual;
  if (c1 == '/' && c2 == '/') return Tok::DoubleSlashEqual;
  if (c1 == '<' && c2 == '<') return Tok::LeftShiftEqual;
  if (c1 == '>' && c2 == '>') return Tok::RightShiftEqual;
  return Tok::Unknown;
}

}  // namespace

const char* tok_name(Tok t) {
  static const char* const names[] = {
      "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN", "OP",
      "ERRORTOKEN", "(", ")", "[", "]", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">", "=",
      ".", "%", "{", "}", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=",
      "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->", "...", ":="};
  static_assert(sizeof(names) / sizeof(names[0]) == static_cast<size_t>(Tok::ColonEqual) + 1);
  return names[static_cast<int>(t)];
}

bool is_keyword(const std::string& s) {
  for (const char* k : kKeywords)
    if (s == k) return true;
  return false;
}

Lexer::Lexer(std::string_view source, std::string_view filename, bool fstring_expr)
    : filename_(filename), fstring_expr_(fstring_expr) {
  // Universal newlines, a skipped BOM and a guaranteed final newline, as CPython reads files.
  size_t i = 0;
  if (source.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  src_.reserve(source.size() + 1);
  for (; i < source.size(); i++) {
    char c = source[i];
    if (c == '\r') {
      src_ += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') i++;
    } else {
      src_ += c;
    }
  }
  if (!fstring_expr && (src_.empty() || src_.back() != '\n')) src_ += '\n';
  line_starts_.push_back(0);
  for (size_t k = 0; k < src_.size(); k++)
    if (src_[k] == '\n' && k + 1 < src_.size()) line_starts_.push_back(k + 1);
  next_line_start_ = line_starts_.size() > 1 ? line_starts_[1] : src_.size() + 1;
  if (fstring_expr) {
    atbol_ = false;
    parens_.push_back({'(', 1, 0});
  }
}

std::string_view Lexer::line_text(int n) const {
  if (n < 1 || n > int(line_starts_.size())) return {};
  size_t b = line_starts_[n - 1];
  size_t e = n < int(line_starts_.size()) ? line_starts_[n] : src_.size();
  return std::string_view(src_).substr(b, e - b);
}

// Reads the next byte, moving to the next line when crossing a line start.
int Lexer::nextc() {
  if (cur_ >= src_.size()) {
    done_ = true;
    return kEOF;
  }
  if (cur_ == next_line_start_) {
    lineno_++;
    line_start_ = cur_;
    size_t nl = src_.find('\n', cur_);
    next_line_start_ = nl == std::string::npos ? src_.size() + 1 : nl + 1;
  }
  return static_cast<unsigned char>(src_[cur_++]);
}

void Lexer::backup(int c) {
  if (c != kEOF) cur_--;
}

int Lexer::chars_before_cursor() const {
  size_t end = std::min(cur_, src_.size());
  return end > line_start_ ? int(rt::utf8::length(std::string_view(src_).substr(line_start_, end - line_start_))) : 0;
}

void Lexer::error_at(rt::Type* type, const std::string& msg, int line, int offset, int end_line,
                     int end_offset) const {
  raise_syntax_error_at(type, msg, filename_, line, offset, line_text(line), end_line, end_offset);
}

void Lexer::syntax_error(const std::string& msg) {
  int off = chars_before_cursor();
  error_at(&rt::exc_SyntaxError, msg, lineno_, off, lineno_, off);
}

// CPython's syntaxerror_known_range: 1-based byte columns of the current line.
void Lexer::syntax_error_range(const std::string& msg, int col_offset, int end_col_offset) {
  error_at(&rt::exc_SyntaxError, msg, lineno_, col_offset, lineno_, end_col_offset);
}

void Lexer::indent_error() {
  cur_ = line_start_;
  error_at(&rt::exc_TabError, "inconsistent use of tabs and spaces in indentation", lineno_, 1,
           lineno_, 0);
}

// Checks that [rest] follows the cursor (used after a number: "1if x else y" is allowed).
bool Lexer::lookahead(const char* rest) {
  return src_.compare(cur_, std::strlen(rest), rest) == 0 &&
         !is_ident_char(cur_ + std::strlen(rest) < src_.size()
                            ? static_cast<unsigned char>(src_[cur_ + std::strlen(rest)])
                            : ' ');
}

// CPython's verify_end_of_number: a number may not run into a name ("1abc"), except the
// keywords that can follow a number in valid code.
void Lexer::verify_end_of_number(int c, const char* kind) {
  bool r = false;
  if (c == 'a') r = lookahead("nd");
  else if (c == 'e') r = lookahead("lse");
  else if (c == 'f') r = lookahead("or");
  else if (c == 'o') r = lookahead("r");
  else if (c == 'n') r = lookahead("ot");
  else if (c == 'i') r = cur_ < src_.size() && (src_[cur_] == 'f' || src_[cur_] == 'n' || src_[cur_] == 's');
  if (r) return;
  if (is_ident_char(c)) {
    backup(c);
    syntax_error(fmt::format("invalid {} literal", kind));
  }
}

// Digits with single underscores between them; returns the first character after them.
int Lexer::decimal_tail() {
  int c;
  while (true) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      syntax_error("invalid decimal literal");
    }
  }
  return c;
}

// Checks a non-ASCII identifier starting at [start] and ending at the cursor.
void Lexer::verify_identifier(size_t start) {
  std::string_view s(src_);
  size_t i = start;
  bool first = true;
  while (i < cur_) {
    int len;
    uint32_t cp = decode_utf8(s, i, &len);
    bool ok = first ? is_xid_start(cp) : is_xid_continue(cp);
    if (!ok) {
      cur_ = i + len;
      if (is_printable(cp))
        syntax_error(fmt::format("invalid character '{}' (U+{:04X})", rt::utf8::encoded(cp), cp));
      syntax_error(fmt::format("invalid non-printable character U+{:04X}", cp));
    }
    first = false;
    i += len;
  }
}

// Reads the rest of a string literal whose opening [quote] was just read; [start] is the
// first byte of the token (its prefix).
void Lexer::read_string(int quote, Token& t, size_t start, int start_line, size_t start_line_begin) {
  int quote_size = 1, end_quote_size = 0;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) quote_size = 3;
    else end_quote_size = 1;
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEOF || (quote_size == 1 && c == '\n')) {
      int detected = lineno_;
      if (c == kEOF && quote_size == 3) detected = int(line_starts_.size());
      cur_ = start + 1;
      line_start_ = start_line_begin;
      lineno_ = start_line;
      if (quote_size == 3)
        syntax_error(fmt::format("unterminated triple-quoted string literal (detected at line {})", detected));
      syntax_error(fmt::format("unterminated string literal (detected at line {})", detected));
    }
    if (c == quote) {
      end_quote_size++;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();
    }
  }
  t.kind = Tok::String;
  t.text.assign(src_, start, cur_ - start);
  t.end_line = lineno_;
  t.end_col = int(cur_ - line_start_);
}

void Lexer::push_token(Tok kind, size_t start, Token& t) {
  t.kind = kind;
  t.text.assign(src_, start, cur_ - start);
  t.end_line = lineno_;
  t.end_col = int(cur_ - line_start_);
}

// Produces the next token into [t]; false at the end of input.
bool Lexer::next_token(Token& t) {
  int c;
  bool blankline;
nextline:
  blankline = false;
  if (atbol_) {
    int col = 0, altcol = 0, cont_line_col = 0;
    atbol_ = false;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        col++, altcol++;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = (altcol / kAltTabSize + 1) * kAltTabSize;
      } else if (c == '\014') {
        col = altcol = 0;
      } else if (c == '\\') {
        cont_line_col = cont_line_col ? cont_line_col : col;
        c = nextc();
        if (c != '\n') {
          int off = int(cur_ - line_start_);
          error_at(&rt::exc_SyntaxError, "unexpected character after line continuation character",
                   lineno_, off, lineno_, 0);
        }
        c = nextc();
        if (c == kEOF) {
          error_at(&rt::exc_SyntaxError, "unexpected EOF while parsing", lineno_,
                   chars_before_cursor() + 1, lineno_, -1);
        }
        backup(c);
      } else {
        break;
      }
    }
    backup(c);
    if (c == '#' || c == '\n') blankline = true;
    if (!blankline && parens_.empty()) {
      if (cont_line_col) col = altcol = cont_line_col;
      if (col == indstack_.back()) {
        if (altcol != altindstack_.back()) indent_error();
      } else if (col > indstack_.back()) {
        if (int(indstack_.size()) >= kMaxIndent) {
          cur_ = next_line_start_ <= src_.size() ? next_line_start_ : src_.size();
          error_at(&rt::exc_IndentationError, "too many levels of indentation", lineno_,
                   chars_before_cursor(), lineno_, -1);
        }
        if (altcol <= altindstack_.back()) indent_error();
        pendin_++;
        indstack_.push_back(col);
        altindstack_.push_back(altcol);
      } else {
        while (indstack_.size() > 1 && col < indstack_.back()) {
          pendin_--;
          indstack_.pop_back();
          altindstack_.pop_back();
        }
        if (col != indstack_.back()) {
          cur_ = next_line_start_ <= src_.size() ? next_line_start_ : src_.size();
          error_at(&rt::exc_IndentationError, "unindent does not match any outer indentation level",
                   lineno_, chars_before_cursor(), lineno_, -1);
        }
        if (altcol != altindstack_.back()) indent_error();
      }
    }
  }
  t.line = t.end_line = lineno_;
  t.col = t.end_col = int(cur_ - line_start_);
  t.level = int(parens_.size());
  t.text.clear();
  if (pendin_ != 0) {
    if (cur_ >= src_.size()) {
      t.line = t.end_line = int(line_starts_.size()) + 1;
      t.col = t.end_col = 0;
    }
    if (pendin_ < 0) {
      pendin_++;
      t.kind = Tok::Dedent;
    } else {
      pendin_--;
      t.kind = Tok::Indent;
    }
    return true;
  }

again:
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\014');
  size_t start = cur_ - (c == kEOF ? 0 : 1);
  t.line = lineno_;
  t.col = int(start - line_start_);
  if (c == '#') {
    while (c != kEOF && c != '\n') c = nextc();
  }
  if (c == kEOF) {
    t.line = t.end_line = int(line_starts_.size()) + (fstring_expr_ ? 0 : 1);
    t.col = t.end_col = fstring_expr_ ? int(cur_ - line_start_) : 0;
    if (!fstring_expr_ && !parens_.empty()) {
      t.kind = Tok::ErrorEof;
      return false;
    }
    t.kind = Tok::EndMarker;
    return false;
  }

  // Identifiers, keywords and string prefixes.
  if (is_ident_start(c)) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    while (true) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
      else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
      else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
      else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
      else break;
      c = nextc();
      if (c == '"' || c == '\'') {
        read_string(c, t, start, t.line, line_start_);
        return true;
      }
    }
    bool nonascii = false;
    while (is_ident_char(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii) verify_identifier(start);
    push_token(Tok::Name, start, t);
    return true;
  }

  if (c == '\n') {
    atbol_ = true;
    if (blankline || !parens_.empty()) goto nextline;
    t.kind = Tok::Newline;
    t.text = "";
    t.end_line = t.line;
    t.end_col = t.col;
    return true;
  }

  // A period or a number starting with a period.
  if (c == '.') {
    c = nextc();
    if (is_digit(c)) goto fraction;
    if (c == '.') {
      c = nextc();
      if (c == '.') {
        push_token(Tok::Ellipsis, start, t);
        return true;
      }
      backup(c);
      backup('.');
    } else {
      backup(c);
    }
    push_token(Tok::Dot, start, t);
    return true;
  }

  if (is_digit(c)) {
    if (c == '0') {
      c = nextc();
      if (c == 'x' || c == 'X') {
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (!is_xdigit(c)) {
            backup(c);
            syntax_error("invalid hexadecimal literal");
          }
          do {
            c = nextc();
          } while (is_xdigit(c));
        } while (c == '_');
        verify_end_of_number(c, "hexadecimal");
      } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
        bool octal = c == 'o' || c == 'O';
        const char* kind = octal ? "octal" : "binary";
        int limit = octal ? '8' : '2';
        c = nextc();
        do {
          if (c == '_') c = nextc();
          if (c < '0' || c >= limit) {
            if (is_digit(c)) syntax_error(fmt::format("invalid digit '{}' in {} literal", char(c), kind));
            backup(c);
            syntax_error(fmt::format("invalid {} literal", kind));
          }
          do {
            c = nextc();
          } while ('0' <= c && c < limit);
        } while (c == '_');
        if (is_digit(c)) syntax_error(fmt::format("invalid digit '{}' in {} literal", char(c), kind));
        verify_end_of_number(c, kind);
      } else {
        bool nonzero = false;
        while (true) {
          if (c == '_') {
            c = nextc();
            if (!is_digit(c)) {
              backup(c);
              syntax_error("invalid decimal literal");
            }
          }
          if (c != '0') break;
          c = nextc();
        }
        size_t zeros_end = cur_;
        if (is_digit(c)) {
          nonzero = true;
          c = decimal_tail();
        }
        if (c == '.') {
          c = nextc();
          goto fraction;
        } else if (c == 'e' || c == 'E') {
          goto exponent;
        } else if (c == 'j' || c == 'J') {
          goto imaginary;
        } else if (nonzero) {
          backup(c);
          syntax_error_range(
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
              int(start - line_start_) + 1, int(zeros_end - line_start_));
        }
        verify_end_of_number(c, "decimal");
      }
    } else {
      c = decimal_tail();
      if (c == '.') {
        c = nextc();
      fraction:
        if (is_digit(c)) c = decimal_tail();
      }
      if (c == 'e' || c == 'E') {
        int e;
      exponent:
        e = c;
        c = nextc();
        if (c == '+' || c == '-') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            syntax_error("invalid decimal literal");
          }
        } else if (!is_digit(c)) {
          backup(c);
          verify_end_of_number(e, "decimal");
          backup(e);
          push_token(Tok::Number, start, t);
          return true;
        }
        c = decimal_tail();
      }
      if (c == 'j' || c == 'J') {
      imaginary:
        c = nextc();
        verify_end_of_number(c, "imaginary");
      } else {
        verify_end_of_number(c, "decimal");
      }
    }
    backup(c);
    push_token(Tok::Number, start, t);
    return true;
  }

  if (c == '\'' || c == '"') {
    read_string(c, t, start, t.line, line_start_);
    return true;
  }

  if (c == '\\') {
    c = nextc();
    if (c != '\n') {
      int off = int(cur_ - line_start_);
      error_at(&rt::exc_SyntaxError, "unexpected character after line continuation character", lineno_,
               off, lineno_, 0);
    }
    c = nextc();
    if (c == kEOF) {
      error_at(&rt::exc_SyntaxError, "unexpected EOF while parsing", lineno_,
               chars_before_cursor() + 1, lineno_, -1);
    }
    backup(c);
    goto again;
  }

  // Two- and three-character operators.
  {
    int c2 = nextc();
    Tok tok2 = two_chars(c, c2);
    if (tok2 != Tok::Unknown) {
      int c3 = nextc();
      Tok tok3 = three_chars(c, c2, c3);
      if (tok3 != Tok::Unknown) tok2 = tok3;
      else backup(c3);
      push_token(tok2, start, t);
      return true;
    }
    backup(c2);
  }

  // Bracket nesting.
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (int(parens_.size()) >= kMaxLevel) syntax_error("too many nested parentheses");
      parens_.push_back({char(c), lineno_, int(start - line_start_)});
      break;
    case ')':
    case ']':
    case '}': {
      if (parens_.empty() || (fstring_expr_ && parens_.size() == 1))
        syntax_error(fmt::format("unmatched '{}'", char(c)));
      OpenBracket open = parens_.back();
      parens_.pop_back();
      if (!((open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') || (open.ch == '{' && c == '}'))) {
        if (open.line != lineno_)
          syntax_error(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                   char(c), open.ch, open.line));
        syntax_error(fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'", char(c), open.ch));
      }
      break;
    }
  }

  if (c >= 128) {
    cur_--;
    int len;
    uint32_t cp = decode_utf8(src_, cur_, &len);
    cur_ += len;
    if (is_printable(cp))
      syntax_error(fmt::format("invalid character '{}' (U+{:04X})", rt::utf8::encoded(cp), cp));
    syntax_error(fmt::format("invalid non-printable character U+{:04X}", cp));
  }
  if (c < 128 && (c < 0x20 || c == 0x7F))
    syntax_error(fmt::format("invalid non-printable character U+{:04X}", c));
  push_token(one_char(c), start, t);
  return true;
}

std::vector<Token> Lexer::tokenize_to_error() {
  std::vector<Token> out;
  while (true) {
    Token t;
    try {
      bool more = next_token(t);
      out.push_back(std::move(t));
      if (!more) break;
    } catch (rt::PyError& e) {
      Token err;
      err.kind = Tok::LexError;
      err.line = err.end_line = lineno_;
      err.col = err.end_col = int(cur_ - line_start_);
      out.push_back(std::move(err));
      pending_error_ = e.take();
      break;
    }
  }
  return out;
}

void Lexer::raise_pending_error() const {
  rt::incref(pending_error_);
  throw rt::PyError(pending_error_);
}

Lexer::~Lexer() { rt::decref(pending_error_); }

std::vector<Token> Lexer::tokenize() {
  std::vector<Token> out;
  while (true) {
    Token t;
    bool more = next_token(t);
    out.push_back(std::move(t));
    if (!more) break;
  }
  return out;
}

}  // namespace compiler
