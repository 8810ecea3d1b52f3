// Tokens of the Python 3.11 grammar as the lexer produces them (compiler/lexer.h).
// Operators get one kind each; keywords are Name tokens told apart by their text.
#pragma once

#include <cstdint>
#include <string>

namespace compiler {

enum class Tok : uint8_t {
  EndMarker, Name, Number, String, Newline, Indent, Dedent,
  ErrorEof,  // end of input inside brackets: the parser reports "'(' was never closed"
  Unknown,   // a character that starts no token ('$', '?', '!'): the parser's "invalid syntax"
  LexError,  // where the tokenizer failed (Lexer::tokenize_to_error): the last token
  LPar, RPar, LSqb, RSqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper, Less,
  Greater, Equal, Dot, Percent, LBrace, RBrace, EqEqual, NotEqual, LessEqual, GreaterEqual,
  Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual,
  SlashEqual, PercentEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual,
  RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow,
  Ellipsis, ColonEqual,
};

// One token. Lines are 1-based, columns 0-based UTF-8 byte offsets; the end is exclusive.
// [text] is the token's source text (for strings: prefix and quotes included).
struct Token {
  Tok kind = Tok::EndMarker;
  std::string text;
  int line = 0, col = 0, end_line = 0, end_col = 0;
  int level = 0;  // bracket nesting depth before this token (0: not inside brackets)
};

// The token's spelling for operators ("+=", "(") or its kind name ("NAME", "NEWLINE").
const char* tok_name(Tok t);

// True if [s] is one of Python's hard keywords ("if", "None", ...).
bool is_keyword(const std::string& s);

}  // namespace compiler
