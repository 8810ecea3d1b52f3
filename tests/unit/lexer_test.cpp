// Unit tests of the tokenizer (compiler/lexer.cpp): token kinds and positions, indentation,
// numbers, strings, and the tokenizer's syntax errors with CPython's messages and offsets.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/lexer.h"
#include "runtime/error.h"
#include "runtime/ops.h"

namespace {

using compiler::Lexer;
using compiler::Tok;
using compiler::Token;

std::vector<Token> lex(const std::string& src) {
  rt::runtime_init();
  Lexer l(src, "t.py");
  return l.tokenize();
}

// The token kinds of [src], as their names ("NAME", "=", "NEWLINE"...), space separated.
std::string kinds(const std::string& src) {
  std::string out;
  for (auto& t : lex(src)) {
    if (!out.empty()) out += ' ';
    out += compiler::tok_name(t.kind);
  }
  return out;
}

// "Type: msg (line, offset)" for the error tokenizing [src] raises, or "no error".
std::string error_of(const std::string& src) {
  try {
    lex(src);
  } catch (rt::PyError& e) {
    rt::Value exc = e.exc();
    auto* be = exc.as<rt::BaseException>();
    rt::Value info = be->args->item(1);
    auto* t = info.as<rt::Tuple>();
    return std::string(rt::type_name(exc)) + ": " + rt::str_string(be->args->item(0)) + " (" +
           rt::repr_string(t->item(1)) + ", " + rt::repr_string(t->item(2)) + ")";
  }
  return "no error";
}

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(kinds("x = 1\n"), "NAME = NUMBER NEWLINE ENDMARKER");
  auto toks = lex("foo(bar, 2)\n");
  ASSERT_EQ(toks.size(), 8u);
  EXPECT_EQ(toks[0].text, "foo");
  EXPECT_EQ(toks[2].col, 4);
  EXPECT_EQ(toks[2].end_col, 7);
  EXPECT_EQ(toks[6].kind, Tok::Newline);
  EXPECT_EQ(toks[6].col, 11);
}

TEST(Lexer, ImplicitFinalNewline) { EXPECT_EQ(kinds("x"), "NAME NEWLINE ENDMARKER"); }

TEST(Lexer, Operators) {
  EXPECT_EQ(kinds("a **= b // c -> d := e ... f @= g != h <<= i >>= j\n"),
            "NAME **= NAME // NAME -> NAME := NAME ... NAME @= NAME != NAME <<= NAME >>= NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a<=b>=c==d<<e>>f|g^h&i~j%k\n"),
            "NAME <= NAME >= NAME == NAME << NAME >> NAME | NAME ^ NAME & NAME ~ NAME % NAME NEWLINE ENDMARKER");
}

TEST(Lexer, IndentDedent) {
  EXPECT_EQ(kinds("if x:\n    y\n    if z:\n        w\nv\n"),
            "NAME NAME : NEWLINE INDENT NAME NEWLINE NAME NAME : NEWLINE INDENT NAME NEWLINE DEDENT DEDENT NAME "
            "NEWLINE ENDMARKER");
}

TEST(Lexer, BlankLinesAndCommentsAreNotTokens) {
  EXPECT_EQ(kinds("x\n\n   # comment\n\ty  # trailing\n"),
            "NAME NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, TabsCountToMultiplesOfEight) {
  EXPECT_EQ(kinds("if x:\n\ty\n\tz\n"), "NAME NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, BracketsJoinLines) {
  EXPECT_EQ(kinds("x = (1,\n     2)\n"), "NAME = ( NUMBER , NUMBER ) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = 1 + \\\n  2\n"), "NAME = NUMBER + NUMBER NEWLINE ENDMARKER");
}

TEST(Lexer, Numbers) {
  for (const char* n : {"0", "00", "0_0", "123", "1_000", "0x1F", "0o17", "0b1010", "1.5", "1.", ".5", "1e10",
                        "1.5E-3", "09.5", "0e1"}) {
    auto toks = lex(std::string(n) + "\n");
    EXPECT_EQ(toks[0].kind, Tok::Number) << n;
    EXPECT_EQ(toks[0].text, n);
  }
  EXPECT_EQ(kinds("1if x else 2\n"), "NUMBER NAME NAME NAME NUMBER NEWLINE ENDMARKER");
}

TEST(Lexer, NumberErrors) {
  EXPECT_EQ(error_of("x = 1abc\n"), "SyntaxError: invalid decimal literal (1, 5)");
  EXPECT_EQ(error_of("x = 0123\n"),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
            "integers (1, 5)");
  EXPECT_EQ(error_of("x = 1_\n"), "SyntaxError: invalid decimal literal (1, 6)");
  EXPECT_EQ(error_of("x = 0x\n"), "SyntaxError: invalid hexadecimal literal (1, 6)");
  EXPECT_EQ(error_of("x = 0o8\n"), "SyntaxError: invalid digit '8' in octal literal (1, 7)");
  EXPECT_EQ(error_of("x = 0b2\n"), "SyntaxError: invalid digit '2' in binary literal (1, 7)");
  EXPECT_EQ(error_of("x = 1.5e+\n"), "SyntaxError: invalid decimal literal (1, 9)");
}

TEST(Lexer, Strings) {
  auto toks = lex("a = 'x' \"y\" '''z\nw''' rb'q' F\"{v}\"\n");
  EXPECT_EQ(toks[2].kind, Tok::String);
  EXPECT_EQ(toks[2].text, "'x'");
  EXPECT_EQ(toks[3].text, "\"y\"");
  EXPECT_EQ(toks[4].text, "'''z\nw'''");
  EXPECT_EQ(toks[4].end_line, 2);
  EXPECT_EQ(toks[5].text, "rb'q'");
  EXPECT_EQ(toks[6].text, "F\"{v}\"");
  EXPECT_EQ(toks[6].line, 2);
}

TEST(Lexer, StringErrors) {
  EXPECT_EQ(error_of("x = \"abc\ny = 2\n"), "SyntaxError: unterminated string literal (detected at line 1) (1, 5)");
  EXPECT_EQ(error_of("x = 1\ny = \"\"\"abc\n\n\n"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 4) (2, 5)");
}

TEST(Lexer, BracketErrors) {
  EXPECT_EQ(error_of("x = )\n"), "SyntaxError: unmatched ')' (1, 5)");
  EXPECT_EQ(error_of("x = (]\n"), "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' (1, 6)");
  EXPECT_EQ(error_of("x = (\n]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 (2, 1)");
  std::string deep = "x = " + std::string(201, '(') + "\n";
  EXPECT_EQ(error_of(deep), "SyntaxError: too many nested parentheses (1, 205)");
  EXPECT_EQ(kinds("f(\n")[0], 'N');
  EXPECT_EQ(lex("f(\n").back().kind, Tok::ErrorEof);
}

TEST(Lexer, IndentationErrors) {
  EXPECT_EQ(error_of("if x:\n  a\n b\n"),
            "IndentationError: unindent does not match any outer indentation level (3, 3)");
  EXPECT_EQ(error_of("if x:\n\ty\n        z\n"), "TabError: inconsistent use of tabs and spaces in indentation (3, 1)");
}

TEST(Lexer, InvalidCharacters) {
  EXPECT_EQ(error_of("x = a\xE2\x82\xAC" "b\n"), "SyntaxError: invalid character '\xE2\x82\xAC' (U+20AC) (1, 6)");
  EXPECT_EQ(error_of("x = \x01\n"), "SyntaxError: invalid non-printable character U+0001 (1, 5)");
  EXPECT_EQ(error_of("x = 1 \\ 2\n"), "SyntaxError: unexpected character after line continuation character (1, 8)");
  EXPECT_EQ(kinds("\xC3\xA9t\xC3\xA9 = 1\n"), "NAME = NUMBER NEWLINE ENDMARKER");
}

}  // namespace
