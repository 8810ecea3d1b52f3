// The parser's token handling, error reporting and statements (Python 3.11's grammar).
// Expressions are in parser_expr.cpp and string literals (f-strings) in parser_string.cpp.
#include "compiler/parser.h"

#include <fmt/format.h>

#include "compiler/compile.h"
#include "compiler/parser_util.h"
#include "runtime/error.h"

namespace compiler {

using namespace ast;

Parser::Parser(const Lexer& lexer, std::vector<Token> tokens) : lexer_(lexer), tokens_(std::move(tokens)) {}

// ---- tokens -------------------------------------------------------------------------------

const Token& Parser::peek(int k) {
  size_t i = std::min(pos_ + k, tokens_.size() - 1);
  if (i > max_pos_) max_pos_ = i;
  return tokens_[i];
}

const Token& Parser::advance() {
  const Token& t = peek();
  if (pos_ < tokens_.size() - 1) pos_++;
  return t;
}

bool Parser::at_kw(const char* kw) {
  const Token& t = peek();
  return t.kind == Tok::Name && t.text == kw;
}

bool Parser::at_name() {
  const Token& t = peek();
  return t.kind == Tok::Name && !is_keyword(t.text);
}

bool Parser::accept(Tok k) {
  if (!at(k)) return false;
  advance();
  return true;
}

bool Parser::accept_kw(const char* kw) {
  if (!at_kw(kw)) return false;
  advance();
  return true;
}

void Parser::expect(Tok k) {
  if (!accept(k)) fail();
}

void Parser::expect_kw(const char* kw) {
  if (!accept_kw(kw)) fail();
}

std::string Parser::expect_name() {
  if (!at_name()) fail();
  return advance().text;
}

void Parser::expect_forced(Tok k) {
  if (accept(k)) return;
  error_token(peek(), fmt::format("expected '{}'", tok_name(k)));
}

// The ':' opening the block of if/while/for/with/class/except: CPython's invalid_*_stmt rules
// say "expected ':'" when the line ends there; anything else is the generic "invalid syntax".
void Parser::expect_colon() {
  if (accept(Tok::Colon)) return;
  if (at(Tok::Newline)) error_last("expected ':'");
  fail();
}

// ---- errors -------------------------------------------------------------------------------

// The final step of every parser error: CPython reports a bracket left open at the end of
// the input instead, when it was opened on a line before the error.
void Parser::raise(rt::Type* type, const std::string& msg, int line, int offset, int end_line,
                   int end_offset) {
  // CPython tokenizes the rest of the input after a syntax error: a tokenizer error wins.
  if (lexer_.has_pending_error() && !indentation_error_) lexer_.raise_pending_error();
  const auto& open = lexer_.open_brackets();
  if (!open.empty() && !in_fstring_) {
    const auto& b = open.back();
    const Token& last = tokens_[max_pos_];
    if (last.kind == Tok::ErrorEof || last.line > b.line) {
      int off = char_offset(lexer_.line_text(b.line), b.col + 1);
      lexer_.error_at(&rt::exc_SyntaxError, fmt::format("'{}' was never closed", b.ch), b.line, off,
                      b.line, 0);
    }
  }
  lexer_.error_at(type, msg_prefix_ + msg, line, offset, end_line, end_offset);
}

// An error spanning byte columns [col, end_col) (0-based), as RAISE_ERROR_KNOWN_LOCATION.
void Parser::error_raw(rt::Type* type, const std::string& msg, int line, int col, int end_line, int end_col) {
  std::string_view text = lexer_.line_text(line);
  int off = char_offset(text, col + 1);
  int end_off = end_col < 0 ? end_col + 1 : char_offset(text, end_col + 1);
  raise(type ? type : &rt::exc_SyntaxError, msg, line, off, end_line, end_off);
}

void Parser::error_token(const Token& t, const std::string& msg, rt::Type* type) {
  if (t.kind == Tok::Indent || t.kind == Tok::Dedent || t.kind == Tok::EndMarker || t.kind == Tok::ErrorEof) {
    // These tokens have no column in CPython: the tokenizer's position is used instead.
    int line = t.line;
    int off = t.col;
    if (t.kind != Tok::Indent && t.line > lexer_.line_count()) {
      line = lexer_.line_count();
      off = 0;
    }
    raise(type ? type : &rt::exc_SyntaxError, msg, line, char_offset(lexer_.line_text(line), off), line, -1);
  }
  error_raw(type, msg, t.line, t.col, t.end_line, t.end_col);
}

void Parser::error_last(const std::string& msg, rt::Type* type) { error_token(tokens_[max_pos_], msg, type); }

void Parser::error_node(const Loc& l, const std::string& msg) {
  error_raw(nullptr, msg, l.line - line_shift_, l.col - (l.line - line_shift_ == 1 ? col_shift_ : 0),
            l.end_line - line_shift_, l.end_col - (l.end_line - line_shift_ == 1 ? col_shift_ : 0));
}

void Parser::error_range(const Loc& a, const Loc& b, const std::string& msg) {
  Loc l{a.line, a.col, b.end_line, b.end_col};
  error_node(l, msg);
}

// CPython's generic "unexpected indent" / "unexpected unindent" at an INDENT or DEDENT token
// [t]: reported as it is, without looking for tokenizer errors further on.
void Parser::unexpected_indentation(const Token& t) {
  indentation_error_ = true;
  error_token(t, t.kind == Tok::Indent ? "unexpected indent" : "unexpected unindent",
              &rt::exc_IndentationError);
}

void Parser::fail() {
  if (speculative_) throw SpecFail{};
  const Token& t = tokens_[max_pos_];
  if (t.kind == Tok::Indent || t.kind == Tok::Dedent) unexpected_indentation(t);
  if (t.kind == Tok::ErrorEof) raise(&rt::exc_SyntaxError, "", 0, 0, 0, 0);
  error_token(t, "invalid syntax");
}

// ---- locations ----------------------------------------------------------------------------

Loc Parser::loc_of(const Token& a, const Token& b) const {
  Loc l{a.line + line_shift_, a.col, b.end_line + line_shift_, b.end_col};
  if (a.line == 1) l.col += col_shift_;
  if (b.end_line == 1) l.end_col += col_shift_;
  return l;
}

Loc Parser::span(const Loc& a, const Loc& b) const { return Loc{a.line, a.col, b.end_line, b.end_col}; }

Loc Parser::from_to_prev(const Loc& a) const {
  Loc e = loc_of(prev(), prev());
  return Loc{a.line, a.col, e.end_line, e.end_col};
}

// ---- entry points -------------------------------------------------------------------------

Module Parser::parse_file() {
  Module m;
  while (!at(Tok::EndMarker)) {
    if (at(Tok::ErrorEof)) fail();
    statement(m.body);
  }
  return m;
}

Module Parser::parse_eval() {
  Module m;
  auto s = std::make_unique<ExprStmt>();
  s->value = star_expressions();
  s->loc = s->value->loc;
  while (accept(Tok::Newline)) {
  }
  if (!at(Tok::EndMarker)) fail();
  m.body.push_back(std::move(s));
  return m;
}

Module Parser::parse_interactive() {
  Module m;
  while (accept(Tok::Newline)) {
  }
  if (!at(Tok::EndMarker)) statement(m.body);
  while (accept(Tok::Newline)) {
  }
  if (!at(Tok::EndMarker)) fail();
  return m;
}

// ---- statements ---------------------------------------------------------------------------

void Parser::statement(StmtList& out) {
  const Token& t = peek();
  if (t.kind == Tok::Indent) unexpected_indentation(t);
  if (t.kind == Tok::Name) {
    static const char* const compound[] = {"if", "while", "for", "try", "with", "def", "class"};
    for (const char* k : compound) {
      if (t.text == k) {
        out.push_back(compound_stmt());
        return;
      }
    }
  }
  if (t.kind == Tok::At) {
    out.push_back(compound_stmt());
    return;
  }
  simple_stmts(out);
}

void Parser::simple_stmts(StmtList& out) {
  while (true) {
    out.push_back(simple_stmt());
    if (accept(Tok::Newline)) return;
    if (!accept(Tok::Semi)) fail();
    if (accept(Tok::Newline)) return;
  }
}

StmtP Parser::simple_stmt() {
  const Token& start = peek();
  if (start.kind == Tok::Name) {
    const std::string& k = start.text;
    if (k == "pass" || k == "break" || k == "continue") {
      advance();
      StmtP s;
      if (k == "pass") s = std::make_unique<Pass>();
      else if (k == "break") s = std::make_unique<Break>();
      else s = std::make_unique<Continue>();
      s->loc = loc_of(start, start);
      return s;
    }
    if (k == "return") {
      advance();
      auto s = std::make_unique<Return>();
      if (starts_expression() || at(Tok::Star)) s->value = star_expressions();
      s->loc = from_to_prev(start);
      return s;
    }
    if (k == "raise") {
      advance();
      auto s = std::make_unique<Raise>();
      if (starts_expression()) {
        s->exc = expression();
        if (accept_kw("from")) s->cause = expression();
      }
      s->loc = from_to_prev(start);
      return s;
    }
    if (k == "global" || k == "nonlocal") {
      advance();
      std::vector<std::string> names;
      names.push_back(expect_name());
      while (accept(Tok::Comma)) names.push_back(expect_name());
      StmtP s;
      if (k == "global") {
        auto g = std::make_unique<Global>();
        g->names = std::move(names);
        s = std::move(g);
      } else {
        auto g = std::make_unique<Nonlocal>();
        g->names = std::move(names);
        s = std::move(g);
      }
      s->loc = from_to_prev(start);
      return s;
    }
    if (k == "del") {
      advance();
      auto s = std::make_unique<Delete>();
      s->targets.push_back(star_expression());
      while (accept(Tok::Comma) && (starts_expression() || at(Tok::Star))) s->targets.push_back(star_expression());
      for (auto& t : s->targets) {
        check_target(t.get(), true, false);
        set_ctx(t.get(), Ctx::Del);
      }
      s->loc = from_to_prev(start);
      return s;
    }
    if (k == "assert") {
      advance();
      auto s = std::make_unique<Assert>();
      s->test = expression();
      if (accept(Tok::Comma)) s->msg = expression();
      s->loc = from_to_prev(start);
      return s;
    }
    if (k == "import") return import_stmt();
    if (k == "from") return from_import_stmt();
  }
  return expr_or_assign_stmt();
}

namespace {

// The augmented-assignment operator of token [k], or false.
bool augassign_op(Tok k, Operator* op) {
  switch (k) {
    case Tok::PlusEqual: *op = Operator::Add; return true;
    case Tok::MinEqual: *op = Operator::Sub; return true;
    case Tok::StarEqual: *op = Operator::Mul; return true;
    case Tok::SlashEqual: *op = Operator::TrueDiv; return true;
    case Tok::DoubleSlashEqual: *op = Operator::FloorDiv; return true;
    case Tok::PercentEqual: *op = Operator::Mod; return true;
    case Tok::DoubleStarEqual: *op = Operator::Pow; return true;
    case Tok::LeftShiftEqual: *op = Operator::LShift; return true;
    case Tok::RightShiftEqual: *op = Operator::RShift; return true;
    case Tok::AmperEqual: *op = Operator::And; return true;
    case Tok::VBarEqual: *op = Operator::Or; return true;
    case Tok::CircumflexEqual: *op = Operator::Xor; return true;
    case Tok::AtEqual: *op = Operator::MatMul; return true;
    default: return false;
  }
}

}  // namespace

// Expression statements, assignments (plain, chained, augmented, annotated).
StmtP Parser::expr_or_assign_stmt() {
  const Token& start = peek();
  size_t start_pos = pos_;
  ExprP e = at_kw("yield") ? yield_expr() : star_expressions();

  if (at(Tok::Colon)) {
    // Annotated assignment.
    bool parenthesized = tokens_[start_pos].kind == Tok::LPar;
    if (e->kind == ExprKind::Tuple && !parenthesized) {
      error_node(e->as<Tuple>()->elts[0]->loc, "only single target (not tuple) can be annotated");
    }
    if (e->kind == ExprKind::Tuple || e->kind == ExprKind::List) {
      error_node(e->loc, fmt::format("only single target (not {}) can be annotated", expr_name(e.get())));
    }
    if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript) {
      error_node(e->loc, "illegal target for annotation");
    }
    advance();
    auto s = std::make_unique<AnnAssign>();
    s->simple = e->kind == ExprKind::Name && !parenthesized;
    set_ctx(e.get(), Ctx::Store);
    s->target = std::move(e);
    s->annotation = expression();
    if (accept(Tok::Equal)) s->value = at_kw("yield") ? yield_expr() : star_expressions();
    s->loc = from_to_prev(start);
    return s;
  }

  Operator op;
  if (augassign_op(peek().kind, &op)) {
    if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute && e->kind != ExprKind::Subscript) {
      error_node(e->loc, fmt::format("'{}' is an illegal expression for augmented assignment", expr_name(e.get())));
    }
    advance();
    auto s = std::make_unique<AugAssign>();
    set_ctx(e.get(), Ctx::Store);
    s->target = std::move(e);
    s->op = op;
    s->value = at_kw("yield") ? yield_expr() : star_expressions();
    s->loc = from_to_prev(start);
    return s;
  }

  if (at(Tok::Equal)) {
    auto s = std::make_unique<Assign>();
    bool first = true;
    while (at(Tok::Equal)) {
      if (e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom) {
        error_node(e->loc, "assignment to yield expression not possible");
      }
      const Expr* bad = invalid_target(e.get(), TargetKind::Star);
      if (bad) {
        if (first && is_bitwise_or_node(e.get()) && !starts_with_display(e.get(), tokens_[start_pos]) &&
            is_bitwise_or_here()) {
          error_node(e->loc, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                         expr_name(e.get())));
        }
        error_node(bad->loc, fmt::format("cannot assign to {}", expr_name(bad)));
      }
      first = false;
      advance();
      set_ctx(e.get(), Ctx::Store);
      s->targets.push_back(std::move(e));
      e = at_kw("yield") ? yield_expr() : star_expressions();
    }
    s->value = std::move(e);
    s->loc = from_to_prev(start);
    return s;
  }

  if (!at(Tok::Newline) && !at(Tok::Semi)) {
    check_legacy_print(e.get());
    if (e->kind == ExprKind::Name && at(Tok::ColonEqual)) fail();
  }
  auto s = std::make_unique<ExprStmt>();
  s->loc = e->loc;
  s->value = std::move(e);
  return s;
}

// Checks that [e] can be assigned to (or deleted with [del]), raising CPython's message.
void Parser::check_target(Expr* e, bool del, bool for_target) {
  const Expr* bad = invalid_target(e, del ? TargetKind::Del : for_target ? TargetKind::For : TargetKind::Star);
  if (bad) error_node(bad->loc, fmt::format("cannot {} {}", del ? "delete" : "assign to", expr_name(bad)));
}

void Parser::set_ctx(Expr* e, Ctx ctx) {
  switch (e->kind) {
    case ExprKind::Name: e->as<Name>()->ctx = ctx; break;
    case ExprKind::Attribute: e->as<Attribute>()->ctx = ctx; break;
    case ExprKind::Subscript: e->as<Subscript>()->ctx = ctx; break;
    case ExprKind::Starred:
      e->as<Starred>()->ctx = ctx;
      set_ctx(e->as<Starred>()->value.get(), ctx);
      break;
    case ExprKind::List:
      e->as<List>()->ctx = ctx;
      for (auto& x : e->as<List>()->elts) set_ctx(x.get(), ctx);
      break;
    case ExprKind::Tuple:
      e->as<Tuple>()->ctx = ctx;
      for (auto& x : e->as<Tuple>()->elts) set_ctx(x.get(), ctx);
      break;
    default: break;
  }
}

// A suite after ':'; [what] names the statement for "expected an indented block after ...".
StmtList Parser::block(const std::string& what, int line) {
  StmtList body;
  if (accept(Tok::Newline)) {
    if (!at(Tok::Indent)) {
      error_last(fmt::format("expected an indented block after {} on line {}", what, line),
                 &rt::exc_IndentationError);
    }
    advance();
    while (!at(Tok::Dedent) && !at(Tok::EndMarker)) {
      if (at(Tok::ErrorEof)) fail();
      statement(body);
    }
    accept(Tok::Dedent);
  } else {
    simple_stmts(body);
  }
  return body;
}

namespace {

Loc end_of(const StmtList& body, Loc l) {
  if (!body.empty()) {
    l.end_line = body.back()->loc.end_line;
    l.end_col = body.back()->loc.end_col;
  }
  return l;
}

}  // namespace

StmtP Parser::compound_stmt() {
  const Token& t = peek();
  if (t.kind == Tok::At) {
    ExprList decorators;
    while (accept(Tok::At)) {
      decorators.push_back(named_expression());
      expect(Tok::Newline);
    }
    const Token& d = peek();
    if (at_kw("def")) return function_def(std::move(decorators), d);
    if (at_kw("class")) return class_def(std::move(decorators), d);
    fail();
  }
  const std::string& k = t.text;
  if (k == "if") return if_stmt(false);
  if (k == "while") return while_stmt();
  if (k == "for") return for_stmt();
  if (k == "try") return try_stmt();
  if (k == "with") return with_stmt();
  if (k == "def") return function_def({}, t);
  return class_def({}, t);
}

StmtP Parser::if_stmt(bool elif) {
  const Token& start = advance();
  int line = start.line + line_shift_;
  auto s = std::make_unique<If>();
  s->test = named_expression();
  expect_colon();
  s->body = block(elif ? "'elif' statement" : "'if' statement", line);
  Loc l = end_of(s->body, loc_of(start, start));
  if (at_kw("elif")) {
    s->orelse.push_back(if_stmt(true));
    l = end_of(s->orelse, l);
  } else if (at_kw("else")) {
    const Token& e = advance();
    expect_forced(Tok::Colon);
    s->orelse = block("'else' statement", e.line + line_shift_);
    l = end_of(s->orelse, l);
  }
  s->loc = l;
  return s;
}

StmtP Parser::while_stmt() {
  const Token& start = advance();
  auto s = std::make_unique<While>();
  s->test = named_expression();
  expect_colon();
  s->body = block("'while' statement", start.line + line_shift_);
  Loc l = end_of(s->body, loc_of(start, start));
  if (at_kw("else")) {
    const Token& e = advance();
    expect_forced(Tok::Colon);
    s->orelse = block("'else' statement", e.line + line_shift_);
    l = end_of(s->orelse, l);
  }
  s->loc = l;
  return s;
}

StmtP Parser::for_stmt() {
  const Token& start = advance();
  auto s = std::make_unique<For>();
  size_t target_pos = pos_;
  ExprP target = star_targets_expr();
  if (!at_kw("in")) {
    // CPython re-parses the target as an expression to name what cannot be assigned to.
    pos_ = target_pos;
    ExprP e = star_expressions();
    check_target(e.get(), false, true);
    expect_kw("in");
  }
  check_target(target.get(), false, true);
  set_ctx(target.get(), Ctx::Store);
  advance();
  s->target = std::move(target);
  s->iter = star_expressions();
  expect_colon();
  s->body = block("'for' statement", start.line + line_shift_);
  Loc l = end_of(s->body, loc_of(start, start));
  if (at_kw("else")) {
    const Token& e = advance();
    expect_forced(Tok::Colon);
    s->orelse = block("'else' statement", e.line + line_shift_);
    l = end_of(s->orelse, l);
  }
  s->loc = l;
  return s;
}

StmtP Parser::with_stmt() {
  const Token& start = advance();
  auto s = std::make_unique<With>();
  auto item = [&]() {
    WithItem it;
    it.context_expr = expression();
    if (accept_kw("as")) {
      size_t p = pos_;
      ExprP target = star_targets_expr(true);
      // A target at the end of the line is left to the missing ':' (invalid_with_stmt).
      bool line_end = at(Tok::Newline) && invalid_target(target.get(), TargetKind::Star) == nullptr;
      if (!at(Tok::Comma) && !at(Tok::RPar) && !at(Tok::Colon) && !line_end) {
        pos_ = p;
        ExprP e = expression();
        check_target(e.get(), false, false);
        check_missing_comma(e.get());
        fail();
      }
      check_target(target.get(), false, false);
      set_ctx(target.get(), Ctx::Store);
      it.optional_vars = std::move(target);
    }
    return it;
  };
  bool done = false;
  if (at(Tok::LPar)) {
    // The parenthesised form, `with (a as b, c):`, falling back to an expression.
    size_t save = pos_;
    try {
      Speculation spec(*this);
      advance();
      std::vector<WithItem> items;
      items.push_back(item());
      while (accept(Tok::Comma)) {
        if (at(Tok::RPar)) break;
        items.push_back(item());
      }
      if (accept(Tok::RPar) && at(Tok::Colon)) {
        s->items = std::move(items);
        save = pos_;
        done = true;
      }
    } catch (SpecFail&) {
    }
    pos_ = save;
  }
  if (!done) {
    s->items.push_back(item());
    while (accept(Tok::Comma)) s->items.push_back(item());
  }
  expect_colon();
  s->body = block("'with' statement", start.line + line_shift_);
  s->loc = end_of(s->body, loc_of(start, start));
  return s;
}

StmtP Parser::try_stmt() {
  const Token& start = advance();
  auto s = std::make_unique<Try>();
  expect_forced(Tok::Colon);
  s->body = block("'try' statement", start.line + line_shift_);
  Loc l = end_of(s->body, loc_of(start, start));
  if (!at_kw("except") && !at_kw("finally")) error_last("expected 'except' or 'finally' block");
  while (at_kw("except")) {
    const Token& ex = advance();
    ExceptHandler h;
    if (!at(Tok::Colon)) {
      if (at(Tok::Newline)) error_last("expected ':'");
      if (at(Tok::Star)) fail();
      h.type = expression();
      if (at(Tok::Comma)) {
        const Loc& a = h.type->loc;
        advance();
        star_expressions();
        if (accept_kw("as")) expect_name();
        if (at(Tok::Colon)) {
          const Token& c = peek();
          error_raw(nullptr, "multiple exception types must be parenthesized", a.line - line_shift_, a.col,
                    c.line, c.col);
        }
        fail();
      }
      if (accept_kw("as")) h.name = expect_name();
      expect_colon();
    } else {
      advance();
    }
    h.body = block("'except' statement", ex.line + line_shift_);
    h.loc = end_of(h.body, loc_of(ex, ex));
    l = end_of(h.body, l);
    s->handlers.push_back(std::move(h));
  }
  if (!s->handlers.empty() && at_kw("else")) {
    const Token& e = advance();
    expect_forced(Tok::Colon);
    s->orelse = block("'else' statement", e.line + line_shift_);
    l = end_of(s->orelse, l);
  }
  if (at_kw("finally")) {
    const Token& f = advance();
    expect_forced(Tok::Colon);
    s->finalbody = block("'finally' statement", f.line + line_shift_);
    l = end_of(s->finalbody, l);
  }
  s->loc = l;
  return s;
}

StmtP Parser::function_def(ExprList decorators, const Token& start) {
  advance();
  auto s = std::make_unique<FunctionDef>();
  s->decorator_list = std::move(decorators);
  s->name = expect_name();
  expect_forced(Tok::LPar);
  s->args = parameters(false);
  expect(Tok::RPar);
  if (accept(Tok::RArrow)) s->returns = expression();
  expect_forced(Tok::Colon);
  s->body = block("function definition", start.line + line_shift_);
  s->loc = end_of(s->body, loc_of(start, start));
  return s;
}

StmtP Parser::class_def(ExprList decorators, const Token& start) {
  advance();
  auto s = std::make_unique<ClassDef>();
  s->decorator_list = std::move(decorators);
  s->name = expect_name();
  if (at(Tok::LPar)) {
    auto name = std::make_unique<Name>();
    ExprP c = call(std::move(name));
    auto* cl = c->as<Call>();
    s->bases = std::move(cl->args);
    s->keywords = std::move(cl->keywords);
  }
  expect_colon();
  s->body = block("class definition", start.line + line_shift_);
  s->loc = end_of(s->body, loc_of(start, start));
  return s;
}

// Function or lambda parameters, up to (not including) ')' or ':'.
std::unique_ptr<Arguments> Parser::parameters(bool lambda) {
  auto a = std::make_unique<Arguments>();
  Tok end = lambda ? Tok::Colon : Tok::RPar;
  bool seen_default = false, seen_star = false, seen_slash = false;
  auto param = [&]() {
    const Token& n = peek();
    Arg arg;
    arg.arg = expect_name();
    arg.loc = loc_of(n, n);
    if (!lambda && accept(Tok::Colon)) {
      ExprP ann = expression();
      if (!at(Tok::Comma) && !at(end)) check_missing_comma(ann.get());
      arg.loc = from_to_prev(arg.loc);
      arg.annotation = std::shared_ptr<Expr>(ann.release());
    }
    return arg;
  };
  while (!at(end)) {
    if (a->kwarg) {
      if (at(Tok::Equal)) error_token(peek(), "var-keyword argument cannot have default value");
      error_token(peek(), "arguments cannot follow var-keyword argument");
    }
    if (at(Tok::Slash)) {
      const Token& sl = advance();
      if (seen_slash) error_token(sl, "/ may appear only once");
      if (seen_star) error_token(sl, "/ must be ahead of *");
      if (a->args.empty()) error_token(sl, "at least one argument must precede /");
      seen_slash = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (at(Tok::Star)) {
      const Token& st = advance();
      if (seen_star) error_token(st, "* argument may appear only once");
      seen_star = true;
      if (at(Tok::Comma) || at(end)) {
        if (at(end) || peek(1).kind == Tok::DoubleStar || peek(1).kind == end) {
          if (lambda) error_last("named arguments must follow bare *");
          error_token(st, "named arguments must follow bare *");
        }
      } else {
        a->vararg = std::make_unique<Arg>(param());
        if (at(Tok::Equal)) error_token(peek(), "var-positional argument cannot have default value");
      }
    } else if (at(Tok::DoubleStar)) {
      advance();
      a->kwarg = std::make_unique<Arg>(param());
    } else {
      Arg arg = param();
      ExprP def;
      if (at(Tok::Equal)) {
        const Token& eq = advance();
        if (at(Tok::Comma) || at(end)) error_token(eq, "expected default value expression");
        def = expression();
        if (!at(Tok::Comma) && !at(end)) check_missing_comma(def.get());
      }
      if (seen_star) {
        a->kwonlyargs.push_back(std::move(arg));
        a->kw_defaults.push_back(std::move(def));
      } else {
        if (def) {
          seen_default = true;
          a->defaults.push_back(std::move(def));
        } else if (seen_default) {
          error_node(arg.loc, "non-default argument follows default argument");
        }
        a->args.push_back(std::move(arg));
      }
    }
    if (!accept(Tok::Comma)) break;
  }
  if (a->kwarg && at(Tok::Equal)) error_token(peek(), "var-keyword argument cannot have default value");
  return a;
}

StmtP Parser::import_stmt() {
  const Token& start = advance();
  auto s = std::make_unique<Import>();
  do {
    const Token& n = peek();
    Alias al;
    al.name = expect_name();
    while (accept(Tok::Dot)) al.name += "." + expect_name();
    if (accept_kw("as")) al.asname = expect_name();
    al.loc = loc_of(n, prev());
    s->names.push_back(std::move(al));
  } while (accept(Tok::Comma));
  s->loc = from_to_prev(start);
  return s;
}

StmtP Parser::from_import_stmt() {
  const Token& start = advance();
  auto s = std::make_unique<ImportFrom>();
  while (at(Tok::Dot) || at(Tok::Ellipsis)) s->level += advance().kind == Tok::Dot ? 1 : 3;
  if (!at_kw("import")) {
    s->module = expect_name();
    while (accept(Tok::Dot)) s->module += "." + expect_name();
  }
  if (s->level == 0 && s->module.empty()) fail();
  expect_kw("import");
  if (at(Tok::Star)) {
    const Token& st = advance();
    Alias al;
    al.name = "*";
    al.loc = loc_of(st, st);
    s->names.push_back(std::move(al));
  } else {
    bool paren = accept(Tok::LPar);
    while (true) {
      const Token& n = peek();
      Alias al;
      al.name = expect_name();
      if (accept_kw("as")) al.asname = expect_name();
      al.loc = loc_of(n, prev());
      s->names.push_back(std::move(al));
      if (!accept(Tok::Comma)) break;
      if (paren && at(Tok::RPar)) break;
      if (!paren && at(Tok::Newline)) error_last("trailing comma not allowed without surrounding parentheses");
    }
    if (paren) expect(Tok::RPar);
  }
  s->loc = from_to_prev(start);
  return s;
}

}  // namespace compiler
