// Unit tests of the parser (compiler/parser*.cpp): trees for precedence and associativity,
// assignment targets and contexts, f-strings, and syntax errors with CPython's messages,
// lines and offsets.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "runtime/error.h"
#include "runtime/ops.h"

namespace {

using namespace compiler;

// ast.dump(ast.parse(src)) without indentation is too long to read; the tests compare the
// indented dump of a single expression statement's value instead.
std::string dump(const std::string& src) {
  rt::runtime_init();
  ast::Module m = parse(src, "t.py");
  return ast::dump(m);
}

// "Type: msg (line, offset, end_line, end_offset)" for the error parsing [src] raises.
std::string error_of(const std::string& src) {
  rt::runtime_init();
  try {
    parse(src, "t.py");
  } catch (rt::PyError& e) {
    rt::Value exc = e.exc();
    auto* be = exc.as<rt::BaseException>();
    auto* t = be->args->item(1).as<rt::Tuple>();
    return std::string(rt::type_name(exc)) + ": " + rt::str_string(be->args->item(0)) + " (" +
           rt::repr_string(t->item(1)) + ", " + rt::repr_string(t->item(2)) + ", " + rt::repr_string(t->item(4)) +
           ", " + rt::repr_string(t->item(5)) + ")";
  }
  return "no error";
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(Parser, PowerBindsTighterThanUnaryMinusOnItsLeft) {
  std::string d = dump("-2 ** -3\n");
  EXPECT_TRUE(contains(d, "UnaryOp(\n        op=USub(),\n        operand=BinOp(")) << d;
  EXPECT_TRUE(contains(d, "op=Pow(),\n          right=UnaryOp(")) << d;
}

TEST(Parser, PowerIsRightAssociative) {
  std::string d = dump("a ** b ** c\n");
  EXPECT_TRUE(contains(d, "left=Name(id='a', ctx=Load()),\n        op=Pow(),\n        right=BinOp(")) << d;
}

TEST(Parser, SubtractionIsLeftAssociative) {
  std::string d = dump("a - b - c\n");
  EXPECT_TRUE(contains(d, "BinOp(\n        left=BinOp(\n          left=Name(id='a'")) << d;
}

TEST(Parser, MultiplicationBeforeAddition) {
  std::string d = dump("a + b * c\n");
  EXPECT_TRUE(contains(d, "op=Add(),\n        right=BinOp(\n          left=Name(id='b', ctx=Load()),\n          op=Mult()"))
      << d;
}

TEST(Parser, ChainedComparison) {
  std::string d = dump("a < b is not c not in d\n");
  EXPECT_TRUE(contains(d, "ops=[\n          Lt(),\n          IsNot(),\n          NotIn()]")) << d;
}

TEST(Parser, BooleanOperators) {
  std::string d = dump("not a or b and c\n");
  EXPECT_TRUE(contains(d, "BoolOp(\n        op=Or(),\n        values=[\n          UnaryOp(\n            op=Not()")) << d;
}

TEST(Parser, ConditionalAndLambda) {
  std::string d = dump("f = lambda x, *a, k=1: x if k else a\n");
  EXPECT_TRUE(contains(d, "value=Lambda(")) << d;
  EXPECT_TRUE(contains(d, "body=IfExp(")) << d;
  EXPECT_TRUE(contains(d, "kwonlyargs=[\n            arg(arg='k')]")) << d;
}

TEST(Parser, TargetsGetStoreAndDelContexts) {
  std::string d = dump("a, [b, *c] = x\ndel d[0], e.f\n");
  EXPECT_TRUE(contains(d, "Name(id='a', ctx=Store())")) << d;
  EXPECT_TRUE(contains(d, "Starred(\n                  value=Name(id='c', ctx=Store()),\n                  ctx=Store())")) << d;
  EXPECT_TRUE(contains(d, "Subscript(\n          value=Name(id='d', ctx=Load()),\n          slice=Constant(value=0),\n          ctx=Del())"))
      << d;
}

TEST(Parser, FStrings) {
  std::string d = dump("f'a{x!r:>{w}}b{y=}'\n");
  EXPECT_TRUE(contains(d, "Constant(value='a')")) << d;
  EXPECT_TRUE(contains(d, "conversion=114,\n            format_spec=JoinedStr(")) << d;
  EXPECT_TRUE(contains(d, "Constant(value='by=')")) << d;
}

TEST(Parser, StringConcatenation) {
  std::string d = dump("'a' \"b\" '''c'''\n");
  EXPECT_TRUE(contains(d, "Constant(value='abc')")) << d;
  d = dump("'\\x41\\u00e9\\n\\d'\n");
  EXPECT_TRUE(contains(d, "Constant(value='A\xC3\xA9\\n\\\\d')")) << d;
}

TEST(Parser, DeepNestingRaisesInsteadOfOverflowing) {
  rt::runtime_init();
  std::string deep = std::string(100000, '-') + "1\n";
  try {
    parse(deep, "t.py");
    FAIL() << "no error";
  } catch (rt::PyError& e) {
    EXPECT_STREQ(rt::type_name(e.exc()), "MemoryError");
  }
  std::string lambdas;
  for (int i = 0; i < 100000; i++) lambdas += "lambda:";
  try {
    parse(lambdas + "1\n", "t.py");
    FAIL() << "no error";
  } catch (rt::PyError& e) {
    EXPECT_STREQ(rt::type_name(e.exc()), "MemoryError");
  }
}

TEST(Parser, GenericErrors) {
  EXPECT_EQ(error_of("x = 1 2\n"), "SyntaxError: invalid syntax (1, 7, 1, 8)");
  EXPECT_EQ(error_of("x = 1 +\n"), "SyntaxError: invalid syntax (1, 8, 1, 8)");
  EXPECT_EQ(error_of("print((1,2)\n"), "SyntaxError: '(' was never closed (1, 6, 1, 0)");
  EXPECT_EQ(error_of("foo(1,\nx = 3\n"), "SyntaxError: '(' was never closed (1, 4, 1, 0)");
}

TEST(Parser, BlockErrors) {
  EXPECT_EQ(error_of("if x\n  y\n"), "SyntaxError: expected ':' (1, 5, 1, 5)");
  EXPECT_EQ(error_of("if x:\npass\n"),
            "IndentationError: expected an indented block after 'if' statement on line 1 (2, 1, 2, 5)");
  EXPECT_EQ(error_of("  x = 1\n"), "IndentationError: unexpected indent (1, 2, 1, -1)");
  EXPECT_EQ(error_of("try:\n  x\ny=1\n"), "SyntaxError: expected 'except' or 'finally' block (3, 1, 3, 2)");
  EXPECT_EQ(error_of("class A\n  pass\n"), "SyntaxError: expected ':' (1, 8, 1, 8)");
  EXPECT_EQ(error_of("def f:\n  pass\n"), "SyntaxError: expected '(' (1, 6, 1, 7)");
}

TEST(Parser, TargetErrors) {
  EXPECT_EQ(error_of("1 = x\n"), "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? (1, 1, 1, 2)");
  EXPECT_EQ(error_of("f() = x\n"),
            "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? (1, 1, 1, 4)");
  EXPECT_EQ(error_of("a = 1 = 2\n"), "SyntaxError: cannot assign to literal (1, 5, 1, 6)");
  EXPECT_EQ(error_of("del f()\n"), "SyntaxError: cannot delete function call (1, 5, 1, 8)");
  EXPECT_EQ(error_of("a, b += 1\n"), "SyntaxError: 'tuple' is an illegal expression for augmented assignment (1, 1, 1, 5)");
  EXPECT_EQ(error_of("for 1 in x: pass\n"), "SyntaxError: cannot assign to literal (1, 5, 1, 6)");
  EXPECT_EQ(error_of("(a.b := 1)\n"), "SyntaxError: cannot use assignment expressions with attribute (1, 2, 1, 5)");
  EXPECT_EQ(error_of("a, b: int\n"), "SyntaxError: only single target (not tuple) can be annotated (1, 1, 1, 2)");
}

TEST(Parser, ExpressionErrors) {
  EXPECT_EQ(error_of("print \"hi\"\n"),
            "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? (1, 1, 1, 11)");
  EXPECT_EQ(error_of("f(a=1, 2)\n"), "SyntaxError: positional argument follows keyword argument (1, 9, 1, 10)");
  EXPECT_EQ(error_of("print(1 2)\n"), "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1, 7, 1, 10)");
  EXPECT_EQ(error_of("x = 1 if 2\n"), "SyntaxError: expected 'else' after 'if' expression (1, 5, 1, 11)");
  EXPECT_EQ(error_of("if x = 1:\n  pass\n"),
            "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? (1, 4, 1, 9)");
  EXPECT_EQ(error_of("def f(a=1, b):\n  pass\n"), "SyntaxError: non-default argument follows default argument (1, 12, 1, 13)");
}

TEST(Parser, FStringErrors) {
  EXPECT_EQ(error_of("x = f\"{}\"\n"), "SyntaxError: f-string: empty expression not allowed (1, 10, 1, 10)");
  EXPECT_EQ(error_of("x = f\"a}\"\n"), "SyntaxError: f-string: single '}' is not allowed (1, 10, 1, 10)");
  EXPECT_EQ(error_of("x = f\"{a b}\"\n"), "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1, 2, 1, 5)");
}

TEST(Parser, EvalMode) {
  rt::runtime_init();
  ast::Module m = parse("1 + 2\n", "<string>", Mode::Eval);
  ASSERT_EQ(m.body.size(), 1u);
  EXPECT_EQ(m.body[0]->kind, ast::StmtKind::Expr);
}

TEST(Parser, Locations) {
  rt::runtime_init();
  ast::Module m = parse("x = [1,\n     f(y)]\n", "t.py");
  auto* a = m.body[0]->as<ast::Assign>();
  EXPECT_EQ(a->loc.line, 1);
  EXPECT_EQ(a->loc.end_line, 2);
  EXPECT_EQ(a->loc.end_col, 10);
  auto* call = a->value->as<ast::List>()->elts[1].get();
  EXPECT_EQ(call->loc.line, 2);
  EXPECT_EQ(call->loc.col, 5);
  EXPECT_EQ(call->loc.end_col, 9);
}

}  // namespace
