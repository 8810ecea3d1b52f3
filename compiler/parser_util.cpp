// Helpers for the parser's error messages: CPython's expression names, the invalid target
// search, and byte -> character offsets (see compiler/parser_util.h).
#include "compiler/parser_util.h"

#include <algorithm>
#include <string>

#include "runtime/utf8.h"

namespace compiler {

using namespace ast;

int char_offset(std::string_view line, int byte_offset) {
  if (byte_offset <= 0) return byte_offset;
  int len = int(line.size());
  if (byte_offset > len + 1) byte_offset = len + 1;
  int n = int(rt::utf8::length(line.substr(0, size_t(std::min(byte_offset, len)))));
  if (byte_offset > len) n++;
  return n;
}

const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      rt::Value v = static_cast<const Constant*>(e)->value.get();
      if (v == rt::None()) return "None";
      if (v == rt::False()) return "False";
      if (v == rt::True()) return "True";
      if (v == rt::Ellipsis()) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

const Expr* invalid_target(const Expr* e, TargetKind kind) {
  if (!e) return nullptr;
  switch (e->kind) {
    case ExprKind::List:
      for (auto& x : static_cast<const List*>(e)->elts)
        if (const Expr* c = invalid_target(x.get(), kind)) return c;
      return nullptr;
    case ExprKind::Tuple:
      for (auto& x : static_cast<const Tuple*>(e)->elts)
        if (const Expr* c = invalid_target(x.get(), kind)) return c;
      return nullptr;
    case ExprKind::Starred:
      if (kind == TargetKind::Del) return e;
      return invalid_target(static_cast<const Starred*>(e)->value.get(), kind);
    case ExprKind::Compare: {
      auto* c = static_cast<const Compare*>(e);
      if (kind == TargetKind::For) {
        if (c->ops[0] == CmpOpKind::In) return invalid_target(c->left.get(), kind);
        return nullptr;
      }
      return e;
    }
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

bool is_bitwise_or_node(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::Lambda:
    case ExprKind::IfExp:
    case ExprKind::NamedExpr:
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp:
      return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
    default:
      return true;
  }
}

bool starts_with_display(const Expr* e, const Token& first) {
  if (first.kind == Tok::Name && (first.text == "True" || first.text == "False" || first.text == "None"))
    return true;
  // The leftmost operand.
  while (true) {
    switch (e->kind) {
      case ExprKind::BinOp: e = static_cast<const BinOp*>(e)->left.get(); continue;
      case ExprKind::Attribute: e = static_cast<const Attribute*>(e)->value.get(); continue;
      case ExprKind::Subscript: e = static_cast<const Subscript*>(e)->value.get(); continue;
      case ExprKind::Call: e = static_cast<const Call*>(e)->func.get(); continue;
      default: break;
    }
    break;
  }
  if (e->kind == ExprKind::List || e->kind == ExprKind::GeneratorExp) return true;
  return e->kind == ExprKind::Tuple && first.kind == Tok::LPar;
}

}  // namespace compiler
