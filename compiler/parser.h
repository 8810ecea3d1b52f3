// The recursive-descent parser: tokens -> compiler/ast.h nodes, following Python 3.11's
// grammar (Grammar/python.gram) and raising its specialised syntax errors ("expected ':'",
// "cannot assign to literal", ...) at the positions CPython reports.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/lexer.h"
#include "compiler/token.h"

namespace compiler {

class Parser {
 public:
  // [lexer] provides the source lines and the file name for error messages.
  Parser(const Lexer& lexer, std::vector<Token> tokens);

  ast::Module parse_file();         // file_input: statements up to ENDMARKER
  ast::Module parse_eval();         // eval_input: one expression list (an Expr statement)
  ast::Module parse_interactive();  // one statement (REPL)

  // True if the furthest token read is one of the DEDENTs or the ENDMARKER that close the
  // input: after a failed parse, the parser ran out of input (the REPL's "incomplete input").
  bool reached_end() const {
    for (size_t i = max_pos_; i < tokens_.size(); ++i)
      if (tokens_[i].kind != Tok::Dedent && tokens_[i].kind != Tok::EndMarker) return false;
    return true;
  }

 private:
  using ExprP = ast::ExprP;
  using StmtP = ast::StmtP;
  friend struct DepthGuard;

  // ---- tokens ----
  const Token& peek(int k = 0);
  const Token& prev() const { return tokens_[pos_ - 1]; }
  const Token& advance();
  bool at(Tok k) { return peek().kind == k; }
  bool at_kw(const char* kw);
  bool at_name();  // a NAME that is not a keyword
  bool accept(Tok k);
  bool accept_kw(const char* kw);
  void expect(Tok k);
  void expect_kw(const char* kw);
  std::string expect_name();
  void expect_forced(Tok k);  // CPython's &&':' : "expected ':'" at the current token
  void expect_colon();        // a block's ':' ("expected ':'" only at the end of the line)

  // ---- errors ----
  [[noreturn]] void fail();  // "invalid syntax" at the furthest token read
  [[noreturn]] void unexpected_indentation(const Token& t);
  [[noreturn]] void error_last(const std::string& msg, rt::Type* type = nullptr);
  [[noreturn]] void error_token(const Token& t, const std::string& msg, rt::Type* type = nullptr);
  [[noreturn]] void error_node(const ast::Loc& l, const std::string& msg);
  [[noreturn]] void error_range(const ast::Loc& a, const ast::Loc& b, const std::string& msg);
  [[noreturn]] void error_raw(rt::Type* type, const std::string& msg, int line, int col, int end_line,
                              int end_col);
  [[noreturn]] void raise(rt::Type* type, const std::string& msg, int line, int offset, int end_line,
                          int end_offset);

  // ---- locations ----
  ast::Loc loc_of(const Token& a, const Token& b) const;
  ast::Loc span(const ast::Loc& a, const ast::Loc& b) const;
  ast::Loc from_to_prev(const Token& a) const { return loc_of(a, prev()); }
  ast::Loc from_to_prev(const ast::Loc& a) const;

  // ---- statements (parser.cpp) ----
  void statement(ast::StmtList& out);
  void simple_stmts(ast::StmtList& out);
  StmtP simple_stmt();
  StmtP expr_or_assign_stmt();
  StmtP compound_stmt();
  ast::StmtList block(const std::string& what, int line);
  StmtP if_stmt(bool elif);
  StmtP while_stmt();
  StmtP for_stmt();
  StmtP with_stmt();
  StmtP try_stmt();
  StmtP function_def(ast::ExprList decorators, const Token& start);
  StmtP class_def(ast::ExprList decorators, const Token& start);
  StmtP import_stmt();
  StmtP from_import_stmt();
  std::unique_ptr<ast::Arguments> parameters(bool lambda);
  void check_target(ast::Expr* e, bool del, bool for_target);
  void set_ctx(ast::Expr* e, ast::Ctx ctx);

  // ---- expressions (parser_expr.cpp) ----
  ExprP star_expressions();
  ExprP star_expression();
  ExprP star_named_expression();
  ExprP named_expression();
  ExprP expression();
  ExprP disjunction();
  ExprP conjunction();
  ExprP inversion();
  ExprP comparison();
  ExprP bitwise(int min_prec);
  ExprP factor();
  ExprP power();
  ExprP primary();
  ExprP atom();
  ExprP lambdef();
  ExprP yield_expr();
  ExprP slices();
  ExprP slice();
  ExprP paren_atom();
  ExprP list_atom();
  ExprP brace_atom();
  ExprP call(ExprP func);
  ExprP star_targets_expr(bool single = false);
  std::vector<ast::Comprehension> for_if_clauses();
  bool starts_expression(int k = 0);
  void check_missing_comma(const ast::Expr* a);
  int level_after_prev() const;  // bracket depth after the last token read, as CPython's level
  ExprP dict_value();
  void check_dict_comma(const ast::Expr* value);
  void check_legacy_print(const ast::Expr* a);
  bool is_bitwise_or_here();

  // ---- strings (parser_string.cpp) ----
  ExprP strings();
  void fstring_parts(const Token& t, std::string_view body, bool raw, int body_offset, int recurse,
                     std::vector<ExprP>& out, std::string& lit, size_t& i, const ast::Loc& whole);
  ExprP fstring_field(const Token& t, std::string_view body, bool raw, int body_offset, int recurse,
                      size_t& i, const ast::Loc& whole);
  std::string decode_string(const Token& t, std::string_view s, bool raw);
  ExprP parse_fstring_expr(const Token& t, std::string_view expr, int brace_offset);

  const Lexer& lexer_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  size_t max_pos_ = 0;
  bool indentation_error_ = false;  // raising unexpected_indentation's error
  int depth_ = 0;
  // Nodes parsed from an f-string replacement field are shifted to their place in the file.
  int line_shift_ = 0, col_shift_ = 0;
  std::string msg_prefix_;  // "f-string: " inside replacement fields
  bool in_fstring_ = false;
  // Inside a speculative parse (a lookahead of CPython's invalid_ rules) a plain syntax
  // error only means "no match": fail() throws SpecFail, caught by the speculating code.
  int speculative_ = 0;
  struct SpecFail {};
  struct Speculation {
    Parser& p;
    size_t pos;
    int depth;
    explicit Speculation(Parser& parser) : p(parser), pos(parser.pos_), depth(parser.depth_) { p.speculative_++; }
    ~Speculation() {
      p.speculative_--;
      p.pos_ = pos;
      p.depth_ = depth;
    }
  };
};

}  // namespace compiler
