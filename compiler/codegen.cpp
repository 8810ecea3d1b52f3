// Code generation, part 1: code units (emission, labels, constants, assembly into vm::Code,
// the exception table and the stack-size analysis), statements, and the compile entry
// points. Expressions are in codegen_expr.cpp.
#include "compiler/codegen.h"

#include <algorithm>

#include "runtime/error.h"
#include "runtime/ops.h"

namespace compiler {

using vm::Op;

Compiler::Compiler(const ast::Module& module, std::string_view filename, std::string_view source, Mode mode)
    : module_(module), filename_(filename), source_(source), mode_(mode) {}

vm::Code* Compiler::run() {
  symtable_ = std::make_unique<SymbolTable>(module_, filename_, source_);
  filename_str_ = rt::str_intern(filename_);
  enter_unit(symtable_->top());
  if (mode_ == Mode::Eval && module_.body.size() == 1 && module_.body[0]->kind == ast::StmtKind::Expr) {
    expr(const_cast<ast::Stmt*>(module_.body[0].get())->as<ast::ExprStmt>()->value.get());
    emit(Op::ReturnValue);
  } else {
    if (body_has_annotations(module_.body)) emit(Op::SetupAnnotations);
    stmts(module_.body);
    emit_none();
    emit(Op::ReturnValue);
  }
  return leave_unit("<module>", 1);
}

// ---- units -------------------------------------------------------------------------------

// Starts the code object for [scope]: lays out its local slots (parameters, other locals,
// cells, free variables) and emits the closure prologue.
void Compiler::enter_unit(Scope* scope) {
  auto unit = std::make_unique<Unit>();
  unit->scope = scope;
  unit->loc = {scope->lineno, -1, scope->lineno, -1};
  unit->is_module = !scope->is_function_like();
  if (scope->is_function_like()) {
    for (auto& p : scope->params) unit->varnames.push_back(p);
    for (auto& n : scope->order) {
      auto& sym = scope->symbols.at(n);
      if (sym.scope == NameScope::Local && !(sym.flags & kDefParam)) unit->varnames.push_back(n);
    }
  }
  uint32_t nv = static_cast<uint32_t>(unit->varnames.size());
  for (uint32_t i = 0; i < nv; i++) unit->slots.emplace(unit->varnames[i], i);
  for (size_t i = 0; i < scope->cellvars.size(); i++)
    unit->slots[scope->cellvars[i]] = nv + static_cast<uint32_t>(i);
  uint32_t nc = static_cast<uint32_t>(scope->cellvars.size());
  for (size_t i = 0; i < scope->freevars.size(); i++)
    unit->slots[scope->freevars[i]] = nv + nc + static_cast<uint32_t>(i);
  units_.push_back(std::move(unit));
  u_ = units_.back().get();
  if (!scope->freevars.empty()) emit(Op::CopyFreeVars, static_cast<uint32_t>(scope->freevars.size()));
  std::vector<uint32_t> cells;
  for (auto& n : scope->param_cells) cells.push_back(u_->slots.at(n));
  std::sort(cells.begin(), cells.end());
  for (uint32_t i = 0; i < nc; i++) cells.push_back(nv + i);
  for (uint32_t slot : cells) emit(Op::MakeCell, slot);
}

static rt::Tuple* str_tuple(const std::vector<std::string>& v) {
  rt::Tuple* t = rt::tuple_new(v.size());
  for (size_t i = 0; i < v.size(); i++) t->items()[i] = rt::Value::from_obj(rt::str_intern(v[i]));
  return t;
}

// Finishes the current unit: patches jumps, builds the exception table, computes the stack
// size and returns the code object (new reference), making the enclosing unit current.
vm::Code* Compiler::leave_unit(const std::string& name, int firstlineno) {
  Unit& u = *u_;
  for (size_t idx : u.jumps) {
    uint32_t word = u.code[idx];
    int pos = u.label_pos[vm::arg_of(word)];
    u.code[idx] = vm::encode(vm::op_of(word), static_cast<uint32_t>(pos));
  }
  std::vector<vm::ExceptionEntry> table;
  for (size_t i = 0; i < u.code.size();) {
    int h = u.instr_handler[i];
    size_t j = i + 1;
    while (j < u.code.size() && u.instr_handler[j] == h) j++;
    if (h >= 0)
      table.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                       static_cast<uint32_t>(u.label_pos[u.handlers[h].label]),
                       static_cast<uint32_t>(u.handlers[h].depth)});
    i = j;
  }
  Scope* s = u.scope;
  rt::Str* name_str = rt::str_intern(name);
  rt::Str* qualname_str = rt::str_intern(s->kind == ScopeKind::Module ? name : s->qualname);
  vm::Code* c = vm::code_new(name_str, qualname_str, filename_str_, firstlineno);
  auto replace = [](rt::Tuple*& slot, rt::Tuple* t) {
    rt::decref(slot);
    slot = t;
  };
  rt::Tuple* consts = rt::tuple_new(u.consts.size());
  for (size_t i = 0; i < u.consts.size(); i++) consts->items()[i] = u.consts[i].release();
  replace(c->consts, consts);
  replace(c->names, str_tuple(u.names));
  replace(c->varnames, str_tuple(u.varnames));
  replace(c->cellvars, str_tuple(s->cellvars));
  replace(c->freevars, str_tuple(s->freevars));
  c->argcount = s->argcount;
  c->posonlyargcount = s->posonlyargcount;
  c->kwonlyargcount = s->kwonlyargcount;
  uint32_t flags = 0;
  if (s->has_varargs) flags |= vm::kCoVarargs;
  if (s->has_varkeywords) flags |= vm::kCoVarkeywords;
  if (u.is_module) flags |= vm::kCoModule;
  if (s->is_generator) flags |= vm::kCoGenerator;
  c->flags = flags;
  c->nlocalsplus = static_cast<uint32_t>(u.varnames.size() + s->cellvars.size() + s->freevars.size());
  c->stacksize = compute_stacksize(u.code, table);
  c->code = std::move(u.code);
  c->lines = std::move(u.lines);
  c->spans = std::move(u.spans);
  c->exception_table = std::move(table);
  units_.pop_back();
  u_ = units_.empty() ? nullptr : units_.back().get();
  return c;
}

uint32_t Compiler::emit(Op op, uint32_t arg) {
  if (arg > vm::kMaxArg) rt::raise_msg(&rt::exc_SystemError, "instruction argument too large");
  u_->code.push_back(vm::encode(op, arg));
  u_->lines.push_back(static_cast<uint32_t>(u_->loc.line));
  u_->spans.push_back({static_cast<uint32_t>(u_->loc.end_line), u_->loc.col, u_->loc.end_col});
  u_->instr_handler.push_back(current_handler());
  return static_cast<uint32_t>(u_->code.size() - 1);
}

void Compiler::emit_jump(Op op, int label) {
  u_->jumps.push_back(emit(op, static_cast<uint32_t>(label)));
}

int Compiler::new_label() {
  u_->label_pos.push_back(-1);
  return static_cast<int>(u_->label_pos.size() - 1);
}

void Compiler::bind(int label) {
  u_->label_pos[label] = static_cast<int>(u_->code.size());
  u_->last_label_pos = u_->label_pos[label];
}

int Compiler::current_handler() const {
  for (auto it = u_->fblocks.rbegin(); it != u_->fblocks.rend(); ++it)
    if (it->handler >= 0) return it->handler;
  return -1;
}

// Pushes a block; with [handler_label] >= 0 the code compiled inside it is covered by an
// exception-table region jumping there with [handler_depth] items kept.
int Compiler::push_fblock(FBlockKind kind, int handler_label, int handler_depth) {
  FBlock b;
  b.kind = kind;
  b.depth = u_->depth;
  if (handler_label >= 0) {
    u_->handlers.push_back({handler_label, handler_depth});
    b.handler = static_cast<int>(u_->handlers.size() - 1);
  }
  u_->fblocks.push_back(b);
  return static_cast<int>(u_->fblocks.size() - 1);
}

void Compiler::pop_fblock() { u_->fblocks.pop_back(); }

// A key telling constants apart by type and value (1, 1.0 and True differ; so do 0.0 and -0.0).
static std::string const_key(rt::Value v) {
  if (v.is_int()) return "i" + std::to_string(v.as_int());
  if (v.is_double()) return "f" + std::to_string(v.bits());
  rt::Type* t = rt::type_of(v);
  if (t == &rt::str_type) {
    rt::Str* s = rt::as_str(v);
    return "s" + std::to_string(s->nbytes) + ":" + std::string(s->view());
  }
  if (t == &rt::tuple_type) {
    auto* tup = v.as<rt::Tuple>();
    std::string k = "t" + std::to_string(tup->size) + "(";
    for (size_t i = 0; i < tup->size; i++) k += const_key(tup->item(i)) + ",";
    return k + ")";
  }
  if (t == &rt::int_type) return "I" + rt::int_to_string(v);
  return "p" + std::to_string(reinterpret_cast<uintptr_t>(v.as_obj()));
}

uint32_t Compiler::add_const(rt::Value v) {
  std::string key = const_key(v);
  auto it = u_->const_index.find(key);
  if (it != u_->const_index.end()) return it->second;
  uint32_t i = static_cast<uint32_t>(u_->consts.size());
  u_->consts.push_back(rt::Ref::borrow(v));
  u_->const_index.emplace(std::move(key), i);
  return i;
}

uint32_t Compiler::add_name(const std::string& name) {
  auto it = u_->name_index.find(name);
  if (it != u_->name_index.end()) return it->second;
  uint32_t i = static_cast<uint32_t>(u_->names.size());
  u_->names.push_back(name);
  u_->name_index.emplace(name, i);
  return i;
}

uint32_t Compiler::slot_of(const std::string& name) {
  auto it = u_->slots.find(name);
  if (it == u_->slots.end()) rt::raise_fmt(&rt::exc_SystemError, "no slot for name '{}'", name);
  return it->second;
}

void Compiler::emit_none() { emit_load_const(rt::None()); }

bool Compiler::ends_in_terminator() const {
  if (u_->code.empty() || u_->last_label_pos == static_cast<int>(u_->code.size())) return false;
  Op op = vm::op_of(u_->code.back());
  return op == Op::ReturnValue || op == Op::Raise || op == Op::Reraise || op == Op::Jump ||
         op == Op::JumpBackward;
}

void Compiler::error(const std::string& msg, const ast::Loc& loc) {
  syntax_error_at(msg, loc, filename_, source_);
}

// ---- stack size ----------------------------------------------------------------------------

static bool falls_through(Op op) {
  return op != Op::Jump && op != Op::JumpBackward && op != Op::ReturnValue && op != Op::Raise &&
         op != Op::Reraise;
}

uint32_t compute_stacksize(const std::vector<uint32_t>& code, const std::vector<vm::ExceptionEntry>& table) {
  std::vector<int> seen(code.size(), -1);
  std::vector<std::pair<size_t, int>> work;
  work.push_back({0, 0});
  for (auto& e : table) work.push_back({e.handler, static_cast<int>(e.depth) + 1});
  int maxdepth = 0;
  while (!work.empty()) {
    auto [pc, depth] = work.back();
    work.pop_back();
    while (pc < code.size() && seen[pc] < depth) {
      seen[pc] = depth;
      maxdepth = std::max(maxdepth, depth);
      Op op = vm::op_of(code[pc]);
      uint32_t arg = vm::arg_of(code[pc]);
      if (vm::op_is_jump(op)) {
        int jd = depth + vm::stack_effect(op, arg, true);
        maxdepth = std::max(maxdepth, jd);
        work.push_back({arg, jd});
      }
      depth += vm::stack_effect(op, arg, false);
      maxdepth = std::max(maxdepth, depth);
      if (!falls_through(op)) break;
      pc++;
    }
  }
  return static_cast<uint32_t>(maxdepth);
}

// ---- statements --------------------------------------------------------------------------

void Compiler::stmts(const ast::StmtList& list) {
  for (auto& s : list) stmt(s.get());
}

void Compiler::stmt(const ast::Stmt* cs) {
  auto* s = const_cast<ast::Stmt*>(cs);
  u_->loc = s->loc;
  using K = ast::StmtKind;
  switch (s->kind) {
    case K::FunctionDef:
      function_def(s->as<ast::FunctionDef>());
      break;
    case K::ClassDef:
      class_def(s->as<ast::ClassDef>());
      break;
    case K::Return:
      return_stmt(s->as<ast::Return>());
      break;
    case K::Delete:
      for (auto& t : s->as<ast::Delete>()->targets) delete_target(t.get());
      break;
    case K::Assign:
      assign_stmt(s->as<ast::Assign>());
      break;
    case K::AugAssign:
      aug_assign(s->as<ast::AugAssign>());
      break;
    case K::AnnAssign:
      ann_assign(s->as<ast::AnnAssign>());
      break;
    case K::For:
      for_stmt(s->as<ast::For>());
      break;
    case K::While:
      while_stmt(s->as<ast::While>());
      break;
    case K::If:
      if_stmt(s->as<ast::If>());
      break;
    case K::With:
      with_stmt(s->as<ast::With>(), 0);
      break;
    case K::Raise:
      raise_stmt(s->as<ast::Raise>());
      break;
    case K::Try:
      try_stmt(s->as<ast::Try>());
      break;
    case K::Assert:
      assert_stmt(s->as<ast::Assert>());
      break;
    case K::Import:
      import_stmt(s->as<ast::Import>());
      break;
    case K::ImportFrom:
      import_from(s->as<ast::ImportFrom>());
      break;
    case K::Global:
    case K::Nonlocal:
    case K::Pass:
      break;
    case K::Expr: {
      const ast::Expr* v = s->as<ast::ExprStmt>()->value.get();
      if (mode_ == Mode::Single && u_->scope->kind == ScopeKind::Module) {
        expr(v);
        emit(Op::PrintExpr);
      } else if (v->kind != ast::ExprKind::Constant) {
        expr(v);
        emit(Op::PopTop);
      }
      break;
    }
    case K::Break:
      break_continue(s, true);
      break;
    case K::Continue:
      break_continue(s, false);
      break;
  }
}

void Compiler::function_def(const ast::FunctionDef* f) {
  for (auto& d : f->decorator_list) expr(d.get());
  Scope* scope = symtable_->scope_of(f);
  enter_unit(scope);
  // A docstring is the function's first constant, as in CPython (read by __doc__).
  bool doc = false;
  if (!f->body.empty() && f->body[0]->kind == ast::StmtKind::Expr) {
    const ast::Expr* v = const_cast<ast::Stmt*>(f->body[0].get())->as<ast::ExprStmt>()->value.get();
    if (v->kind == ast::ExprKind::Constant &&
        rt::type_of(const_cast<ast::Expr*>(v)->as<ast::Constant>()->value.get()) == &rt::str_type) {
      doc = add_const(const_cast<ast::Expr*>(v)->as<ast::Constant>()->value.get()) == 0;
    }
  }
  stmts(f->body);
  if (!ends_in_terminator()) {
    emit_none();
    emit(Op::ReturnValue);
  }
  vm::Code* code = leave_unit(f->name, scope->lineno);
  if (doc) code->flags |= vm::kCoDocstring;
  make_function(scope, code, *f->args);
  apply_decorators(f->decorator_list);
  name_op(f->name, ast::Ctx::Store);
}

// Emits MakeFunction for [code] (stolen): closure cells, defaults, keyword-only defaults.
// Defaults are evaluated before keyword-only defaults, as in CPython; Swap puts them in the
// order MakeFunction expects.
void Compiler::make_function(Scope* scope, vm::Code* code, const ast::Arguments& args) {
  rt::Ref code_ref = rt::Ref::steal(rt::Value::from_obj(code));
  uint32_t flags = 0;
  if (!scope->freevars.empty()) {
    for (auto& name : scope->freevars) emit(Op::LoadClosure, slot_of(name));
    emit(Op::BuildTuple, static_cast<uint32_t>(scope->freevars.size()));
    flags |= 8;
  }
  if (!args.defaults.empty()) {
    sequence(args.defaults, Op::BuildTuple, Op::ListExtend, Op::ListAppend, true);
    flags |= 1;
  }
  uint32_t nkw = 0;
  for (size_t i = 0; i < args.kwonlyargs.size(); i++) {
    if (i < args.kw_defaults.size() && args.kw_defaults[i]) {
      rt::Ref key =
          rt::Ref::borrow(rt::Value::from_obj(rt::str_intern(private_name(args.kwonlyargs[i].arg))));
      emit_load_const(key.get());
      expr(args.kw_defaults[i].get());
      nkw++;
    }
  }
  if (nkw) {
    emit(Op::BuildMap, nkw);
    flags |= 2;
    if (flags & 1) emit(Op::Swap, 2);
  }
  emit_load_const(code_ref.get());
  emit(Op::MakeFunction, flags);
}

void Compiler::assign_stmt(const ast::Assign* a) {
  expr(a->value.get());
  for (size_t i = 0; i < a->targets.size(); i++) {
    if (i + 1 < a->targets.size()) emit(Op::Copy, 1);
    store_target(a->targets[i].get());
  }
}

Op binary_opcode(rt::BinOp op) {
  switch (op) {
    case rt::BinOp::Add: return Op::BinaryAdd;
    case rt::BinOp::Sub: return Op::BinarySub;
    case rt::BinOp::Mul: return Op::BinaryMul;
    case rt::BinOp::TrueDiv: return Op::BinaryTrueDiv;
    case rt::BinOp::FloorDiv: return Op::BinaryFloorDiv;
    case rt::BinOp::Mod: return Op::BinaryMod;
    case rt::BinOp::Pow: return Op::BinaryPow;
    case rt::BinOp::LShift: return Op::BinaryLShift;
    case rt::BinOp::RShift: return Op::BinaryRShift;
    case rt::BinOp::And: return Op::BinaryAnd;
    case rt::BinOp::Or: return Op::BinaryOr;
    case rt::BinOp::Xor: return Op::BinaryXor;
    case rt::BinOp::MatMul: break;
  }
  return Op::Nop;
}

// The target's loads and stores carry the target's source range, the operation the
// statement's (as CPython's compiler_augassign).
// Calls the decorators [decos] (already on the stack) on the function or class above them,
// innermost first, each call with its decorator's source range.
void Compiler::apply_decorators(const ast::ExprList& decos) {
  const ast::Loc loc = u_->loc;
  for (size_t i = decos.size(); i-- > 0;) {
    u_->loc = decos[i]->loc;
    emit(Op::Call, 1);
  }
  u_->loc = loc;
}

void Compiler::aug_assign(const ast::AugAssign* a) {
  Op op = binary_opcode(a->op);
  if (op == Op::Nop) error("the '@' operator is not supported", a->loc);
  const ast::Expr* t = a->target.get();
  const ast::Loc stmt_loc = u_->loc;
  switch (t->kind) {
    case ast::ExprKind::Name: {
      auto* n = const_cast<ast::Expr*>(t)->as<ast::Name>();
      u_->loc = t->loc;
      name_op(n->id, ast::Ctx::Load);
      u_->loc = stmt_loc;
      expr(a->value.get());
      emit(op, 1);
      u_->loc = t->loc;
      name_op(n->id, ast::Ctx::Store);
      break;
    }
    case ast::ExprKind::Attribute: {
      auto* at = const_cast<ast::Expr*>(t)->as<ast::Attribute>();
      u_->loc = t->loc;
      expr(at->value.get());
      emit(Op::Copy, 1);
      uint32_t name = add_name(private_name(at->attr));
      u_->loc = attr_loc(t->loc, t);
      emit(Op::LoadAttr, name);
      u_->loc = stmt_loc;
      expr(a->value.get());
      emit(op, 1);
      u_->loc = attr_loc(t->loc, t);
      emit(Op::Swap, 2);
      emit(Op::StoreAttr, name);
      break;
    }
    case ast::ExprKind::Subscript: {
      auto* sub = const_cast<ast::Expr*>(t)->as<ast::Subscript>();
      u_->loc = t->loc;
      expr(sub->value.get());
      subscript_key(sub->slice.get());
      emit(Op::Copy, 2);
      emit(Op::Copy, 2);
      emit(Op::BinarySubscr);
      u_->loc = stmt_loc;
      expr(a->value.get());
      emit(op, 1);
      u_->loc = t->loc;
      emit(Op::Swap, 3);
      emit(Op::Swap, 2);
      emit(Op::StoreSubscr);
      break;
    }
    default:
      error("'" + std::string("expression") + "' is an illegal expression for augmented assignment", t->loc);
  }
  u_->loc = stmt_loc;
}

void Compiler::for_stmt(const ast::For* f) {
  expr(f->iter.get());
  emit(Op::GetIter);
  int start = new_label(), end = new_label(), brk = new_label();
  bind(start);
  emit_jump(Op::ForIter, end);
  u_->depth++;
  int b = push_fblock(FBlockKind::ForLoop);
  u_->fblocks[b].label_continue = start;
  u_->fblocks[b].label_break = brk;
  store_target(f->target.get());
  stmts(f->body);
  u_->loc = f->loc;
  emit_jump(Op::JumpBackward, start);
  pop_fblock();
  u_->depth--;
  bind(end);
  stmts(f->orelse);
  bind(brk);
}

void Compiler::while_stmt(const ast::While* w) {
  rt::Ref c;
  bool constant = constant_value(w->test.get(), &c);
  if (constant && !rt::truthy(c.get())) {
    stmts(w->orelse);
    return;
  }
  int start = new_label(), orelse = new_label(), brk = new_label();
  bind(start);
  if (!constant) jump_if(w->test.get(), orelse, false);
  int b = push_fblock(FBlockKind::WhileLoop);
  u_->fblocks[b].label_continue = start;
  u_->fblocks[b].label_break = brk;
  stmts(w->body);
  u_->loc = w->loc;
  emit_jump(Op::JumpBackward, start);
  pop_fblock();
  bind(orelse);
  stmts(w->orelse);
  bind(brk);
}

void Compiler::if_stmt(const ast::If* i) {
  int orelse = new_label(), end = new_label();
  jump_if(i->test.get(), orelse, false);
  stmts(i->body);
  if (!i->orelse.empty()) {
    if (!ends_in_terminator()) emit_jump(Op::Jump, end);
    bind(orelse);
    stmts(i->orelse);
  } else {
    bind(orelse);
  }
  bind(end);
}

void Compiler::try_stmt(const ast::Try* t) {
  if (!t->finalbody.empty())
    try_finally(t);
  else
    try_except(t);
}

// try/finally as in docs/design.md: the finally body is compiled on the normal path and
// again on the exceptional path, which re-raises.
void Compiler::try_finally(const ast::Try* t) {
  int d = u_->depth;
  int fin = new_label(), end = new_label(), cleanup = new_label();
  int b = push_fblock(FBlockKind::FinallyTry, fin, d);
  u_->fblocks[b].finalbody = &t->finalbody;
  if (!t->handlers.empty())
    try_except(t);
  else
    stmts(t->body);
  pop_fblock();
  stmts(t->finalbody);
  emit_jump(Op::Jump, end);
  bind(fin);
  push_fblock(FBlockKind::FinallyEnd, cleanup, d + 1);
  u_->depth = d + 2;
  emit(Op::PushExcInfo);
  stmts(t->finalbody);
  emit(Op::Reraise);
  pop_fblock();
  u_->depth = d;
  bind(cleanup);
  emit(Op::Swap, 2);
  emit(Op::PopExcept);
  emit(Op::Reraise);
  bind(end);
}

// try/except/else as in docs/design.md. A clause with `as name` also gets a region that
// unbinds the name if its body raises (CPython's behaviour).
void Compiler::try_except(const ast::Try* t) {
  int d = u_->depth;
  int exc = new_label(), end = new_label(), cleanup = new_label();
  push_fblock(FBlockKind::TryExcept, exc, d);
  stmts(t->body);
  pop_fblock();
  stmts(t->orelse);
  emit_jump(Op::Jump, end);
  bind(exc);
  push_fblock(FBlockKind::ExceptHandler, cleanup, d + 1);
  u_->depth = d + 2;
  emit(Op::PushExcInfo);
  for (size_t i = 0; i + 1 < t->handlers.size(); i++) {
    if (!t->handlers[i].type) error("default 'except:' must be last", t->handlers[i].loc);
  }
  for (auto& h : t->handlers) {
    u_->loc = h.loc;
    int next = new_label();
    if (h.type) {
      emit(Op::Copy, 1);
      expr(h.type.get());
      emit(Op::CheckExcMatch);
      emit_jump(Op::PopJumpIfFalse, next);
    }
    if (!h.name.empty())
      name_op(h.name, ast::Ctx::Store);
    else
      emit(Op::PopTop);
    u_->depth = d + 1;
    int name_cleanup = h.name.empty() ? -1 : new_label();
    int b = push_fblock(FBlockKind::HandlerCleanup, name_cleanup, d + 1);
    if (!h.name.empty()) u_->fblocks[b].name = &h.name;
    stmts(h.body);
    pop_fblock();
    emit(Op::PopExcept);
    if (!h.name.empty()) {
      emit_none();
      name_op(h.name, ast::Ctx::Store);
      name_op(h.name, ast::Ctx::Del);
    }
    emit_jump(Op::Jump, end);
    if (!h.name.empty()) {
      bind(name_cleanup);
      emit_none();
      name_op(h.name, ast::Ctx::Store);
      name_op(h.name, ast::Ctx::Del);
      emit(Op::Reraise);
    }
    u_->depth = d + 2;
    bind(next);
  }
  if (t->handlers.empty() || t->handlers.back().type) emit(Op::Reraise);
  pop_fblock();
  u_->depth = d;
  bind(cleanup);
  emit(Op::Swap, 2);
  emit(Op::PopExcept);
  emit(Op::Reraise);
  bind(end);
}

// Whether a block outside index [i] needs the stack exact when a return unwinds past it.
static bool outer_needs_stack(const std::vector<FBlock>& blocks, size_t i) {
  for (size_t j = 0; j < i; j++) {
    FBlockKind k = blocks[j].kind;
    if (k != FBlockKind::WhileLoop && k != FBlockKind::ForLoop && k != FBlockKind::TryExcept) return true;
  }
  return false;
}

int Compiler::unwind_fblocks(bool preserve_tos, bool to_loop, const ast::Loc& loc) {
  std::vector<FBlock> saved = u_->fblocks;
  int saved_depth = u_->depth;
  if (preserve_tos) u_->depth++;
  int found = -1;
  for (size_t i = saved.size(); i-- > 0;) {
    const FBlock& b = saved[i];
    if (to_loop && (b.kind == FBlockKind::WhileLoop || b.kind == FBlockKind::ForLoop)) {
      found = static_cast<int>(i);
      break;
    }
    u_->fblocks.resize(i);
    if (b.kind == FBlockKind::ForLoop && !outer_needs_stack(saved, i)) continue;
    unwind_fblock(b, preserve_tos);
  }
  u_->fblocks = std::move(saved);
  u_->depth = saved_depth;
  u_->loc = loc;
  return found;
}

// Emits what leaving block [b] early needs (CPython's compiler_unwind_fblock). [preserve_tos]:
// a return value is on top of the stack and must stay there.
void Compiler::unwind_fblock(const FBlock& b, bool preserve_tos) {
  switch (b.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::TryExcept:
    case FBlockKind::ExceptHandler:
      break;
    case FBlockKind::ForLoop:
    case FBlockKind::PopValue:
      if (preserve_tos) emit(Op::Swap, 2);
      emit(Op::PopTop);
      u_->depth--;
      break;
    case FBlockKind::FinallyTry: {
      ast::Loc line = u_->loc;
      if (preserve_tos) push_fblock(FBlockKind::PopValue);
      stmts(*b.finalbody);
      if (preserve_tos) pop_fblock();
      u_->loc = line;
      break;
    }
    case FBlockKind::With:
      if (preserve_tos) {  // [exit, self, value] -> [value, exit, self]
        emit(Op::Swap, 3);
        emit(Op::Swap, 2);
      }
      emit_none();
      emit_none();
      emit_none();
      emit(Op::CallMethod, 3);
      emit(Op::PopTop);
      u_->depth -= 2;
      break;
    case FBlockKind::FinallyEnd:
      if (preserve_tos) emit(Op::Swap, 2);
      emit(Op::PopTop);
      if (preserve_tos) emit(Op::Swap, 2);
      emit(Op::PopExcept);
      u_->depth -= 2;
      break;
    case FBlockKind::HandlerCleanup:
      if (preserve_tos) emit(Op::Swap, 2);
      emit(Op::PopExcept);
      u_->depth--;
      if (b.name) {
        emit_none();
        name_op(*b.name, ast::Ctx::Store);
        name_op(*b.name, ast::Ctx::Del);
      }
      break;
  }
}

void Compiler::return_stmt(const ast::Return* r) {
  if (!u_->scope->is_function_like()) error("'return' outside function", r->loc);
  bool preserve = r->value && r->value->kind != ast::ExprKind::Constant;
  if (preserve) expr(r->value.get());
  std::vector<FBlock> saved = u_->fblocks;
  unwind_fblocks(preserve, false, r->loc);
  u_->fblocks.clear();  // what follows cannot raise: keep it out of the try regions
  if (!r->value)
    emit_none();
  else if (!preserve)
    expr(r->value.get());
  emit(Op::ReturnValue);
  u_->fblocks = std::move(saved);
}

void Compiler::break_continue(const ast::Stmt* s, bool is_break) {
  bool in_loop = false;
  for (auto& b : u_->fblocks)
    if (b.kind == FBlockKind::WhileLoop || b.kind == FBlockKind::ForLoop) in_loop = true;
  if (!in_loop) error(is_break ? "'break' outside loop" : "'continue' not properly in loop", s->loc);
  int i = unwind_fblocks(false, true, s->loc);
  FBlock loop = u_->fblocks[i];
  if (is_break) {
    if (loop.kind == FBlockKind::ForLoop) emit(Op::PopTop);
    emit_jump(Op::Jump, loop.label_break);
  } else {
    emit_jump(Op::JumpBackward, loop.label_continue);
  }
}

// `import a.b` binds a: ImportName pushes the named (innermost) module, so the top package is
// imported again by its own name. `import a.b as c` binds c to a.b.
void Compiler::import_stmt(const ast::Import* s) {
  for (auto& a : s->names) {
    emit(Op::ImportName, add_name(a.name));
    size_t dot = a.name.find('.');
    if (!a.asname.empty()) {
      name_op(a.asname, ast::Ctx::Store);
    } else if (dot != std::string::npos) {
      emit(Op::PopTop);
      std::string top = a.name.substr(0, dot);
      emit(Op::ImportName, add_name(top));
      name_op(top, ast::Ctx::Store);
    } else {
      name_op(a.name, ast::Ctx::Store);
    }
  }
}

void Compiler::import_from(const ast::ImportFrom* s) {
  if (s->level > 0) error("relative imports are not supported", s->loc);
  emit(Op::ImportName, add_name(s->module));
  for (auto& a : s->names) {
    if (a.name == "*") error("'from module import *' is not supported", s->loc);
    emit(Op::ImportFrom, add_name(a.name));
    name_op(a.asname.empty() ? a.name : a.asname, ast::Ctx::Store);
  }
  emit(Op::PopTop);
}

void Compiler::raise_stmt(const ast::Raise* r) {
  uint32_t n = 0;
  if (r->exc) {
    expr(r->exc.get());
    n = 1;
    if (r->cause) {
      expr(r->cause.get());
      n = 2;
    }
  }
  emit(Op::Raise, n);
}

void Compiler::assert_stmt(const ast::Assert* a) {
  int ok = new_label();
  jump_if(a->test.get(), ok, true);
  // CPython 3.11 raises with the test's source range when the test is a comparison.
  if (a->test->kind == ast::ExprKind::Compare) u_->loc = a->test->loc;
  emit(Op::LoadAssertionError);
  if (a->msg) {
    expr(a->msg.get());
    emit(Op::Call, 1);
  }
  emit(Op::Raise, 1);
  bind(ok);
}

void Compiler::delete_target(const ast::Expr* ce) {
  auto* e = const_cast<ast::Expr*>(ce);
  ast::Loc line = u_->loc;
  u_->loc = e->loc;
  switch (e->kind) {
    case ast::ExprKind::Name:
      name_op(e->as<ast::Name>()->id, ast::Ctx::Del);
      break;
    case ast::ExprKind::Attribute:
      expr(e->as<ast::Attribute>()->value.get());
      u_->loc = attr_loc(u_->loc, e);
      emit(Op::DeleteAttr, add_name(private_name(e->as<ast::Attribute>()->attr)));
      break;
    case ast::ExprKind::Subscript:
      expr(e->as<ast::Subscript>()->value.get());
      subscript_key(e->as<ast::Subscript>()->slice.get());
      emit(Op::DeleteSubscr);
      break;
    case ast::ExprKind::Tuple:
      for (auto& t : e->as<ast::Tuple>()->elts) delete_target(t.get());
      break;
    case ast::ExprKind::List:
      for (auto& t : e->as<ast::List>()->elts) delete_target(t.get());
      break;
    default:
      error("cannot delete expression", e->loc);
  }
  u_->loc = line;
}

// ---- entry points ------------------------------------------------------------------------

vm::Code* compile(const ast::Module& module, std::string_view filename, Mode mode) {
  return Compiler(module, filename, std::string_view(), mode).run();
}

vm::Code* compile_source(std::string_view source, std::string_view filename, Mode mode) {
  ast::Module m = parse(source, filename, mode);
  return Compiler(m, filename, source, mode).run();
}

}  // namespace compiler
