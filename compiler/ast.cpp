// ast::dump: the tree printed exactly as Python 3.11's ast.dump(tree, indent=2), the same
// algorithm (fields in ASDL order, None-valued optional fields left out, a node printed on
// one line when it has at most three simple fields).
#include <pthread.h>

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "compiler/ast.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/thread_state.h"

namespace compiler::ast {

namespace {

// A formatted value and whether ast.dump counts it as "simple".
struct F {
  std::string s;
  bool simple;
};

using Fields = std::vector<std::pair<const char*, F>>;

// Nesting of nodes being printed: deeper than CPython's limit for converting a tree to
// Python objects (3 x the recursion limit of 1000) raises its RecursionError.
thread_local int node_depth = 0;
constexpr int kMaxNodeDepth = 3000;

struct NodeDepth {
  NodeDepth() {
    if (++node_depth > kMaxNodeDepth) {
      node_depth--;
      rt::raise_msg(&rt::exc_RecursionError, "maximum recursion depth exceeded during ast construction");
    }
  }
  ~NodeDepth() { node_depth--; }
};

std::string prefix(int level) { return "\n" + std::string(2 * level, ' '); }

// Python's _format for a node whose fields were formatted at [level] + 1.
F make(const char* cls, const Fields& fields, int level) {
  int l = level + 1;
  bool allsimple = true;
  for (auto& f : fields) allsimple = allsimple && f.second.simple;
  std::string out = cls;
  out += "(";
  if (allsimple && fields.size() <= 3) {
    for (size_t i = 0; i < fields.size(); i++) {
      if (i) out += ", ";
      out += fields[i].first;
      out += "=";
      out += fields[i].second.s;
    }
    return {out + ")", fields.empty()};
  }
  out += prefix(l);
  for (size_t i = 0; i < fields.size(); i++) {
    if (i) out += "," + prefix(l);
    out += fields[i].first;
    out += "=";
    out += fields[i].second.s;
  }
  return {out + ")", false};
}

F make_list(const std::vector<std::string>& items, int level) {
  if (items.empty()) return {"[]", true};
  int l = level + 1;
  std::string out = "[" + prefix(l);
  for (size_t i = 0; i < items.size(); i++) {
    if (i) out += "," + prefix(l);
    out += items[i];
  }
  return {out + "]", false};
}

std::string py_str(const std::string& s) {
  rt::Ref v = rt::Ref::steal(rt::str_value(s));
  return rt::repr_string(v.get());
}

F str_field(const std::string& s) { return {py_str(s), true}; }
F int_field(int64_t i) { return {std::to_string(i), true}; }

const char* operator_name(Operator op) {
  switch (op) {
    case Operator::Add: return "Add()";
    case Operator::Sub: return "Sub()";
    case Operator::Mul: return "Mult()";
    case Operator::TrueDiv: return "Div()";
    case Operator::FloorDiv: return "FloorDiv()";
    case Operator::Mod: return "Mod()";
    case Operator::Pow: return "Pow()";
    case Operator::LShift: return "LShift()";
    case Operator::RShift: return "RShift()";
    case Operator::And: return "BitAnd()";
    case Operator::Or: return "BitOr()";
    case Operator::Xor: return "BitXor()";
    case Operator::MatMul: return "MatMult()";
  }
  return "?";
}

const char* cmpop_name(CmpOpKind op) {
  static const char* const names[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()", "IsNot()", "In()", "NotIn()"};
  return names[static_cast<int>(op)];
}

const char* unaryop_name(UnaryOpKind op) {
  static const char* const names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
  return names[static_cast<int>(op)];
}

F ctx_field(Ctx c) { return {c == Ctx::Load ? "Load()" : c == Ctx::Store ? "Store()" : "Del()", true}; }

F expr(const Expr* e, int level);
F stmt(const Stmt* s, int level);

F expr_list(const ExprList& list, int level) {
  std::vector<std::string> items;
  for (auto& e : list) items.push_back(e ? expr(e.get(), level + 1).s : "None");
  return make_list(items, level);
}

F stmt_list(const StmtList& list, int level) {
  std::vector<std::string> items;
  for (auto& s : list) items.push_back(stmt(s.get(), level + 1).s);
  return make_list(items, level);
}

F name_list(const std::vector<std::string>& names, int level) {
  std::vector<std::string> items;
  for (auto& n : names) items.push_back(py_str(n));
  return make_list(items, level);
}

F arg(const Arg& a, int level) {
  int l = level + 1;
  Fields f{{"arg", str_field(a.arg)}};
  if (a.annotation) f.push_back({"annotation", expr(a.annotation.get(), l)});
  return make("arg", f, level);
}

F arg_list(const std::vector<Arg>& args, int level) {
  std::vector<std::string> items;
  for (auto& a : args) items.push_back(arg(a, level + 1).s);
  return make_list(items, level);
}

F arguments(const Arguments& a, int level) {
  int l = level + 1;
  Fields f;
  f.push_back({"posonlyargs", arg_list(a.posonlyargs, l)});
  f.push_back({"args", arg_list(a.args, l)});
  if (a.vararg) f.push_back({"vararg", arg(*a.vararg, l)});
  f.push_back({"kwonlyargs", arg_list(a.kwonlyargs, l)});
  f.push_back({"kw_defaults", expr_list(a.kw_defaults, l)});
  if (a.kwarg) f.push_back({"kwarg", arg(*a.kwarg, l)});
  f.push_back({"defaults", expr_list(a.defaults, l)});
  return make("arguments", f, level);
}

F keywords(const std::vector<Keyword>& ks, int level) {
  std::vector<std::string> items;
  for (auto& k : ks) {
    int l = level + 2;
    Fields f;
    if (!k.arg.empty()) f.push_back({"arg", str_field(k.arg)});
    f.push_back({"value", expr(k.value.get(), l)});
    items.push_back(make("keyword", f, level + 1).s);
  }
  return make_list(items, level);
}

F comprehensions(const std::vector<Comprehension>& gens, int level) {
  std::vector<std::string> items;
  for (auto& g : gens) {
    int l = level + 2;
    Fields f{{"target", expr(g.target.get(), l)},
             {"iter", expr(g.iter.get(), l)},
             {"ifs", expr_list(g.ifs, l)},
             {"is_async", int_field(0)}};
    items.push_back(make("comprehension", f, level + 1).s);
  }
  return make_list(items, level);
}

F aliases(const std::vector<Alias>& names, int level) {
  std::vector<std::string> items;
  for (auto& a : names) {
    Fields f{{"name", str_field(a.name)}};
    if (!a.asname.empty()) f.push_back({"asname", str_field(a.asname)});
    items.push_back(make("alias", f, level + 1).s);
  }
  return make_list(items, level);
}

F expr(const Expr* e, int level) {
  NodeDepth guard;
  int l = level + 1;
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* n = static_cast<const BoolOp*>(e);
      return make("BoolOp", {{"op", {n->op == BoolOpKind::And ? "And()" : "Or()", true}}, {"values", expr_list(n->values, l)}}, level);
    }
    case ExprKind::NamedExpr: {
      auto* n = static_cast<const NamedExpr*>(e);
      return make("NamedExpr", {{"target", expr(n->target.get(), l)}, {"value", expr(n->value.get(), l)}}, level);
    }
    case ExprKind::BinOp: {
      auto* n = static_cast<const BinOp*>(e);
      return make("BinOp", {{"left", expr(n->left.get(), l)}, {"op", {operator_name(n->op), true}}, {"right", expr(n->right.get(), l)}}, level);
    }
    case ExprKind::UnaryOp: {
      auto* n = static_cast<const UnaryOp*>(e);
      return make("UnaryOp", {{"op", {unaryop_name(n->op), true}}, {"operand", expr(n->operand.get(), l)}}, level);
    }
    case ExprKind::Lambda: {
      auto* n = static_cast<const Lambda*>(e);
      return make("Lambda", {{"args", arguments(*n->args, l)}, {"body", expr(n->body.get(), l)}}, level);
    }
    case ExprKind::IfExp: {
      auto* n = static_cast<const IfExp*>(e);
      return make("IfExp", {{"test", expr(n->test.get(), l)}, {"body", expr(n->body.get(), l)}, {"orelse", expr(n->orelse.get(), l)}}, level);
    }
    case ExprKind::Dict: {
      auto* n = static_cast<const Dict*>(e);
      return make("Dict", {{"keys", expr_list(n->keys, l)}, {"values", expr_list(n->values, l)}}, level);
    }
    case ExprKind::Set:
      return make("Set", {{"elts", expr_list(static_cast<const Set*>(e)->elts, l)}}, level);
    case ExprKind::ListComp: {
      auto* n = static_cast<const ListComp*>(e);
      return make("ListComp", {{"elt", expr(n->elt.get(), l)}, {"generators", comprehensions(n->generators, l)}}, level);
    }
    case ExprKind::SetComp: {
      auto* n = static_cast<const SetComp*>(e);
      return make("SetComp", {{"elt", expr(n->elt.get(), l)}, {"generators", comprehensions(n->generators, l)}}, level);
    }
    case ExprKind::DictComp: {
      auto* n = static_cast<const DictComp*>(e);
      return make("DictComp", {{"key", expr(n->key.get(), l)}, {"value", expr(n->value.get(), l)}, {"generators", comprehensions(n->generators, l)}}, level);
    }
    case ExprKind::GeneratorExp: {
      auto* n = static_cast<const GeneratorExp*>(e);
      return make("GeneratorExp", {{"elt", expr(n->elt.get(), l)}, {"generators", comprehensions(n->generators, l)}}, level);
    }
    case ExprKind::Yield: {
      auto* n = static_cast<const Yield*>(e);
      Fields f;
      if (n->value) f.push_back({"value", expr(n->value.get(), l)});
      return make("Yield", f, level);
    }
    case ExprKind::YieldFrom:
      return make("YieldFrom", {{"value", expr(static_cast<const YieldFrom*>(e)->value.get(), l)}}, level);
    case ExprKind::Compare: {
      auto* n = static_cast<const Compare*>(e);
      std::vector<std::string> ops;
      for (auto op : n->ops) ops.push_back(cmpop_name(op));
      return make("Compare", {{"left", expr(n->left.get(), l)}, {"ops", make_list(ops, l)}, {"comparators", expr_list(n->comparators, l)}}, level);
    }
    case ExprKind::Call: {
      auto* n = static_cast<const Call*>(e);
      return make("Call", {{"func", expr(n->func.get(), l)}, {"args", expr_list(n->args, l)}, {"keywords", keywords(n->keywords, l)}}, level);
    }
    case ExprKind::FormattedValue: {
      auto* n = static_cast<const FormattedValue*>(e);
      Fields f{{"value", expr(n->value.get(), l)}, {"conversion", int_field(n->conversion)}};
      if (n->format_spec) f.push_back({"format_spec", expr(n->format_spec.get(), l)});
      return make("FormattedValue", f, level);
    }
    case ExprKind::JoinedStr:
      return make("JoinedStr", {{"values", expr_list(static_cast<const JoinedStr*>(e)->values, l)}}, level);
    case ExprKind::Constant: {
      auto* n = static_cast<const Constant*>(e);
      Fields f{{"value", {rt::repr_string(n->value.get()), true}}};
      if (n->kind_u) f.push_back({"kind", {"'u'", true}});
      return make("Constant", f, level);
    }
    case ExprKind::Attribute: {
      auto* n = static_cast<const Attribute*>(e);
      return make("Attribute", {{"value", expr(n->value.get(), l)}, {"attr", str_field(n->attr)}, {"ctx", ctx_field(n->ctx)}}, level);
    }
    case ExprKind::Subscript: {
      auto* n = static_cast<const Subscript*>(e);
      return make("Subscript", {{"value", expr(n->value.get(), l)}, {"slice", expr(n->slice.get(), l)}, {"ctx", ctx_field(n->ctx)}}, level);
    }
    case ExprKind::Starred: {
      auto* n = static_cast<const Starred*>(e);
      return make("Starred", {{"value", expr(n->value.get(), l)}, {"ctx", ctx_field(n->ctx)}}, level);
    }
    case ExprKind::Name: {
      auto* n = static_cast<const Name*>(e);
      return make("Name", {{"id", str_field(n->id)}, {"ctx", ctx_field(n->ctx)}}, level);
    }
    case ExprKind::List: {
      auto* n = static_cast<const List*>(e);
      return make("List", {{"elts", expr_list(n->elts, l)}, {"ctx", ctx_field(n->ctx)}}, level);
    }
    case ExprKind::Tuple: {
      auto* n = static_cast<const Tuple*>(e);
      return make("Tuple", {{"elts", expr_list(n->elts, l)}, {"ctx", ctx_field(n->ctx)}}, level);
    }
    case ExprKind::Slice: {
      auto* n = static_cast<const Slice*>(e);
      Fields f;
      if (n->lower) f.push_back({"lower", expr(n->lower.get(), l)});
      if (n->upper) f.push_back({"upper", expr(n->upper.get(), l)});
      if (n->step) f.push_back({"step", expr(n->step.get(), l)});
      return make("Slice", f, level);
    }
  }
  return {"?", true};
}

F handlers(const std::vector<ExceptHandler>& hs, int level) {
  std::vector<std::string> items;
  for (auto& h : hs) {
    int l = level + 2;
    Fields f;
    if (h.type) f.push_back({"type", expr(h.type.get(), l)});
    if (!h.name.empty()) f.push_back({"name", str_field(h.name)});
    f.push_back({"body", stmt_list(h.body, l)});
    items.push_back(make("ExceptHandler", f, level + 1).s);
  }
  return make_list(items, level);
}

F withitems(const std::vector<WithItem>& ws, int level) {
  std::vector<std::string> items;
  for (auto& w : ws) {
    int l = level + 2;
    Fields f{{"context_expr", expr(w.context_expr.get(), l)}};
    if (w.optional_vars) f.push_back({"optional_vars", expr(w.optional_vars.get(), l)});
    items.push_back(make("withitem", f, level + 1).s);
  }
  return make_list(items, level);
}

F stmt(const Stmt* s, int level) {
  NodeDepth guard;
  int l = level + 1;
  switch (s->kind) {
    case StmtKind::FunctionDef: {
      auto* n = static_cast<const FunctionDef*>(s);
      Fields f{{"name", str_field(n->name)}, {"args", arguments(*n->args, l)}, {"body", stmt_list(n->body, l)},
               {"decorator_list", expr_list(n->decorator_list, l)}};
      if (n->returns) f.push_back({"returns", expr(n->returns.get(), l)});
      return make("FunctionDef", f, level);
    }
    case StmtKind::ClassDef: {
      auto* n = static_cast<const ClassDef*>(s);
      return make("ClassDef", {{"name", str_field(n->name)}, {"bases", expr_list(n->bases, l)}, {"keywords", keywords(n->keywords, l)},
                               {"body", stmt_list(n->body, l)}, {"decorator_list", expr_list(n->decorator_list, l)}}, level);
    }
    case StmtKind::Return: {
      auto* n = static_cast<const Return*>(s);
      Fields f;
      if (n->value) f.push_back({"value", expr(n->value.get(), l)});
      return make("Return", f, level);
    }
    case StmtKind::Delete:
      return make("Delete", {{"targets", expr_list(static_cast<const Delete*>(s)->targets, l)}}, level);
    case StmtKind::Assign: {
      auto* n = static_cast<const Assign*>(s);
      return make("Assign", {{"targets", expr_list(n->targets, l)}, {"value", expr(n->value.get(), l)}}, level);
    }
    case StmtKind::AugAssign: {
      auto* n = static_cast<const AugAssign*>(s);
      return make("AugAssign", {{"target", expr(n->target.get(), l)}, {"op", {operator_name(n->op), true}}, {"value", expr(n->value.get(), l)}}, level);
    }
    case StmtKind::AnnAssign: {
      auto* n = static_cast<const AnnAssign*>(s);
      Fields f{{"target", expr(n->target.get(), l)}, {"annotation", expr(n->annotation.get(), l)}};
      if (n->value) f.push_back({"value", expr(n->value.get(), l)});
      f.push_back({"simple", int_field(n->simple ? 1 : 0)});
      return make("AnnAssign", f, level);
    }
    case StmtKind::For: {
      auto* n = static_cast<const For*>(s);
      return make("For", {{"target", expr(n->target.get(), l)}, {"iter", expr(n->iter.get(), l)}, {"body", stmt_list(n->body, l)},
                          {"orelse", stmt_list(n->orelse, l)}}, level);
    }
    case StmtKind::While: {
      auto* n = static_cast<const While*>(s);
      return make("While", {{"test", expr(n->test.get(), l)}, {"body", stmt_list(n->body, l)}, {"orelse", stmt_list(n->orelse, l)}}, level);
    }
    case StmtKind::If: {
      auto* n = static_cast<const If*>(s);
      return make("If", {{"test", expr(n->test.get(), l)}, {"body", stmt_list(n->body, l)}, {"orelse", stmt_list(n->orelse, l)}}, level);
    }
    case StmtKind::With: {
      auto* n = static_cast<const With*>(s);
      return make("With", {{"items", withitems(n->items, l)}, {"body", stmt_list(n->body, l)}}, level);
    }
    case StmtKind::Raise: {
      auto* n = static_cast<const Raise*>(s);
      Fields f;
      if (n->exc) f.push_back({"exc", expr(n->exc.get(), l)});
      if (n->cause) f.push_back({"cause", expr(n->cause.get(), l)});
      return make("Raise", f, level);
    }
    case StmtKind::Try: {
      auto* n = static_cast<const Try*>(s);
      return make("Try", {{"body", stmt_list(n->body, l)}, {"handlers", handlers(n->handlers, l)}, {"orelse", stmt_list(n->orelse, l)},
                          {"finalbody", stmt_list(n->finalbody, l)}}, level);
    }
    case StmtKind::Assert: {
      auto* n = static_cast<const Assert*>(s);
      Fields f{{"test", expr(n->test.get(), l)}};
      if (n->msg) f.push_back({"msg", expr(n->msg.get(), l)});
      return make("Assert", f, level);
    }
    case StmtKind::Import:
      return make("Import", {{"names", aliases(static_cast<const Import*>(s)->names, l)}}, level);
    case StmtKind::ImportFrom: {
      auto* n = static_cast<const ImportFrom*>(s);
      Fields f;
      if (!n->module.empty()) f.push_back({"module", str_field(n->module)});
      f.push_back({"names", aliases(n->names, l)});
      f.push_back({"level", int_field(n->level)});
      return make("ImportFrom", f, level);
    }
    case StmtKind::Global:
      return make("Global", {{"names", name_list(static_cast<const Global*>(s)->names, l)}}, level);
    case StmtKind::Nonlocal:
      return make("Nonlocal", {{"names", name_list(static_cast<const Nonlocal*>(s)->names, l)}}, level);
    case StmtKind::Expr:
      return make("Expr", {{"value", expr(static_cast<const ExprStmt*>(s)->value.get(), l)}}, level);
    case StmtKind::Pass: return make("Pass", {}, level);
    case StmtKind::Break: return make("Break", {}, level);
    case StmtKind::Continue: return make("Continue", {}, level);
  }
  return {"?", true};
}

struct DumpJob {
  const Module* module;
  std::string result;
  std::exception_ptr error;
};

void* run_dump(void* arg) {
  auto* job = static_cast<DumpJob*>(arg);
  try {
    NodeDepth guard;
    job->result = make("Module", {{"body", stmt_list(job->module->body, 1)}, {"type_ignores", {"[]", true}}}, 0).s;
  } catch (...) {
    job->error = std::current_exception();
  }
  // Runtime calls made while printing (repr of constants) may have registered a thread state
  // for this helper thread: remove it, or it would count as a live thread (:gil, threading).
  vm::thread_state_exit();
  return nullptr;
}

}  // namespace

// Runs on a thread with a large stack: printing recurses once per level of the tree.
std::string dump(const Module& m) {
  DumpJob job{&m, {}, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(256) << 20);
  pthread_t thread;
  if (pthread_create(&thread, &attr, run_dump, &job) == 0) {
    pthread_join(thread, nullptr);
  } else {
    run_dump(&job);
  }
  pthread_attr_destroy(&attr);
  if (job.error) std::rethrow_exception(job.error);
  return std::move(job.result);
}

}  // namespace compiler::ast
