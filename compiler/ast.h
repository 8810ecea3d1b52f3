// The abstract syntax tree. Node kinds and field names follow Python's own `ast` module, so
// `minipy --ast` prints what `ast.dump(ast.parse(src), indent=2)` prints for the same source.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/object.h"

namespace compiler::ast {

// Source position: 1-based lines, 0-based columns counted in UTF-8 bytes (as CPython).
struct Loc {
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

enum class Ctx { Load, Store, Del };
enum class BoolOpKind { And, Or };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
using Operator = rt::BinOp;  // Add, Sub, Mult, ... (printed with Python's names)

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Expr;
struct Stmt;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprP>;
using StmtList = std::vector<StmtP>;

struct Expr {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Loc loc;
  Loc paren;  // the outermost parentheses around it, line 0 when there are none
  template <class T>
  T* as() { return static_cast<T*>(this); }
};

struct Stmt {
  explicit Stmt(StmtKind k) : kind(k) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  Loc loc;
  template <class T>
  T* as() { return static_cast<T*>(this); }
};

#define MINIPY_EXPR(Name) \
  struct Name : Expr {    \
    Name() : Expr(ExprKind::Name) {}
#define MINIPY_STMT(Name) \
  struct Name : Stmt {    \
    Name() : Stmt(StmtKind::Name) {}

// ---- helper records -------------------------------------------------------------------
struct Arg {
  std::string arg;
  Loc loc;
  std::shared_ptr<Expr> annotation;  // may be null; shared so that Arg stays copyable
};
struct Arguments {
  std::vector<Arg> posonlyargs;  // before `/`: bound only by position
  std::vector<Arg> args;
  std::unique_ptr<Arg> vararg;   // *args
  std::vector<Arg> kwonlyargs;
  ExprList kw_defaults;          // one per kwonlyarg; null where there is no default
  std::unique_ptr<Arg> kwarg;    // **kwargs
  ExprList defaults;             // for the last len(defaults) of args
};
struct Keyword {
  std::string arg;  // empty for **mapping
  ExprP value;
  Loc loc;
};
struct Alias {
  std::string name;    // dotted for import a.b
  std::string asname;  // empty if none
  Loc loc;
};
struct WithItem {
  ExprP context_expr;
  ExprP optional_vars;  // may be null
};
struct ExceptHandler {
  ExprP type;           // may be null (bare except)
  std::string name;     // empty if no `as`
  StmtList body;
  Loc loc;
};
struct Comprehension {
  ExprP target;
  ExprP iter;
  ExprList ifs;
};

// ---- expressions ----------------------------------------------------------------------
MINIPY_EXPR(BoolOp) BoolOpKind op; ExprList values; };
MINIPY_EXPR(NamedExpr) ExprP target; ExprP value; };
MINIPY_EXPR(BinOp) ExprP left; Operator op; ExprP right; };
MINIPY_EXPR(UnaryOp) UnaryOpKind op; ExprP operand; };
MINIPY_EXPR(Lambda) std::unique_ptr<Arguments> args; ExprP body; };
MINIPY_EXPR(IfExp) ExprP test; ExprP body; ExprP orelse; };
MINIPY_EXPR(Dict) ExprList keys; ExprList values; };  // a null key means **values[i]
MINIPY_EXPR(Set) ExprList elts; };
MINIPY_EXPR(ListComp) ExprP elt; std::vector<Comprehension> generators; };
MINIPY_EXPR(SetComp) ExprP elt; std::vector<Comprehension> generators; };
MINIPY_EXPR(DictComp) ExprP key; ExprP value; std::vector<Comprehension> generators; };
MINIPY_EXPR(GeneratorExp) ExprP elt; std::vector<Comprehension> generators; };
MINIPY_EXPR(Yield) ExprP value; };  // value may be null
MINIPY_EXPR(YieldFrom) ExprP value; };
MINIPY_EXPR(Compare) ExprP left; std::vector<CmpOpKind> ops; ExprList comparators; };
MINIPY_EXPR(Call) ExprP func; ExprList args; std::vector<Keyword> keywords; };
// conversion: -1 none, 's', 'r' or 'a'. format_spec is a JoinedStr or null.
MINIPY_EXPR(FormattedValue) ExprP value; int conversion = -1; ExprP format_spec; };
MINIPY_EXPR(JoinedStr) ExprList values; };  // Constant str and FormattedValue parts
// value: None, True, False, Ellipsis, int, float or str (an owned runtime value).
MINIPY_EXPR(Constant) rt::Ref value; bool kind_u = false; };  // kind_u: a u'' string (kind='u')
MINIPY_EXPR(Attribute) ExprP value; std::string attr; Ctx ctx = Ctx::Load; };
MINIPY_EXPR(Subscript) ExprP value; ExprP slice; Ctx ctx = Ctx::Load; };
MINIPY_EXPR(Starred) ExprP value; Ctx ctx = Ctx::Load; };
MINIPY_EXPR(Name) std::string id; Ctx ctx = Ctx::Load; };
MINIPY_EXPR(List) ExprList elts; Ctx ctx = Ctx::Load; };
MINIPY_EXPR(Tuple) ExprList elts; Ctx ctx = Ctx::Load; };
MINIPY_EXPR(Slice) ExprP lower; ExprP upper; ExprP step; };  // each may be null

// ---- statements -----------------------------------------------------------------------
MINIPY_STMT(FunctionDef) std::string name; std::unique_ptr<Arguments> args; StmtList body;
  ExprList decorator_list; ExprP returns; };
MINIPY_STMT(ClassDef) std::string name; ExprList bases; std::vector<Keyword> keywords;
  StmtList body; ExprList decorator_list; };
MINIPY_STMT(Return) ExprP value; };  // may be null
MINIPY_STMT(Delete) ExprList targets; };
MINIPY_STMT(Assign) ExprList targets; ExprP value; };  // a = b = value: two targets
MINIPY_STMT(AugAssign) ExprP target; Operator op; ExprP value; };
MINIPY_STMT(AnnAssign) ExprP target; ExprP annotation; ExprP value; bool simple = true; };
MINIPY_STMT(For) ExprP target; ExprP iter; StmtList body; StmtList orelse; };
MINIPY_STMT(While) ExprP test; StmtList body; StmtList orelse; };
MINIPY_STMT(If) ExprP test; StmtList body; StmtList orelse; };
MINIPY_STMT(With) std::vector<WithItem> items; StmtList body; };
MINIPY_STMT(Raise) ExprP exc; ExprP cause; };  // both may be null
MINIPY_STMT(Try) StmtList body; std::vector<ExceptHandler> handlers; StmtList orelse;
  StmtList finalbody; };
MINIPY_STMT(Assert) ExprP test; ExprP msg; };
MINIPY_STMT(Import) std::vector<Alias> names; };
MINIPY_STMT(ImportFrom) std::string module; std::vector<Alias> names; int level = 0; };
MINIPY_STMT(Global) std::vector<std::string> names; };
MINIPY_STMT(Nonlocal) std::vector<std::string> names; };
// The expression statement (Python's ast.Expr).
struct ExprStmt : Stmt {
  ExprStmt() : Stmt(StmtKind::Expr) {}
  ExprP value;
};
MINIPY_STMT(Pass) };
MINIPY_STMT(Break) };
MINIPY_STMT(Continue) };

#undef MINIPY_EXPR
#undef MINIPY_STMT

struct Module {
  StmtList body;
};

// ast.dump(tree, indent=2) of the tree, as Python prints it.
std::string dump(const Module& m);

}  // namespace compiler::ast
