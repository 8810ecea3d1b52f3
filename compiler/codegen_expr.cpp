// Code generation, part 2: expressions, assignment targets, conditions, calls, displays,
// f-strings, lambdas and comprehensions (nested functions taking the outermost iterator).
#include "compiler/codegen.h"

#include "runtime/error.h"
#include "runtime/ops.h"
#include "runtime/utf8.h"

namespace compiler {

using vm::Op;

// Compiles [e] with the source line of [e] on its instructions.
void Compiler::expr(const ast::Expr* e) {
  check_compile_depth();
  ast::Loc line = u_->loc;
  u_->loc = e->loc;
  expr_inner(e);
  u_->loc = line;
}

void Compiler::name_op(const std::string& plain, ast::Ctx ctx) {
  std::string name = private_name(plain);
  NameScope sc = u_->scope->lookup(name);
  bool fn = u_->scope->is_function_like();
  int k = ctx == ast::Ctx::Load ? 0 : ctx == ast::Ctx::Store ? 1 : 2;
  if (sc == NameScope::Free || sc == NameScope::Cell) {
    static const Op ops[] = {Op::LoadDeref, Op::StoreDeref, Op::DeleteDeref};
    bool class_load = k == 0 && u_->scope->kind == ScopeKind::Class;
    emit(class_load ? Op::LoadClassDeref : ops[k], slot_of(name));
  } else if (sc == NameScope::Local && fn) {
    static const Op ops[] = {Op::LoadFast, Op::StoreFast, Op::DeleteFast};
    emit(ops[k], slot_of(name));
  } else if (sc == NameScope::GlobalExplicit || (sc == NameScope::GlobalImplicit && fn)) {
    static const Op ops[] = {Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal};
    emit(ops[k], add_name(name));
  } else {
    static const Op ops[] = {Op::LoadName, Op::StoreName, Op::DeleteName};
    emit(ops[k], add_name(name));
  }
}

// Stores TOS into the target [e] (a name, attribute, subscript or unpacking).
void Compiler::store_target(const ast::Expr* ce) {
  auto* e = const_cast<ast::Expr*>(ce);
  ast::Loc line = u_->loc;
  u_->loc = e->loc;
  switch (e->kind) {
    case ast::ExprKind::Name:
      name_op(e->as<ast::Name>()->id, ast::Ctx::Store);
      break;
    case ast::ExprKind::Attribute:
      expr(e->as<ast::Attribute>()->value.get());
      u_->loc = attr_loc(u_->loc, e);
      emit(Op::StoreAttr, add_name(private_name(e->as<ast::Attribute>()->attr)));
      break;
    case ast::ExprKind::Subscript:
      expr(e->as<ast::Subscript>()->value.get());
      subscript_key(e->as<ast::Subscript>()->slice.get());
      emit(Op::StoreSubscr);
      break;
    case ast::ExprKind::Tuple:
      unpack_targets(e->as<ast::Tuple>()->elts, e->loc);
      break;
    case ast::ExprKind::List:
      unpack_targets(e->as<ast::List>()->elts, e->loc);
      break;
    case ast::ExprKind::Starred:
      error("starred assignment target must be in a list or tuple", e->loc);
    default:
      error("cannot assign to expression", e->loc);
  }
  u_->loc = line;
}

void Compiler::unpack_targets(const ast::ExprList& elts, const ast::Loc& loc) {
  int star = -1;
  for (size_t i = 0; i < elts.size(); i++) {
    if (elts[i]->kind == ast::ExprKind::Starred) {
      if (star >= 0) error("multiple starred expressions in assignment", loc);  // the whole target, as CPython
      star = static_cast<int>(i);
    }
  }
  if (star >= 0) {
    size_t before = static_cast<size_t>(star), after = elts.size() - before - 1;
    if (before >= 256 || after >= (1u << 16)) error("too many expressions in star-unpacking assignment", loc);
    emit(Op::UnpackEx, static_cast<uint32_t>(before | (after << 8)));
  } else {
    emit(Op::UnpackSequence, static_cast<uint32_t>(elts.size()));
  }
  for (auto& t : elts) {
    const ast::Expr* target = t.get();
    if (target->kind == ast::ExprKind::Starred)
      target = const_cast<ast::Expr*>(target)->as<ast::Starred>()->value.get();
    store_target(target);
  }
}

// Folds [e] to a constant when it is a literal, a negated number literal, or a tuple of
// those; [out] receives a new reference.
bool Compiler::constant_value(const ast::Expr* ce, rt::Ref* out) {
  auto* e = const_cast<ast::Expr*>(ce);
  switch (e->kind) {
    case ast::ExprKind::Constant:
      *out = e->as<ast::Constant>()->value;
      return true;
    case ast::ExprKind::UnaryOp: {
      auto* u = e->as<ast::UnaryOp>();
      if (u->op != ast::UnaryOpKind::USub || u->operand->kind != ast::ExprKind::Constant) return false;
      rt::Value v = u->operand->as<ast::Constant>()->value.get();
      rt::Type* t = rt::type_of(v);
      if (t != &rt::int_type && t != &rt::float_type) return false;
      *out = rt::Ref::steal(rt::unary_op(v, rt::UnaryOp::Neg));
      return true;
    }
    case ast::ExprKind::Tuple: {
      auto* tup = e->as<ast::Tuple>();
      if (tup->ctx != ast::Ctx::Load) return false;
      std::vector<rt::Ref> items;
      for (auto& x : tup->elts) {
        rt::Ref r;
        if (x->kind == ast::ExprKind::Starred || !constant_value(x.get(), &r)) return false;
        items.push_back(std::move(r));
      }
      rt::Tuple* t = rt::tuple_new(items.size());
      for (size_t i = 0; i < items.size(); i++) t->items()[i] = items[i].release();
      *out = rt::Ref::steal(rt::Value::from_obj(t));
      return true;
    }
    default:
      return false;
  }
}

void Compiler::compare_op(ast::CmpOpKind op) {
  switch (op) {
    case ast::CmpOpKind::Eq: emit(Op::CompareEq); break;
    case ast::CmpOpKind::NotEq: emit(Op::CompareNe); break;
    case ast::CmpOpKind::Lt: emit(Op::CompareLt); break;
    case ast::CmpOpKind::LtE: emit(Op::CompareLe); break;
    case ast::CmpOpKind::Gt: emit(Op::CompareGt); break;
    case ast::CmpOpKind::GtE: emit(Op::CompareGe); break;
    case ast::CmpOpKind::Is: emit(Op::IsOp, 0); break;
    case ast::CmpOpKind::IsNot: emit(Op::IsOp, 1); break;
    case ast::CmpOpKind::In: emit(Op::ContainsOp, 0); break;
    case ast::CmpOpKind::NotIn: emit(Op::ContainsOp, 1); break;
  }
}

// Chained comparisons keep the middle operand with Swap/Copy (docs/design.md).
void Compiler::compare(const ast::Compare* c) {
  expr(c->left.get());
  size_t n = c->ops.size();
  if (n == 1) {
    expr(c->comparators[0].get());
    compare_op(c->ops[0]);
    return;
  }
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < n; i++) {
    expr(c->comparators[i].get());
    emit(Op::Swap, 2);
    emit(Op::Copy, 2);
    compare_op(c->ops[i]);
    emit_jump(Op::JumpIfFalseOrPop, cleanup);
  }
  expr(c->comparators[n - 1].get());
  compare_op(c->ops[n - 1]);
  emit_jump(Op::Jump, end);
  bind(cleanup);
  emit(Op::Swap, 2);
  emit(Op::PopTop);
  bind(end);
}

// Jumps to [label] when the truth of [e] equals [cond], without materialising `not`, `and`
// and `or` results.
void Compiler::jump_if(const ast::Expr* ce, int label, bool cond) {
  auto* e = const_cast<ast::Expr*>(ce);
  ast::Loc line = u_->loc;
  u_->loc = e->loc;
  if (e->kind == ast::ExprKind::UnaryOp && e->as<ast::UnaryOp>()->op == ast::UnaryOpKind::Not) {
    jump_if(e->as<ast::UnaryOp>()->operand.get(), label, !cond);
  } else if (e->kind == ast::ExprKind::BoolOp) {
    auto* b = e->as<ast::BoolOp>();
    bool is_or = b->op == ast::BoolOpKind::Or;
    size_t n = b->values.size();
    if (is_or == cond) {
      for (auto& v : b->values) jump_if(v.get(), label, cond);
    } else {
      int skip = new_label();
      for (size_t i = 0; i + 1 < n; i++) jump_if(b->values[i].get(), skip, !cond);
      jump_if(b->values[n - 1].get(), label, cond);
      bind(skip);
    }
  } else {
    expr(e);
    emit_jump(cond ? Op::PopJumpIfTrue : Op::PopJumpIfFalse, label);
  }
  u_->loc = line;
}

void Compiler::boolop(const ast::BoolOp* b) {
  int end = new_label();
  Op op = b->op == ast::BoolOpKind::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop;
  for (size_t i = 0; i + 1 < b->values.size(); i++) {
    expr(b->values[i].get());
    emit_jump(op, end);
  }
  expr(b->values.back().get());
  bind(end);
}

// Builds a list, set or tuple display; starred items go through [extend] on a list (then
// ListToTuple for a tuple).
void Compiler::sequence(const ast::ExprList& elts, Op build, Op extend, Op append, bool tuple) {
  bool starred = false;
  for (auto& e : elts)
    if (e->kind == ast::ExprKind::Starred) starred = true;
  if (!starred) {
    if (tuple && !elts.empty()) {
      std::vector<rt::Ref> items;
      bool all_const = true;
      for (auto& e : elts) {
        rt::Ref r;
        if (!constant_value(e.get(), &r)) {
          all_const = false;
          break;
        }
        items.push_back(std::move(r));
      }
      if (all_const) {
        rt::Tuple* t = rt::tuple_new(items.size());
        for (size_t i = 0; i < items.size(); i++) t->items()[i] = items[i].release();
        rt::Ref ref = rt::Ref::steal(rt::Value::from_obj(t));
        emit_load_const(ref.get());
        return;
      }
    }
    for (auto& e : elts) expr(e.get());
    emit(build, static_cast<uint32_t>(elts.size()));
    return;
  }
  if (tuple) build = Op::BuildList;
  size_t i = 0;
  while (i < elts.size() && elts[i]->kind != ast::ExprKind::Starred) expr(elts[i++].get());
  emit(build, static_cast<uint32_t>(i));
  for (; i < elts.size(); i++) {
    const ast::Expr* e = elts[i].get();
    if (e->kind == ast::ExprKind::Starred) {
      expr(const_cast<ast::Expr*>(e)->as<ast::Starred>()->value.get());
      emit(extend, 1);
    } else {
      expr(e);
      emit(append, 1);
    }
  }
  if (tuple) emit(Op::ListToTuple);
}

void Compiler::dict_display(const ast::Dict* d) {
  uint32_t pending = 0;
  bool have = false;
  auto flush = [&]() {
    if (!pending) return;
    emit(Op::BuildMap, pending);
    if (have) emit(Op::DictUpdate, 1);
    have = true;
    pending = 0;
  };
  for (size_t i = 0; i < d->values.size(); i++) {
    if (!d->keys[i]) {
      flush();
      if (!have) emit(Op::BuildMap, 0);
      have = true;
      expr(d->values[i].get());
      emit(Op::DictUpdate, 1);
    } else {
      expr(d->keys[i].get());
      expr(d->values[i].get());
      pending++;
    }
  }
  flush();
  if (!have) emit(Op::BuildMap, 0);
}

void Compiler::formatted_value(const ast::FormattedValue* f) {
  expr(f->value.get());
  uint32_t flags = 0;
  switch (f->conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: break;
  }
  if (f->format_spec) {
    expr(f->format_spec.get());
    flags |= 4;
  }
  emit(Op::FormatValue, flags);
}

void Compiler::joined_str(const ast::JoinedStr* j) {
  if (j->values.empty()) {
    rt::Ref empty = rt::Ref::steal(rt::str_value(""));
    emit_load_const(empty.get());
    return;
  }
  for (auto& v : j->values) expr(v.get());
  if (j->values.size() > 1) emit(Op::BuildString, static_cast<uint32_t>(j->values.size()));
}

// Arguments of a call whose callable (and [nprefix] extra items) are already on the stack.
void Compiler::call_helper(const ast::ExprList& args, const std::vector<ast::Keyword>& kws, int nprefix) {
  bool star = false;
  for (auto& a : args)
    if (a->kind == ast::ExprKind::Starred) star = true;
  for (size_t i = 0; i < kws.size(); i++) {
    if (kws[i].arg.empty()) {
      star = true;
      continue;
    }
    for (size_t j = 0; j < i; j++)
      if (kws[j].arg == kws[i].arg) error("keyword argument repeated: " + kws[i].arg, kws[i].loc);
  }
  uint32_t n = static_cast<uint32_t>(args.size()) + static_cast<uint32_t>(nprefix);
  if (!star) {
    for (auto& a : args) expr(a.get());
    if (kws.empty()) {
      emit(Op::Call, n);
      return;
    }
    std::vector<std::string> names;
    for (auto& k : kws) {
      expr(k.value.get());
      names.push_back(k.arg);
    }
    rt::Tuple* t = rt::tuple_new(names.size());
    for (size_t i = 0; i < names.size(); i++) t->items()[i] = rt::Value::from_obj(rt::str_intern(names[i]));
    rt::Ref ref = rt::Ref::steal(rt::Value::from_obj(t));
    emit_load_const(ref.get());
    emit(Op::CallKw, n + static_cast<uint32_t>(kws.size()));
    return;
  }
  bool starred_pos = false;
  for (auto& a : args)
    if (a->kind == ast::ExprKind::Starred) starred_pos = true;
  if (starred_pos) {
    sequence(args, Op::BuildTuple, Op::ListExtend, Op::ListAppend, true);
  } else {
    for (auto& a : args) expr(a.get());
    emit(Op::BuildTuple, static_cast<uint32_t>(args.size()));
  }
  uint32_t flags = 0;
  if (!kws.empty()) {
    flags = 1;
    uint32_t pending = 0;
    bool have = false;
    auto flush = [&]() {
      if (!pending) return;
      emit(Op::BuildMap, pending);
      if (have) emit(Op::DictMerge, 1);
      have = true;
      pending = 0;
    };
    for (auto& k : kws) {
      if (k.arg.empty()) {
        flush();
        if (!have) emit(Op::BuildMap, 0);
        have = true;
        expr(k.value.get());
        emit(Op::DictMerge, 1);
      } else {
        rt::Ref key = rt::Ref::borrow(rt::Value::from_obj(rt::str_intern(k.arg)));
        emit_load_const(key.get());
        expr(k.value.get());
        pending++;
      }
    }
    flush();
  }
  emit(Op::CallFunctionEx, flags);
}

// [loc] moved to start at the name of the attribute [attr] when [loc] starts on an earlier
// line than the name ends, as CPython's update_start_location_to_match_attr: an error in
// `obj\n  .method()` points at the line of `.method`.
ast::Loc Compiler::attr_loc(ast::Loc loc, const ast::Expr* attr) {
  const ast::Loc& a = attr->loc;
  if (loc.line == a.end_line) return loc;
  loc.line = a.end_line;
  const std::string& name = const_cast<ast::Expr*>(attr)->as<ast::Attribute>()->attr;
  int len = int(rt::utf8::length(name));
  if (len <= a.end_col) {
    loc.col = a.end_col - len;
  } else {
    loc.col = -1;
    loc.end_col = -1;
  }
  loc.end_line = std::max(loc.line, loc.end_line);
  if (loc.line == loc.end_line) loc.end_col = std::max(loc.col, loc.end_col);
  return loc;
}

void Compiler::call(const ast::Call* c) {
  const ast::Expr* f = c->func.get();
  bool plain = c->keywords.empty(), method = f->kind == ast::ExprKind::Attribute;
  for (auto& a : c->args)
    if (a->kind == ast::ExprKind::Starred) plain = method = false;
  for (auto& k : c->keywords)
    if (k.arg.empty()) method = false;
  const ast::Loc loc = u_->loc;
  if (plain && method) {
    auto* at = const_cast<ast::Expr*>(f)->as<ast::Attribute>();
    expr(at->value.get());
    u_->loc = attr_loc(f->loc, f);
    emit(Op::LoadMethod, add_name(private_name(at->attr)));
    u_->loc = loc;
    for (auto& a : c->args) expr(a.get());
    u_->loc = attr_loc(loc, f);
    emit(Op::CallMethod, static_cast<uint32_t>(c->args.size()));
    u_->loc = loc;
    return;
  }
  expr(f);
  if (method) u_->loc = attr_loc(loc, f);
  call_helper(c->args, c->keywords, 0);
  u_->loc = loc;
}

void Compiler::subscript_key(const ast::Expr* slice) { expr(slice); }

void Compiler::lambda(const ast::Lambda* l) {
  Scope* scope = symtable_->scope_of(l);
  enter_unit(scope);
  expr(l->body.get());
  emit(Op::ReturnValue);
  vm::Code* code = leave_unit("<lambda>", scope->lineno);
  make_function(scope, code, *l->args);
}

// `yield from it`: [iter, sent] -> Send delegates until the subiterator returns its value.
void Compiler::yield_from(const ast::YieldFrom* y) {
  expr(y->value.get());
  emit(Op::GetIter);
  emit_none();
  int start = new_label(), end = new_label();
  bind(start);
  emit_jump(Op::Send, end);
  emit(Op::YieldValue, 1);
  emit_jump(Op::JumpBackward, start);
  bind(end);
}

// A comprehension is a nested function called with the iterator of its outermost iterable.
// A generator expression ([build] Nop, [add] YieldValue) is a generator function that yields
// each element and returns None.
void Compiler::comprehension(const ast::Expr* e, const std::vector<ast::Comprehension>& gens,
                             const ast::Expr* elt, const ast::Expr* value, Op build, Op add) {
  Scope* scope = symtable_->scope_of(e);
  enter_unit(scope);
  if (build != Op::Nop) emit(build, 0);
  emit(Op::LoadFast, 0);
  comprehension_loop(gens, 0, elt, value, add);
  if (build == Op::Nop) emit_none();
  emit(Op::ReturnValue);
  vm::Code* code = leave_unit(scope->name, scope->lineno);
  static const ast::Arguments no_args;
  make_function(scope, code, no_args);
  expr(gens[0].iter.get());
  emit(Op::GetIter);
  emit(Op::Call, 1);
}

void Compiler::comprehension_loop(const std::vector<ast::Comprehension>& gens, size_t i,
                                  const ast::Expr* elt, const ast::Expr* value, Op add) {
  const ast::Comprehension& gen = gens[i];
  if (i > 0) {
    expr(gen.iter.get());
    emit(Op::GetIter);
  }
  int start = new_label(), next = new_label(), end = new_label();
  bind(start);
  emit_jump(Op::ForIter, end);
  store_target(gen.target.get());
  for (auto& cond : gen.ifs) jump_if(cond.get(), next, false);
  if (i + 1 < gens.size()) {
    comprehension_loop(gens, i + 1, elt, value, add);
  } else {
    expr(elt);
    if (value) expr(value);
    if (add == Op::YieldValue) {
      emit(Op::YieldValue, 0);
      emit(Op::PopTop);
    } else {
      emit(add, static_cast<uint32_t>(gens.size() + 1));
    }
  }
  bind(next);
  emit_jump(Op::JumpBackward, start);
  bind(end);
}

void Compiler::expr_inner(const ast::Expr* ce) {
  auto* e = const_cast<ast::Expr*>(ce);
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::BoolOp:
      boolop(e->as<ast::BoolOp>());
      break;
    case K::NamedExpr: {
      auto* n = e->as<ast::NamedExpr>();
      expr(n->value.get());
      emit(Op::Copy, 1);
      store_target(n->target.get());
      break;
    }
    case K::BinOp: {
      auto* b = e->as<ast::BinOp>();
      Op op = binary_opcode(b->op);
      if (op == Op::Nop) error("the '@' operator is not supported", e->loc);
      expr(b->left.get());
      expr(b->right.get());
      emit(op, 0);
      break;
    }
    case K::UnaryOp: {
      auto* u = e->as<ast::UnaryOp>();
      rt::Ref folded;
      if (constant_value(e, &folded)) {
        emit_load_const(folded.get());
        break;
      }
      expr(u->operand.get());
      switch (u->op) {
        case ast::UnaryOpKind::Invert: emit(Op::UnaryInvert); break;
        case ast::UnaryOpKind::Not: emit(Op::UnaryNot); break;
        case ast::UnaryOpKind::UAdd: emit(Op::UnaryPos); break;
        case ast::UnaryOpKind::USub: emit(Op::UnaryNeg); break;
      }
      break;
    }
    case K::Lambda:
      lambda(e->as<ast::Lambda>());
      break;
    case K::IfExp: {
      auto* i = e->as<ast::IfExp>();
      int orelse = new_label(), end = new_label();
      jump_if(i->test.get(), orelse, false);
      expr(i->body.get());
      emit_jump(Op::Jump, end);
      bind(orelse);
      expr(i->orelse.get());
      bind(end);
      break;
    }
    case K::Dict:
      dict_display(e->as<ast::Dict>());
      break;
    case K::Set:
      sequence(e->as<ast::Set>()->elts, Op::BuildSet, Op::SetUpdate, Op::SetAdd, false);
      break;
    case K::ListComp: {
      auto* c = e->as<ast::ListComp>();
      comprehension(e, c->generators, c->elt.get(), nullptr, Op::BuildList, Op::ListAppend);
      break;
    }
    case K::SetComp: {
      auto* c = e->as<ast::SetComp>();
      comprehension(e, c->generators, c->elt.get(), nullptr, Op::BuildSet, Op::SetAdd);
      break;
    }
    case K::DictComp: {
      auto* c = e->as<ast::DictComp>();
      comprehension(e, c->generators, c->key.get(), c->value.get(), Op::BuildMap, Op::MapAdd);
      break;
    }
    case K::GeneratorExp: {
      auto* c = e->as<ast::GeneratorExp>();
      comprehension(e, c->generators, c->elt.get(), nullptr, Op::Nop, Op::YieldValue);
      break;
    }
    case K::Yield: {
      if (!u_->scope->is_function_like()) error("'yield' outside function", e->loc);
      auto* y = e->as<ast::Yield>();
      if (y->value)
        expr(y->value.get());
      else
        emit_none();
      emit(Op::YieldValue, 0);
      break;
    }
    case K::YieldFrom:
      if (!u_->scope->is_function_like()) error("'yield' outside function", e->loc);
      yield_from(e->as<ast::YieldFrom>());
      break;
    case K::Compare:
      compare(e->as<ast::Compare>());
      break;
    case K::Call:
      call(e->as<ast::Call>());
      break;
    case K::FormattedValue:
      formatted_value(e->as<ast::FormattedValue>());
      break;
    case K::JoinedStr:
      joined_str(e->as<ast::JoinedStr>());
      break;
    case K::Constant:
      emit_load_const(e->as<ast::Constant>()->value.get());
      break;
    case K::Attribute: {
      auto* a = e->as<ast::Attribute>();
      if (a->ctx == ast::Ctx::Store) {
        store_target(e);
      } else if (a->ctx == ast::Ctx::Del) {
        delete_target(e);
      } else {
        expr(a->value.get());
        u_->loc = attr_loc(u_->loc, e);
        emit(Op::LoadAttr, add_name(private_name(a->attr)));
      }
      break;
    }
    case K::Subscript: {
      auto* s = e->as<ast::Subscript>();
      expr(s->value.get());
      subscript_key(s->slice.get());
      emit(Op::BinarySubscr);
      break;
    }
    case K::Starred:
      error("can't use starred expression here", e->loc);
    case K::Name:
      name_op(e->as<ast::Name>()->id, e->as<ast::Name>()->ctx);
      break;
    case K::List:
      sequence(e->as<ast::List>()->elts, Op::BuildList, Op::ListExtend, Op::ListAppend, false);
      break;
    case K::Tuple:
      sequence(e->as<ast::Tuple>()->elts, Op::BuildTuple, Op::ListExtend, Op::ListAppend, true);
      break;
    case K::Slice: {
      auto* s = e->as<ast::Slice>();
      for (const ast::ExprP* part : {&s->lower, &s->upper}) {
        if (*part)
          expr(part->get());
        else
          emit_none();
      }
      if (s->step) expr(s->step.get());
      emit(Op::BuildSlice, s->step ? 3 : 2);
      break;
    }
  }
}

}  // namespace compiler
