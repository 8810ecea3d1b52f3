// Code generation for class statements and annotated assignments: the class body becomes a
// code object run by builtins.__build_class__ with a fresh namespace dict (LoadName/StoreName),
// as in CPython 3.11; `x: T = v` in module and class bodies records T in __annotations__.
#include "compiler/codegen.h"

namespace compiler {

using vm::Op;

// True if [body] (not looking into nested functions and classes) has an annotated assignment
// to a simple name: its module or class body then starts with SetupAnnotations (CPython's
// find_ann).
bool body_has_annotations(const ast::StmtList& body) {
  using K = ast::StmtKind;
  for (auto& sp : body) {
    auto* s = const_cast<ast::Stmt*>(sp.get());
    switch (s->kind) {
      case K::AnnAssign:
        return true;
      case K::For:
        if (body_has_annotations(s->as<ast::For>()->body) || body_has_annotations(s->as<ast::For>()->orelse))
          return true;
        break;
      case K::While:
        if (body_has_annotations(s->as<ast::While>()->body) ||
            body_has_annotations(s->as<ast::While>()->orelse))
          return true;
        break;
      case K::If:
        if (body_has_annotations(s->as<ast::If>()->body) || body_has_annotations(s->as<ast::If>()->orelse))
          return true;
        break;
      case K::With:
        if (body_has_annotations(s->as<ast::With>()->body)) return true;
        break;
      case K::Try: {
        auto* t = s->as<ast::Try>();
        if (body_has_annotations(t->body) || body_has_annotations(t->orelse) ||
            body_has_annotations(t->finalbody))
          return true;
        for (auto& h : t->handlers)
          if (body_has_annotations(h.body)) return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}

// class C(B1, B2, kw=v): BODY  ->
//   <decorators>; LoadBuildClass; <body function>; LoadConst 'C'; <bases>; Call/CallKw;
//   <decorator calls>; store C
// The body code starts with `__module__ = __name__; __qualname__ = 'C'` (and `__doc__`), and
// returns the __class__ cell when methods use super() or __class__ (the new class fills it).
void Compiler::class_def(const ast::ClassDef* c) {
  for (auto& d : c->decorator_list) expr(d.get());
  emit(Op::LoadBuildClass);
  Scope* scope = symtable_->scope_of(c);
  enter_unit(scope);
  emit(Op::LoadName, add_name("__name__"));
  emit(Op::StoreName, add_name("__module__"));
  rt::Ref qualname = rt::Ref::borrow(rt::Value::from_obj(rt::str_intern(scope->qualname)));
  emit_load_const(qualname.get());
  emit(Op::StoreName, add_name("__qualname__"));
  size_t first = 0;
  if (!c->body.empty() && c->body[0]->kind == ast::StmtKind::Expr) {
    const ast::Expr* v = const_cast<ast::Stmt*>(c->body[0].get())->as<ast::ExprStmt>()->value.get();
    if (v->kind == ast::ExprKind::Constant &&
        rt::type_of(const_cast<ast::Expr*>(v)->as<ast::Constant>()->value.get()) == &rt::str_type) {
      u_->loc = c->body[0]->loc;
      emit_load_const(const_cast<ast::Expr*>(v)->as<ast::Constant>()->value.get());
      emit(Op::StoreName, add_name("__doc__"));
      first = 1;
    }
  }
  if (body_has_annotations(c->body)) emit(Op::SetupAnnotations);
  for (size_t i = first; i < c->body.size(); i++) stmt(c->body[i].get());
  if (scope->needs_class_cell) {
    emit(Op::LoadClosure, slot_of("__class__"));
    emit(Op::Copy, 1);
    emit(Op::StoreName, add_name("__classcell__"));
  } else {
    emit_none();
  }
  emit(Op::ReturnValue);
  vm::Code* code = leave_unit(c->name, scope->lineno);
  u_->loc = c->loc;
  static const ast::Arguments no_args;
  make_function(scope, code, no_args);
  rt::Ref name = rt::Ref::borrow(rt::Value::from_obj(rt::str_intern(c->name)));
  emit_load_const(name.get());
  call_helper(c->bases, c->keywords, 2);
  apply_decorators(c->decorator_list);
  name_op(c->name, ast::Ctx::Store);
}

// x: T = v. In module and class bodies a simple name's annotation is evaluated and stored in
// __annotations__ (after the assignment); other targets' annotations are evaluated and
// dropped there; functions evaluate no annotations.
void Compiler::ann_assign(const ast::AnnAssign* ca) {
  auto* a = const_cast<ast::AnnAssign*>(ca);
  bool module_or_class = !u_->scope->is_function_like();
  const ast::Expr* target = a->target.get();
  if (target->kind == ast::ExprKind::Name) {
    if (a->value) {
      expr(a->value.get());
      store_target(target);
    }
    if (a->simple && module_or_class) {
      expr(a->annotation.get());
      emit(Op::LoadName, add_name("__annotations__"));
      rt::Ref key = rt::Ref::borrow(
          rt::Value::from_obj(rt::str_intern(const_cast<ast::Expr*>(target)->as<ast::Name>()->id)));
      emit_load_const(key.get());
      emit(Op::StoreSubscr);
      return;
    }
  } else if (a->value) {
    expr(a->value.get());
    store_target(target);
  } else if (target->kind == ast::ExprKind::Attribute) {
    expr(const_cast<ast::Expr*>(target)->as<ast::Attribute>()->value.get());
    emit(Op::PopTop);
  } else if (target->kind == ast::ExprKind::Subscript) {
    auto* sub = const_cast<ast::Expr*>(target)->as<ast::Subscript>();
    expr(sub->value.get());
    emit(Op::PopTop);
    expr(sub->slice.get());
    emit(Op::PopTop);
  }
  if (module_or_class) {
    expr(a->annotation.get());
    emit(Op::PopTop);
  }
}

}  // namespace compiler
