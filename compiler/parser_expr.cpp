// The parser's expressions: precedence climbing for the binary operators, loops for prefix
// operators (so long chains do not recurse), displays, comprehensions, calls and slices,
// with CPython 3.11's specialised errors ("Perhaps you forgot a comma?", ...).
#include <fmt/format.h>

#include <cstdlib>

#include "compiler/parser.h"
#include "compiler/parser_util.h"
#include "runtime/error.h"

namespace compiler {

using namespace ast;

namespace {

// Deeper nesting than this raises MemoryError, as CPython's parser does past its stack
// limit; it keeps the C++ stack (and the compiler's recursion over the tree) bounded.
constexpr int kMaxDepth = 4000;

}  // namespace

// Counts nesting while parsing a sub-expression; [n] levels at once for prefix chains.
struct DepthGuard {
  Parser& p;
  int n;
  DepthGuard(Parser& parser, int levels = 1) : p(parser), n(levels) {
    p.depth_ += n;
    if (p.depth_ > kMaxDepth) {
      p.depth_ -= n;
      rt::raise(rt::Value::from_obj(&rt::exc_MemoryError));
    }
  }
  ~DepthGuard() { p.depth_ -= n; }
};

namespace {

template <class T>
std::unique_ptr<T> node(const Loc& l) {
  auto n = std::make_unique<T>();
  n->loc = l;
  return n;
}

// Where [e] starts and ends for the node around it: with its parentheses when it has any, as
// CPython's grammar spans a node from its first token to its last.
template <class P>
const Loc& outer(const P& e) {
  return e->paren.line ? e->paren : e->loc;
}

ExprP constant(rt::Value v, const Loc& l) {
  auto c = node<Constant>(l);
  c->value = rt::Ref::steal(v);
  return c;
}

// The precedence of a binary operator token (0: not one) and its operator.
int binop_prec(Tok k, Operator* op) {
  switch (k) {
    case Tok::VBar: *op = Operator::Or; return 1;
    case Tok::Circumflex: *op = Operator::Xor; return 2;
    case Tok::Amper: *op = Operator::And; return 3;
    case Tok::LeftShift: *op = Operator::LShift; return 4;
    case Tok::RightShift: *op = Operator::RShift; return 4;
    case Tok::Plus: *op = Operator::Add; return 5;
    case Tok::Minus: *op = Operator::Sub; return 5;
    case Tok::Star: *op = Operator::Mul; return 6;
    case Tok::Slash: *op = Operator::TrueDiv; return 6;
    case Tok::DoubleSlash: *op = Operator::FloorDiv; return 6;
    case Tok::Percent: *op = Operator::Mod; return 6;
    case Tok::At: *op = Operator::MatMul; return 6;
    default: return 0;
  }
}

bool is_soft_keyword(const std::string& s) { return s == "match" || s == "case" || s == "_"; }

}  // namespace

bool Parser::starts_expression(int k) {
  const Token& t = peek(k);
  switch (t.kind) {
    case Tok::Name:
      if (!is_keyword(t.text)) return true;
      return t.text == "not" || t.text == "lambda" || t.text == "True" || t.text == "False" ||
             t.text == "None" || t.text == "await";
    case Tok::Number:
    case Tok::String:
    case Tok::LPar:
    case Tok::LSqb:
    case Tok::LBrace:
    case Tok::Minus:
    case Tok::Plus:
    case Tok::Tilde:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

// Speculatively parses a bitwise_or after the '=' at the cursor: true if one is there and
// is not followed by '=' or ':=' (CPython's invalid_named_expression lookaheads).
bool Parser::is_bitwise_or_here() {
  try {
    Speculation spec(*this);
    pos_++;
    bitwise(1);
    return !at(Tok::Equal) && !at(Tok::ColonEqual);
  } catch (SpecFail&) {
    return false;
  }
}

// "Missing parentheses in call to 'print'" when a print/exec name is followed by an
// expression list.
void Parser::check_legacy_print(const Expr* a) {
  if (a->kind != ExprKind::Name) return;
  const std::string& id = static_cast<const Name*>(a)->id;
  if (id != "print" && id != "exec") return;
  if (!starts_expression() && !at(Tok::Star)) return;
  Loc end;
  bool ok = false;
  try {
    Speculation spec(*this);
    ExprP b = star_expressions();
    end = b->loc;
    ok = true;
  } catch (SpecFail&) {
  }
  if (ok) error_range(a->loc, end, fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id));
}

// CPython's level of the last token read: the bracket depth after it (a closing bracket
// counts outside the brackets it closes).
int Parser::level_after_prev() const {
  const Token& t = prev();
  bool closing = t.kind == Tok::RPar || t.kind == Tok::RSqb || t.kind == Tok::RBrace;
  return t.level - (closing ? 1 : 0);
}

// Inside brackets, two expressions side by side: "invalid syntax. Perhaps you forgot a comma?"
// [a] is the expression just parsed; the hint names the innermost expression that ends here
// (the else branch of a conditional, a lambda's body, a walrus or yield value), as CPython's
// invalid_expression rule fires there.
void Parser::check_missing_comma(const Expr* a) {
  if (!starts_expression() || level_after_prev() == 0) return;
  for (;;) {
    const Expr* inner = nullptr;
    switch (a->kind) {
      case ExprKind::IfExp: inner = static_cast<const IfExp*>(a)->orelse.get(); break;
      case ExprKind::Lambda: inner = static_cast<const Lambda*>(a)->body.get(); break;
      case ExprKind::NamedExpr: inner = static_cast<const NamedExpr*>(a)->value.get(); break;
      case ExprKind::Yield: inner = static_cast<const Yield*>(a)->value.get(); break;
      case ExprKind::YieldFrom: inner = static_cast<const YieldFrom*>(a)->value.get(); break;
      default: break;
    }
    if (inner == nullptr) break;
    a = inner;
  }
  if (a->kind == ExprKind::Name) {
    const std::string& id = static_cast<const Name*>(a)->id;
    if (id == "print" || id == "exec") {
      check_legacy_print(a);
      return;
    }
  }
  ExprKind k = a->kind;
  if (k == ExprKind::Starred || k == ExprKind::Yield || k == ExprKind::Tuple) return;
  // !(NAME STRING | SOFT_KEYWORD): find a's first token.
  size_t first = pos_;
  while (first > 0) {
    const Token& t = tokens_[first - 1];
    Loc tl = loc_of(t, t);
    if (tl.line < a->loc.line || (tl.line == a->loc.line && tl.col < a->loc.col)) break;
    first--;
  }
  const Token& ft = tokens_[first];
  if (ft.kind == Tok::Name && (is_soft_keyword(ft.text) || tokens_[first + 1].kind == Tok::String)) return;
  Loc end;
  bool ok = false;
  try {
    Speculation spec(*this);
    ExprP b = expression();
    end = b->loc;
    ok = true;
  } catch (SpecFail&) {
  }
  if (ok) error_range(a->loc, end, "invalid syntax. Perhaps you forgot a comma?");
}

ExprP Parser::star_expressions() {
  ExprP e = star_expression();
  if (!at(Tok::Comma)) return e;
  auto t = node<Tuple>(outer(e));
  t->elts.push_back(std::move(e));
  while (accept(Tok::Comma)) {
    if (!starts_expression() && !at(Tok::Star)) break;
    t->elts.push_back(star_expression());
  }
  t->loc = from_to_prev(t->loc);
  return t;
}

ExprP Parser::star_expression() {
  if (at(Tok::Star)) {
    const Token& st = advance();
    ExprP v = bitwise(1);
    auto s = node<Starred>(span(loc_of(st, st), v->loc));
    s->value = std::move(v);
    return s;
  }
  return expression();
}

ExprP Parser::star_named_expression() {
  if (at(Tok::Star)) return star_expression();
  return named_expression();
}

ExprP Parser::named_expression() {
  if (at_name() && peek(1).kind == Tok::ColonEqual) {
    const Token& n = advance();
    advance();
    auto target = node<Name>(loc_of(n, n));
    target->id = n.text;
    target->ctx = Ctx::Store;
    ExprP v = expression();
    auto ne = node<NamedExpr>(span(outer(target), outer(v)));
    ne->target = std::move(target);
    ne->value = std::move(v);
    return ne;
  }
  ExprP e = expression();
  if (at(Tok::ColonEqual)) {
    size_t save = pos_;
    advance();
    bool rhs = starts_expression();
    pos_ = save;
    if (rhs) error_node(e->loc, fmt::format("cannot use assignment expressions with {}", expr_name(e.get())));
  }
  if (at(Tok::Equal) && is_bitwise_or_here()) {
    if (e->kind == ExprKind::Name && tokens_[pos_ - 1].kind == Tok::Name) {
      size_t save = pos_;
      pos_++;
      ExprP b = bitwise(1);
      pos_ = save;
      error_range(e->loc, b->loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (is_bitwise_or_node(e.get())) {
      size_t first = pos_;
      while (first > 0) {
        Loc tl = loc_of(tokens_[first - 1], tokens_[first - 1]);
        if (tl.line < e->loc.line || (tl.line == e->loc.line && tl.col < e->loc.col)) break;
        first--;
      }
      if (!starts_with_display(e.get(), tokens_[first]))
        error_node(e->loc, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                       expr_name(e.get())));
    }
  }
  return e;
}

ExprP Parser::expression() {
  DepthGuard guard(*this);
  if (at_kw("lambda")) return lambdef();
  ExprP body = disjunction();
  if (!at_kw("if")) return body;
  advance();
  ExprP test = disjunction();
  if (!at_kw("else")) {
    if (!at(Tok::Colon)) error_range(body->loc, test->loc, "expected 'else' after 'if' expression");
    fail();
  }
  advance();
  ExprP orelse = expression();
  auto e = node<IfExp>(span(outer(body), outer(orelse)));
  e->test = std::move(test);
  e->body = std::move(body);
  e->orelse = std::move(orelse);
  return e;
}

ExprP Parser::disjunction() {
  ExprP first = conjunction();
  if (!at_kw("or")) return first;
  auto b = node<BoolOp>(outer(first));
  b->op = BoolOpKind::Or;
  b->values.push_back(std::move(first));
  while (accept_kw("or")) b->values.push_back(conjunction());
  b->loc = span(outer(b), outer(b->values.back()));
  return b;
}

ExprP Parser::conjunction() {
  ExprP first = inversion();
  if (!at_kw("and")) return first;
  auto b = node<BoolOp>(outer(first));
  b->op = BoolOpKind::And;
  b->values.push_back(std::move(first));
  while (accept_kw("and")) b->values.push_back(inversion());
  b->loc = span(outer(b), outer(b->values.back()));
  return b;
}

ExprP Parser::inversion() {
  std::vector<Loc> nots;
  while (at_kw("not")) {
    const Token& t = advance();  // not loc_of(advance(), prev()): argument order is unspecified
    nots.push_back(loc_of(t, t));
  }
  if (nots.empty()) return comparison();
  DepthGuard guard(*this, int(nots.size()));
  ExprP e = comparison();
  for (size_t i = nots.size(); i-- > 0;) {
    auto u = node<UnaryOp>(span(nots[i], outer(e)));
    u->op = UnaryOpKind::Not;
    u->operand = std::move(e);
    e = std::move(u);
  }
  return e;
}

ExprP Parser::comparison() {
  ExprP left = bitwise(1);
  std::unique_ptr<Compare> c;
  while (true) {
    CmpOpKind op;
    const Token& t = peek();
    switch (t.kind) {
      case Tok::EqEqual: op = CmpOpKind::Eq; break;
      case Tok::NotEqual:
        if (t.text == "<>") fail();  // only under `from __future__ import barry_as_FLUFL`
        op = CmpOpKind::NotEq;
        break;
      case Tok::Less: op = CmpOpKind::Lt; break;
      case Tok::LessEqual: op = CmpOpKind::LtE; break;
      case Tok::Greater: op = CmpOpKind::Gt; break;
      case Tok::GreaterEqual: op = CmpOpKind::GtE; break;
      case Tok::Name:
        if (t.text == "in") {
          op = CmpOpKind::In;
        } else if (t.text == "is") {
          op = peek(1).kind == Tok::Name && peek(1).text == "not" ? CmpOpKind::IsNot : CmpOpKind::Is;
        } else if (t.text == "not" && peek(1).kind == Tok::Name && peek(1).text == "in") {
          op = CmpOpKind::NotIn;
        } else {
          goto done;
        }
        break;
      default: goto done;
    }
    advance();
    if (op == CmpOpKind::IsNot || op == CmpOpKind::NotIn) advance();
    if (!c) {
      c = node<Compare>(outer(left));
      c->left = std::move(left);
    }
    c->ops.push_back(op);
    c->comparators.push_back(bitwise(1));
  }
done:
  if (!c) return left;
  c->loc = span(outer(c), outer(c->comparators.back()));
  return c;
}

// Binary operators from | (precedence 1) to * / // % @ (6), left associative.
ExprP Parser::bitwise(int min_prec) {
  ExprP left = factor();
  while (true) {
    Operator op;
    int prec = binop_prec(peek().kind, &op);
    if (prec == 0 || prec < min_prec) return left;
    advance();
    ExprP right = bitwise(prec + 1);
    auto b = node<BinOp>(span(outer(left), outer(right)));
    b->left = std::move(left);
    b->op = op;
    b->right = std::move(right);
    left = std::move(b);
  }
}

ExprP Parser::factor() {
  std::vector<std::pair<UnaryOpKind, Loc>> ops;
  while (true) {
    const Token& t = peek();
    UnaryOpKind k;
    if (t.kind == Tok::Minus) k = UnaryOpKind::USub;
    else if (t.kind == Tok::Plus) k = UnaryOpKind::UAdd;
    else if (t.kind == Tok::Tilde) k = UnaryOpKind::Invert;
    else break;
    advance();
    ops.push_back({k, loc_of(t, t)});
  }
  if (ops.empty()) return power();
  DepthGuard guard(*this, int(ops.size()));
  ExprP e = power();
  for (size_t i = ops.size(); i-- > 0;) {
    auto u = node<UnaryOp>(span(ops[i].second, outer(e)));
    u->op = ops[i].first;
    u->operand = std::move(e);
    e = std::move(u);
  }
  return e;
}

ExprP Parser::power() {
  ExprP base = primary();
  if (!accept(Tok::DoubleStar)) return base;
  DepthGuard guard(*this);
  ExprP exp = factor();
  auto b = node<BinOp>(span(outer(base), outer(exp)));
  b->left = std::move(base);
  b->op = Operator::Pow;
  b->right = std::move(exp);
  return b;
}

ExprP Parser::primary() {
  ExprP e = atom();
  while (true) {
    if (at(Tok::Dot)) {
      advance();
      const Token& n = peek();
      std::string attr = expect_name();
      auto a = node<Attribute>(span(outer(e), loc_of(n, n)));
      a->value = std::move(e);
      a->attr = std::move(attr);
      e = std::move(a);
    } else if (at(Tok::LPar)) {
      e = call(std::move(e));
    } else if (at(Tok::LSqb)) {
      advance();
      ExprP s = slices();
      expect(Tok::RSqb);
      auto sub = node<Subscript>(from_to_prev(outer(e)));
      sub->value = std::move(e);
      sub->slice = std::move(s);
      e = std::move(sub);
    } else {
      return e;
    }
  }
}

ExprP Parser::slices() {
  ExprP first = slice();
  if (!at(Tok::Comma)) return first;
  auto t = node<Tuple>(outer(first));
  t->elts.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    t->elts.push_back(slice());
  }
  t->loc = from_to_prev(t->loc);
  return t;
}

ExprP Parser::slice() {
  const Token& start = peek();
  ExprP lower;
  if (!at(Tok::Colon)) {
    ExprP e = at(Tok::Star) ? star_expression() : named_expression();
    if (!at(Tok::Colon)) {
      if (!at(Tok::Comma) && !at(Tok::RSqb)) check_missing_comma(e.get());
      return e;
    }
    lower = std::move(e);
  }
  expect(Tok::Colon);
  auto s = std::make_unique<Slice>();
  s->lower = std::move(lower);
  if (starts_expression()) s->upper = expression();
  if (accept(Tok::Colon) && starts_expression()) s->step = expression();
  s->loc = from_to_prev(start);
  return s;
}

// A call's arguments, from '(' to ')'.
ExprP Parser::call(ExprP func) {
  const Token& lpar = advance();
  auto c = std::make_unique<Call>();
  bool seen_kw_unpack = false;
  bool positional_after_kw = false;
  while (!at(Tok::RPar)) {
    const Token& t = peek();
    const Expr* last = nullptr;
    if (t.kind == Tok::Star) {
      advance();
      if (seen_kw_unpack) error_token(t, "iterable argument unpacking follows keyword argument unpacking");
      ExprP v = expression();
      auto s = node<Starred>(span(loc_of(t, t), v->loc));
      if (at_kw("for") && c->args.empty() && c->keywords.empty())
        error_node(s->loc, "iterable unpacking cannot be used in comprehension");
      s->value = std::move(v);
      last = s->value.get();
      c->args.push_back(std::move(s));
    } else if (t.kind == Tok::DoubleStar) {
      advance();
      Keyword k;
      k.value = expression();
      k.loc = span(loc_of(t, t), k.value->loc);
      seen_kw_unpack = true;
      last = k.value.get();
      c->keywords.push_back(std::move(k));
    } else if (t.kind == Tok::Name && peek(1).kind == Tok::Equal) {
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        error_range(loc_of(t, t), loc_of(peek(1), peek(1)), fmt::format("cannot assign to {}", t.text));
      }
      if (is_keyword(t.text)) fail();
      advance();
      advance();
      Keyword k;
      k.arg = t.text;
      k.value = expression();
      if (at_kw("for")) {
        error_range(loc_of(t, t), loc_of(tokens_[pos_ - 1], tokens_[pos_ - 1]),
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      k.loc = span(loc_of(t, t), k.value->loc);
      last = k.value.get();
      c->keywords.push_back(std::move(k));
    } else {
      ExprP e = at_name() && peek(1).kind == Tok::ColonEqual ? named_expression() : expression();
      if (at(Tok::Equal)) {
        error_range(e->loc, loc_of(peek(), peek()), "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (at_kw("for")) {
        auto g = node<GeneratorExp>(e->loc);
        g->generators = for_if_clauses();
        g->elt = std::move(e);
        if (c->args.empty() && c->keywords.empty() && at(Tok::RPar)) {
          g->loc = loc_of(lpar, peek());
          c->args.push_back(std::move(g));
          break;
        }
        if (!at(Tok::Comma) && !at(Tok::RPar)) fail();
        const Comprehension& lastc = g->generators.back();
        const Expr* end = lastc.ifs.empty() ? lastc.iter.get() : lastc.ifs.back().get();
        error_range(g->elt->loc, end->loc, "Generator expression must be parenthesized");
      }
      if (!c->keywords.empty()) positional_after_kw = true;
      last = e.get();
      c->args.push_back(std::move(e));
    }
    if (!at(Tok::Comma) && !at(Tok::RPar)) check_missing_comma(last);
    if (!accept(Tok::Comma)) break;
  }
  if (positional_after_kw) {
    if (at(Tok::RPar)) {
      bool unpack = false;
      for (auto& k : c->keywords)
        if (k.arg.empty()) unpack = true;
      error_last(unpack ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument");
    }
    fail();
  }
  expect(Tok::RPar);
  c->loc = from_to_prev(outer(func));
  c->func = std::move(func);
  return c;
}

ExprP Parser::atom() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Name: {
      if (!is_keyword(t.text)) {
        advance();
        auto n = node<Name>(loc_of(t, t));
        n->id = t.text;
        return n;
      }
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        advance();
        rt::Value v = t.text == "True" ? rt::True() : t.text == "False" ? rt::False() : rt::None();
        return constant(v, loc_of(t, t));
      }
      if (t.text == "lambda") return lambdef();
      fail();
    }
    case Tok::Number: {
      advance();
      std::string digits;
      for (char ch : t.text)
        if (ch != '_') digits += ch;
      Loc l = loc_of(t, t);
      char last = digits.back();
      if (last == 'j' || last == 'J') error_token(t, "complex literals are not supported");
      if (digits.size() > 1 && digits[0] == '0' && std::string("xXoObB").find(digits[1]) != std::string::npos) {
        int base = (digits[1] == 'x' || digits[1] == 'X') ? 16 : (digits[1] == 'o' || digits[1] == 'O') ? 8 : 2;
        return constant(rt::int_from_string(digits.substr(2), base), l);
      }
      if (digits.find_first_of(".eE") != std::string::npos) {
        return constant(rt::Value::from_double(std::strtod(digits.c_str(), nullptr)), l);
      }
      return constant(rt::int_from_string(digits, 10), l);
    }
    case Tok::String:
      return strings();
    case Tok::LPar:
      return paren_atom();
    case Tok::LSqb:
      return list_atom();
    case Tok::LBrace:
      return brace_atom();
    case Tok::Ellipsis:
      advance();
      return constant(rt::Ellipsis(), loc_of(t, t));
    default:
      fail();
  }
}

ExprP Parser::paren_atom() {
  const Token& lpar = advance();
  if (accept(Tok::RPar)) return node<Tuple>(loc_of(lpar, prev()));
  if (at_kw("yield")) {
    ExprP y = yield_expr();
    expect(Tok::RPar);
    y->paren = loc_of(lpar, prev());
    return y;
  }
  if (at(Tok::DoubleStar)) {
    const Token& ds = advance();
    expression();
    if (at(Tok::RPar)) error_token(ds, "cannot use double starred expression here");
    fail();
  }
  ExprP first = star_named_expression();
  if (at_kw("for")) {
    auto g = std::make_unique<GeneratorExp>();
    g->generators = for_if_clauses();
    g->elt = std::move(first);
    expect(Tok::RPar);
    g->loc = loc_of(lpar, prev());
    return g;
  }
  if (at(Tok::Comma)) {
    auto t = std::make_unique<Tuple>();
    t->elts.push_back(std::move(first));
    while (accept(Tok::Comma)) {
      if (at(Tok::RPar)) break;
      t->elts.push_back(star_named_expression());
      if (!at(Tok::Comma) && !at(Tok::RPar)) check_missing_comma(t->elts.back().get());
    }
    expect(Tok::RPar);
    t->loc = loc_of(lpar, prev());
    return t;
  }
  if (!at(Tok::RPar)) check_missing_comma(first.get());
  expect(Tok::RPar);
  if (first->kind == ExprKind::Starred) error_node(first->loc, "cannot use starred expression here");
  first->paren = loc_of(lpar, prev());
  return first;
}

ExprP Parser::list_atom() {
  const Token& lsqb = advance();
  if (accept(Tok::RSqb)) return node<List>(loc_of(lsqb, prev()));
  ExprP first = star_named_expression();
  if (at_kw("for")) {
    if (first->kind == ExprKind::Starred)
      error_node(first->loc, "iterable unpacking cannot be used in comprehension");
    auto g = std::make_unique<ListComp>();
    g->generators = for_if_clauses();
    g->elt = std::move(first);
    expect(Tok::RSqb);
    g->loc = loc_of(lsqb, prev());
    return g;
  }
  auto l = std::make_unique<List>();
  l->elts.push_back(std::move(first));
  while (true) {
    if (!at(Tok::Comma) && !at(Tok::RSqb)) check_missing_comma(l->elts.back().get());
    if (!accept(Tok::Comma) || at(Tok::RSqb)) break;
    l->elts.push_back(star_named_expression());
  }
  if (at_kw("for") && l->elts.size() > 1)
    error_range(l->elts[0]->loc, l->elts.back()->loc, "did you forget parentheses around the comprehension target?");
  expect(Tok::RSqb);
  l->loc = loc_of(lsqb, prev());
  return l;
}

// A dict display's value, from the ':' after its key.
ExprP Parser::dict_value() {
  const Token& colon = advance();
  if (at(Tok::RBrace) || at(Tok::Comma))
    error_token(colon, "expression expected after dictionary key and ':'");
  if (at(Tok::Star))
    error_node(star_expression()->loc, "cannot use a starred expression in a dictionary value");
  return expression();
}

// After a dict display's value: the missing-comma hint when another expression follows.
void Parser::check_dict_comma(const Expr* value) {
  if (!at(Tok::Comma) && !at(Tok::RBrace) && !at_kw("for")) check_missing_comma(value);
}

ExprP Parser::brace_atom() {
  const Token& lbrace = advance();
  if (accept(Tok::RBrace)) return node<Dict>(loc_of(lbrace, prev()));
  ExprP first_key;
  if (at(Tok::DoubleStar)) {
    advance();
  } else {
    first_key = star_named_expression();
  }
  if (!first_key || at(Tok::Colon)) {
    // A dict display or comprehension.
    auto d = std::make_unique<Dict>();
    ExprP value;
    if (first_key) {
      value = dict_value();
    } else {
      value = bitwise(1);
    }
    if (first_key && at_kw("for")) {
      auto g = std::make_unique<DictComp>();
      g->generators = for_if_clauses();
      g->key = std::move(first_key);
      g->value = std::move(value);
      expect(Tok::RBrace);
      g->loc = loc_of(lbrace, prev());
      return g;
    }
    if (first_key) check_dict_comma(value.get());
    d->keys.push_back(std::move(first_key));
    d->values.push_back(std::move(value));
    while (accept(Tok::Comma)) {
      if (at(Tok::RBrace)) break;
      if (accept(Tok::DoubleStar)) {
        d->keys.push_back(nullptr);
        d->values.push_back(bitwise(1));
      } else {
        d->keys.push_back(expression());
        if (!at(Tok::Colon)) {
          const Loc& a = d->keys.back()->loc;
          error_raw(nullptr, "':' expected after dictionary key", a.line - line_shift_, a.end_col - 1,
                    a.end_line - line_shift_, -1);
        }
        d->values.push_back(dict_value());
        check_dict_comma(d->values.back().get());
      }
    }
    expect(Tok::RBrace);
    d->loc = loc_of(lbrace, prev());
    return d;
  }
  if (at_kw("for")) {
    if (first_key->kind == ExprKind::Starred)
      error_node(first_key->loc, "iterable unpacking cannot be used in comprehension");
    auto g = std::make_unique<SetComp>();
    g->generators = for_if_clauses();
    g->elt = std::move(first_key);
    expect(Tok::RBrace);
    g->loc = loc_of(lbrace, prev());
    return g;
  }
  auto s = std::make_unique<Set>();
  s->elts.push_back(std::move(first_key));
  while (true) {
    if (!at(Tok::Comma) && !at(Tok::RBrace)) check_missing_comma(s->elts.back().get());
    if (!accept(Tok::Comma) || at(Tok::RBrace)) break;
    s->elts.push_back(star_named_expression());
  }
  expect(Tok::RBrace);
  s->loc = loc_of(lbrace, prev());
  return s;
}

std::vector<Comprehension> Parser::for_if_clauses() {
  std::vector<Comprehension> gens;
  while (at_kw("for")) {
    advance();
    Comprehension c;
    size_t p = pos_;
    c.target = star_targets_expr();
    if (!at_kw("in")) {
      pos_ = p;
      ExprP e = star_expressions();
      check_target(e.get(), false, true);
      expect_kw("in");
    }
    check_target(c.target.get(), false, true);
    set_ctx(c.target.get(), Ctx::Store);
    advance();
    c.iter = disjunction();
    while (accept_kw("if")) c.ifs.push_back(disjunction());
    gens.push_back(std::move(c));
  }
  return gens;
}

// Assignment targets of for/with/comprehensions: a comma list of (starred) bitwise_or.
ExprP Parser::star_targets_expr(bool single) {
  auto one = [&]() -> ExprP {
    if (at(Tok::Star)) {
      const Token& st = advance();
      ExprP v = bitwise(1);
      auto s = node<Starred>(span(loc_of(st, st), v->loc));
      s->value = std::move(v);
      return s;
    }
    return bitwise(1);
  };
  ExprP first = one();
  if (single || !at(Tok::Comma)) return first;
  auto t = node<Tuple>(outer(first));
  t->elts.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (!starts_expression() && !at(Tok::Star)) break;
    t->elts.push_back(one());
  }
  t->loc = from_to_prev(t->loc);
  return t;
}

ExprP Parser::lambdef() {
  const Token& lam = advance();
  auto l = std::make_unique<Lambda>();
  l->args = parameters(true);
  expect(Tok::Colon);
  l->body = expression();
  l->loc = span(loc_of(lam, lam), l->body->loc);
  return l;
}

ExprP Parser::yield_expr() {
  const Token& y = advance();
  if (accept_kw("from")) {
    auto e = std::make_unique<YieldFrom>();
    e->value = expression();
    e->loc = span(loc_of(y, y), e->value->loc);
    return e;
  }
  auto e = node<Yield>(loc_of(y, y));
  if (starts_expression() || at(Tok::Star)) {
    e->value = star_expressions();
    e->loc = span(outer(e), outer(e->value));
  }
  return e;
}

}  // namespace compiler
