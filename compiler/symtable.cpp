// Symbol table construction and name resolution, following CPython 3.11's symtable.c: a
// walk over the AST records how each scope uses each name (flags), then a top-down pass
// decides local / global / free / cell, passing bound names down and free names back up.
#include "compiler/symtable.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "compiler/compile.h"
#include "runtime/error.h"

namespace compiler {

using NameSet = std::unordered_set<std::string>;

NameScope Scope::lookup(const std::string& name) const {
  auto it = symbols.find(name);
  return it == symbols.end() ? NameScope::GlobalImplicit : it->second.scope;
}

std::string source_line(std::string_view source, int line) {
  size_t pos = 0;
  for (int i = 1; i < line; i++) {
    size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) return "";
    pos = nl + 1;
  }
  size_t end = source.find('\n', pos);
  if (end == std::string_view::npos) end = source.size();
  return std::string(source.substr(pos, end - pos));
}

void syntax_error_at(std::string_view msg, const ast::Loc& loc, std::string_view filename,
                     std::string_view source) {
  std::string text;
  if (!source.empty()) {
    text = source_line(source, loc.line);
  } else {
    std::ifstream in{std::string(filename)};
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      text = source_line(ss.str(), loc.line);
    }
  }
  // An error spanning lines is underlined to the end of its first line, as CPython does.
  int end_col = loc.end_line == loc.line ? loc.end_col : static_cast<int>(text.size());
  raise_syntax_error(&rt::exc_SyntaxError, msg, filename, loc.line, loc.col, text, loc.line, end_col);
}

// The AST walk that fills the scopes' symbol flags.
class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& st, std::string_view filename, std::string_view source)
      : st_(st), filename_(filename), source_(source) {}

  void build(const ast::Module& m) {
    st_.top_ = std::make_unique<Scope>();
    cur_ = st_.top_.get();
    cur_->kind = ScopeKind::Module;
    cur_->name = cur_->qualname = "<module>";
    for (auto& s : m.body) stmt(s.get());
  }

 private:
  [[noreturn]] void error(const std::string& msg, const ast::Loc& loc) {
    syntax_error_at(msg, loc, filename_, source_);
  }

  // Opens a child scope of the current one for [node].
  Scope* enter(ScopeKind kind, const std::string& name, const void* node, int lineno) {
    auto child = std::make_unique<Scope>();
    Scope* s = child.get();
    s->kind = kind;
    s->name = name;
    s->lineno = lineno;
    s->parent = cur_;
    s->private_name = kind == ScopeKind::Class ? name : cur_->private_name;
    if (cur_->kind == ScopeKind::Module) {
      s->qualname = name;
    } else {
      auto it = cur_->symbols.find(name);
      bool declared_global = kind != ScopeKind::Comprehension && kind != ScopeKind::Lambda &&
                             it != cur_->symbols.end() && (it->second.flags & kDefGlobal);
      if (declared_global)
        s->qualname = name;
      else if (cur_->kind == ScopeKind::Function || cur_->kind == ScopeKind::Lambda)
        s->qualname = cur_->qualname + ".<locals>." + name;
      else  // a class body or a comprehension (CPython's compiler_set_qualname)
        s->qualname = cur_->qualname + "." + name;
    }
    cur_->children.push_back(std::move(child));
    st_.by_node_[node] = s;
    cur_ = s;
    return s;
  }
  void leave() { cur_ = cur_->parent; }

  // Records [flags] for [name] (mangled in the current scope's class) in [scope] (the current
  // one by default).
  void add_def(const std::string& plain, unsigned flags, const ast::Loc& loc, Scope* scope = nullptr) {
    std::string name = mangle(cur_->private_name, plain);
    if (!scope) scope = cur_;
    auto [it, inserted] = scope->symbols.try_emplace(name);
    if (inserted) scope->order.push_back(name);
    Symbol& sym = it->second;
    if ((flags & kDefParam) && (sym.flags & kDefParam))
      error("duplicate argument '" + name + "' in function definition", loc);
    sym.flags |= flags;
  }

  void param(const ast::Arg& a) {
    add_def(a.arg, kDefParam, a.loc);
    cur_->params.push_back(mangle(cur_->private_name, a.arg));
  }

  // Parameters of the current (function or lambda) scope, in varnames order.
  void params(const ast::Arguments& args) {
    for (auto& a : args.posonlyargs) param(a);
    for (auto& a : args.args) param(a);
    cur_->posonlyargcount = static_cast<uint32_t>(args.posonlyargs.size());
    cur_->argcount = static_cast<uint32_t>(args.posonlyargs.size() + args.args.size());
    for (auto& a : args.kwonlyargs) param(a);
    cur_->kwonlyargcount = static_cast<uint32_t>(args.kwonlyargs.size());
    if (args.vararg) {
      param(*args.vararg);
      cur_->has_varargs = true;
    }
    if (args.kwarg) {
      param(*args.kwarg);
      cur_->has_varkeywords = true;
    }
  }

  // Defaults are evaluated in the scope that holds the def or lambda.
  void defaults(const ast::Arguments& args) {
    for (auto& e : args.defaults) expr(e.get());
    for (auto& e : args.kw_defaults)
      if (e) expr(e.get());
  }

  void stmts(const ast::StmtList& list) {
    for (auto& s : list) stmt(s.get());
  }

  // global / nonlocal: CPython's checks against earlier uses in the same scope.
  void directive(const ast::Stmt* s, const std::vector<std::string>& names, bool global) {
    const char* what = global ? "global" : "nonlocal";
    if (!global && cur_->kind == ScopeKind::Module)
      error("nonlocal declaration not allowed at module level", s->loc);
    for (auto& plain : names) {
      std::string name = mangle(cur_->private_name, plain);
      auto it = cur_->symbols.find(name);
      unsigned f = it == cur_->symbols.end() ? 0 : it->second.flags;
      if (f & kDefParam) error("name '" + name + "' is parameter and " + what, s->loc);
      if (f & kUse) error("name '" + name + "' is used prior to " + what + " declaration", s->loc);
      if (f & kDefLocal)
        error("name '" + name + "' is assigned to before " + what + " declaration", s->loc);
      if (global && (f & kDefNonlocal)) error("name '" + name + "' is nonlocal and global", s->loc);
      if (!global && (f & kDefGlobal)) error("name '" + name + "' is nonlocal and global", s->loc);
      add_def(plain, global ? kDefGlobal : kDefNonlocal, s->loc);
      cur_->directives.emplace(name, s->loc);
    }
  }

  void stmt(const ast::Stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef: {
        auto* f = const_cast<ast::Stmt*>(s)->as<ast::FunctionDef>();
        for (auto& d : f->decorator_list) expr(d.get());
        defaults(*f->args);
        add_def(f->name, kDefLocal, s->loc);
        int line = f->decorator_list.empty() ? s->loc.line : f->decorator_list[0]->loc.line;
        enter(ScopeKind::Function, f->name, f, line);
        params(*f->args);
        stmts(f->body);
        leave();
        break;
      }
      case K::ClassDef: {
        auto* c = const_cast<ast::Stmt*>(s)->as<ast::ClassDef>();
        for (auto& d : c->decorator_list) expr(d.get());
        for (auto& b : c->bases) expr(b.get());
        for (auto& k : c->keywords) expr(k.value.get());
        add_def(c->name, kDefLocal, s->loc);
        int line = c->decorator_list.empty() ? s->loc.line : c->decorator_list[0]->loc.line;
        enter(ScopeKind::Class, c->name, c, line);
        stmts(c->body);
        leave();
        break;
      }
      case K::Return: {
        auto* r = const_cast<ast::Stmt*>(s)->as<ast::Return>();
        if (r->value) expr(r->value.get());
        break;
      }
      case K::Delete:
        for (auto& t : const_cast<ast::Stmt*>(s)->as<ast::Delete>()->targets) expr(t.get());
        break;
      case K::Assign: {
        auto* a = const_cast<ast::Stmt*>(s)->as<ast::Assign>();
        expr(a->value.get());
        for (auto& t : a->targets) expr(t.get());
        break;
      }
      case K::AugAssign: {
        auto* a = const_cast<ast::Stmt*>(s)->as<ast::AugAssign>();
        expr(a->target.get());
        expr(a->value.get());
        break;
      }
      case K::AnnAssign: {
        auto* a = const_cast<ast::Stmt*>(s)->as<ast::AnnAssign>();
        expr(a->target.get());
        if (a->value) expr(a->value.get());
        break;
      }
      case K::For: {
        auto* f = const_cast<ast::Stmt*>(s)->as<ast::For>();
        expr(f->target.get());
        expr(f->iter.get());
        stmts(f->body);
        stmts(f->orelse);
        break;
      }
      case K::While: {
        auto* w = const_cast<ast::Stmt*>(s)->as<ast::While>();
        expr(w->test.get());
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case K::If: {
        auto* i = const_cast<ast::Stmt*>(s)->as<ast::If>();
        expr(i->test.get());
        stmts(i->body);
        stmts(i->orelse);
        break;
      }
      case K::With: {
        auto* w = const_cast<ast::Stmt*>(s)->as<ast::With>();
        for (auto& item : w->items) {
          expr(item.context_expr.get());
          if (item.optional_vars) expr(item.optional_vars.get());
        }
        stmts(w->body);
        break;
      }
      case K::Raise: {
        auto* r = const_cast<ast::Stmt*>(s)->as<ast::Raise>();
        if (r->exc) expr(r->exc.get());
        if (r->cause) expr(r->cause.get());
        break;
      }
      case K::Try: {
        auto* t = const_cast<ast::Stmt*>(s)->as<ast::Try>();
        stmts(t->body);
        for (auto& h : t->handlers) {
          if (h.type) expr(h.type.get());
          if (!h.name.empty()) add_def(h.name, kDefLocal, h.loc);
          stmts(h.body);
        }
        stmts(t->orelse);
        stmts(t->finalbody);
        break;
      }
      case K::Assert: {
        auto* a = const_cast<ast::Stmt*>(s)->as<ast::Assert>();
        expr(a->test.get());
        if (a->msg) expr(a->msg.get());
        break;
      }
      case K::Import:
        for (auto& a : const_cast<ast::Stmt*>(s)->as<ast::Import>()->names) {
          std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          add_def(bound, kDefLocal, a.loc);
        }
        break;
      case K::ImportFrom:
        for (auto& a : const_cast<ast::Stmt*>(s)->as<ast::ImportFrom>()->names) {
          if (a.name == "*") {
            if (cur_->kind != ScopeKind::Module) error("import * only allowed at module level", s->loc);
            continue;
          }
          add_def(a.asname.empty() ? a.name : a.asname, kDefLocal, a.loc);
        }
        break;
      case K::Global:
        directive(s, const_cast<ast::Stmt*>(s)->as<ast::Global>()->names, true);
        break;
      case K::Nonlocal:
        directive(s, const_cast<ast::Stmt*>(s)->as<ast::Nonlocal>()->names, false);
        break;
      case K::Expr:
        expr(const_cast<ast::Stmt*>(s)->as<ast::ExprStmt>()->value.get());
        break;
      case K::Pass:
      case K::Break:
      case K::Continue:
        break;
    }
  }

  void exprs(const ast::ExprList& list) {
    for (auto& e : list)
      if (e) expr(e.get());
  }

  // A walrus target inside a comprehension binds in the nearest enclosing function (or the
  // module); each comprehension in between sees it as free (CPython's
  // symtable_extend_namedexpr_scope).
  void namedexpr_target(const ast::Name* target) {
    std::string name = mangle(cur_->private_name, target->id);
    for (Scope* s = cur_; s; s = s->parent) {
      if (s->kind == ScopeKind::Comprehension) {
        auto it = s->symbols.find(name);
        if (it != s->symbols.end() && (it->second.flags & kDefCompIter))
          error("assignment expression cannot rebind comprehension iteration variable '" + name + "'",
                target->loc);
        continue;
      }
      if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda) {
        add_def(name, kDefNonlocal, target->loc);
        add_def(name, kDefLocal, target->loc, s);
        return;
      }
      if (s->kind == ScopeKind::Module) {
        add_def(name, kDefGlobal, target->loc);
        add_def(name, kDefLocal, target->loc, s);
        return;
      }
      error("assignment expression within a comprehension cannot be used in a class body", target->loc);
    }
  }

  void comprehension(const ast::Expr* e, const char* name, const std::vector<ast::Comprehension>& gens,
                     const ast::Expr* elt, const ast::Expr* value) {
    expr(gens[0].iter.get());
    Scope* s = enter(ScopeKind::Comprehension, name, e, e->loc.line);
    s->params.push_back(".0");
    s->argcount = 1;
    s->is_generator = e->kind == ast::ExprKind::GeneratorExp;
    add_def(".0", kDefParam, e->loc);
    for (size_t i = 0; i < gens.size(); i++) {
      if (i > 0) expr(gens[i].iter.get());
      in_comp_target_ = true;
      expr(gens[i].target.get());
      in_comp_target_ = false;
      exprs(gens[i].ifs);
    }
    if (value) expr(value);
    expr(elt);
    leave();
  }

  void expr(const ast::Expr* ce) {
    check_compile_depth();
    auto* e = const_cast<ast::Expr*>(ce);
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::BoolOp:
        exprs(e->as<ast::BoolOp>()->values);
        break;
      case K::NamedExpr: {
        auto* n = e->as<ast::NamedExpr>();
        expr(n->value.get());
        if (cur_->kind == ScopeKind::Comprehension && n->target->kind == K::Name)
          namedexpr_target(n->target->as<ast::Name>());
        else
          expr(n->target.get());
        break;
      }
      case K::BinOp:
        expr(e->as<ast::BinOp>()->left.get());
        expr(e->as<ast::BinOp>()->right.get());
        break;
      case K::UnaryOp:
        expr(e->as<ast::UnaryOp>()->operand.get());
        break;
      case K::Lambda: {
        auto* l = e->as<ast::Lambda>();
        defaults(*l->args);
        enter(ScopeKind::Lambda, "<lambda>", l, e->loc.line);
        params(*l->args);
        expr(l->body.get());
        leave();
        break;
      }
      case K::IfExp:
        expr(e->as<ast::IfExp>()->test.get());
        expr(e->as<ast::IfExp>()->body.get());
        expr(e->as<ast::IfExp>()->orelse.get());
        break;
      case K::Dict:
        exprs(e->as<ast::Dict>()->keys);
        exprs(e->as<ast::Dict>()->values);
        break;
      case K::Set:
        exprs(e->as<ast::Set>()->elts);
        break;
      case K::ListComp: {
        auto* c = e->as<ast::ListComp>();
        comprehension(e, "<listcomp>", c->generators, c->elt.get(), nullptr);
        break;
      }
      case K::SetComp: {
        auto* c = e->as<ast::SetComp>();
        comprehension(e, "<setcomp>", c->generators, c->elt.get(), nullptr);
        break;
      }
      case K::DictComp: {
        auto* c = e->as<ast::DictComp>();
        comprehension(e, "<dictcomp>", c->generators, c->key.get(), c->value.get());
        break;
      }
      case K::GeneratorExp: {
        auto* c = e->as<ast::GeneratorExp>();
        comprehension(e, "<genexpr>", c->generators, c->elt.get(), nullptr);
        break;
      }
      case K::Yield:
      case K::YieldFrom: {
        if (cur_->kind == ScopeKind::Comprehension) {
          const char* what = cur_->name == "<listcomp>"  ? "list comprehension"
                             : cur_->name == "<setcomp>" ? "set comprehension"
                             : cur_->name == "<dictcomp>" ? "dict comprehension"
                                                          : "generator expression";
          error(std::string("'yield' inside ") + what, e->loc);
        }
        cur_->is_generator = true;
        const ast::Expr* v = e->kind == K::Yield ? e->as<ast::Yield>()->value.get()
                                                  : e->as<ast::YieldFrom>()->value.get();
        if (v) expr(v);
        break;
      }
      case K::Compare:
        expr(e->as<ast::Compare>()->left.get());
        exprs(e->as<ast::Compare>()->comparators);
        break;
      case K::Call: {
        auto* c = e->as<ast::Call>();
        expr(c->func.get());
        exprs(c->args);
        for (auto& k : c->keywords) expr(k.value.get());
        break;
      }
      case K::FormattedValue:
        expr(e->as<ast::FormattedValue>()->value.get());
        if (e->as<ast::FormattedValue>()->format_spec) expr(e->as<ast::FormattedValue>()->format_spec.get());
        break;
      case K::JoinedStr:
        exprs(e->as<ast::JoinedStr>()->values);
        break;
      case K::Constant:
        break;
      case K::Attribute:
        expr(e->as<ast::Attribute>()->value.get());
        break;
      case K::Subscript:
        expr(e->as<ast::Subscript>()->value.get());
        expr(e->as<ast::Subscript>()->slice.get());
        break;
      case K::Starred:
        expr(e->as<ast::Starred>()->value.get());
        break;
      case K::Name: {
        auto* n = e->as<ast::Name>();
        unsigned f = n->ctx == ast::Ctx::Load ? kUse : kDefLocal;
        if (in_comp_target_ && n->ctx == ast::Ctx::Store) f |= kDefCompIter;
        add_def(n->id, f, e->loc);
        // Zero-argument super() needs the class: it makes __class__ free in the function.
        if (n->ctx == ast::Ctx::Load && n->id == "super" && cur_->is_function_like())
          add_def("__class__", kUse, e->loc);
        break;
      }
      case K::List:
        exprs(e->as<ast::List>()->elts);
        break;
      case K::Tuple:
        exprs(e->as<ast::Tuple>()->elts);
        break;
      case K::Slice: {
        auto* s = e->as<ast::Slice>();
        if (s->lower) expr(s->lower.get());
        if (s->upper) expr(s->upper.get());
        if (s->step) expr(s->step.get());
        break;
      }
    }
  }

  SymbolTable& st_;
  std::string_view filename_, source_;
  Scope* cur_ = nullptr;
  bool in_comp_target_ = false;
};

namespace {

// The resolution pass (CPython's analyze_block / analyze_name).
class Analyzer {
 public:
  Analyzer(std::string_view filename, std::string_view source) : filename_(filename), source_(source) {}

  // Resolves [s] given the names [bound] in enclosing functions (null at module level) and
  // the names known [global]; returns in [free] the names free in [s] or its children.
  void analyze(Scope* s, NameSet* bound, NameSet global, NameSet& free) {
    NameSet local, newbound, newglobal, scope_free;
    bool is_class = s->kind == ScopeKind::Class;
    NameSet bound_copy;
    if (bound) bound_copy = *bound;
    NameSet* b = bound ? &bound_copy : nullptr;
    if (is_class) {
      newglobal = global;
      if (b) newbound = *b;
    }
    std::vector<std::string> names;
    names.reserve(s->symbols.size());
    for (auto& kv : s->symbols) names.push_back(kv.first);
    std::sort(names.begin(), names.end());
    for (auto& name : names) analyze_name(s, name, s->symbols[name], b, local, scope_free, global);
    if (!is_class) {
      if (s->is_function_like()) newbound.insert(local.begin(), local.end());
      if (b) newbound.insert(b->begin(), b->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (auto& child : s->children) {
      NameSet child_free;
      NameSet child_bound = newbound;
      analyze(child.get(), &child_bound, newglobal, child_free);
      allfree.insert(child_free.begin(), child_free.end());
    }
    if (s->is_function_like()) {
      for (auto& kv : s->symbols) {
        if (kv.second.scope == NameScope::Local && allfree.count(kv.first)) {
          kv.second.scope = NameScope::Cell;
          allfree.erase(kv.first);
        }
      }
    } else if (is_class) {
      if (allfree.erase("__class__")) s->needs_class_cell = true;
    }
    for (auto& name : allfree) {
      auto it = s->symbols.find(name);
      if (it != s->symbols.end()) {
        if (is_class && (it->second.flags & (kDefLocal | kDefParam | kDefGlobal)))
          it->second.flags |= kDefFreeClass;
        continue;
      }
      if (b && !b->count(name)) continue;
      Symbol sym;
      sym.scope = NameScope::Free;
      s->symbols.emplace(name, sym);
      s->order.push_back(name);
    }
    free = std::move(scope_free);
    free.insert(allfree.begin(), allfree.end());

    for (auto& kv : s->symbols) {
      if (kv.second.scope == NameScope::Cell) {
        if (kv.second.flags & kDefParam)
          s->param_cells.push_back(kv.first);
        else
          s->cellvars.push_back(kv.first);
      } else if (kv.second.scope == NameScope::Free) {
        s->freevars.push_back(kv.first);
      } else if (is_class && (kv.second.flags & kDefFreeClass)) {
        // Bound in the class body and free in a method: the body passes the enclosing
        // function's cell through to the method's closure.
        s->freevars.push_back(kv.first);
      }
    }
    if (s->needs_class_cell) s->cellvars.push_back("__class__");
    std::sort(s->cellvars.begin(), s->cellvars.end());
    std::sort(s->param_cells.begin(), s->param_cells.end());
    std::sort(s->freevars.begin(), s->freevars.end());
  }

 private:
  void analyze_name(Scope* s, const std::string& name, Symbol& sym, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global) {
    auto where = [&]() {
      auto it = s->directives.find(name);
      return it == s->directives.end() ? ast::Loc{s->lineno, 0, s->lineno, 0} : it->second;
    };
    if (sym.flags & kDefGlobal) {
      if (sym.flags & kDefNonlocal)
        syntax_error_at("name '" + name + "' is nonlocal and global", where(), filename_, source_);
      sym.scope = NameScope::GlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return;
    }
    if (sym.flags & kDefNonlocal) {
      if (!bound)
        syntax_error_at("nonlocal declaration not allowed at module level", where(), filename_, source_);
      if (!bound->count(name))
        syntax_error_at("no binding for nonlocal '" + name + "' found", where(), filename_, source_);
      sym.scope = NameScope::Free;
      free.insert(name);
      return;
    }
    if (sym.flags & (kDefLocal | kDefParam)) {
      sym.scope = NameScope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      sym.scope = NameScope::Free;
      free.insert(name);
      return;
    }
    sym.scope = NameScope::GlobalImplicit;
  }

  std::string_view filename_, source_;
};

}  // namespace

SymbolTable::SymbolTable(const ast::Module& module, std::string_view filename, std::string_view source) {
  SymtableBuilder(*this, filename, source).build(module);
  NameSet free;
  Analyzer(filename, source).analyze(top_.get(), nullptr, NameSet{}, free);
}

std::string mangle(const std::string& private_name, const std::string& name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name.compare(name.size() - 2, 2, "__") == 0) return name;
  if (name.find('.') != std::string::npos) return name;
  size_t first = private_name.find_first_not_of('_');
  if (first == std::string::npos) return name;
  return "_" + private_name.substr(first) + name;
}

Scope* SymbolTable::scope_of(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace compiler
