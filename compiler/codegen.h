// The code generator: one pass over the AST per code object, emitting vm::Code with
// instructions, line numbers, constants, names, an exception table and a stack size.
// Statements live in codegen.cpp, expressions in codegen_expr.cpp; the conventions shared
// with the interpreter are in docs/design.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/compile.h"
#include "compiler/symtable.h"
#include "vm/code.h"

namespace compiler {

// Blocks of the statement being compiled that break/continue/return must unwind (CPython's
// fblocks). Each may open an exception-table region ([handler] >= 0).
enum class FBlockKind {
  WhileLoop,       // nothing on the stack
  ForLoop,         // the iterator on the stack
  TryExcept,       // a try body with except clauses
  FinallyTry,      // a try body with a finally clause: unwinding runs the finally body
  FinallyEnd,      // the finally body on the exceptional path: [prev, exc] on the stack
  ExceptHandler,   // matching except clauses: [prev, exc]
  HandlerCleanup,  // an except clause's body: [prev]; [name] is the `as` target
  PopValue,        // a return value kept on the stack while a finally body runs
  With,            // a with body: the bound __exit__ on the stack, called on the way out
};

struct FBlock {
  FBlockKind kind;
  int handler = -1;           // index into Unit::handlers, -1 when no region is opened
  int label_continue = -1;    // loops
  int label_break = -1;
  const ast::StmtList* finalbody = nullptr;  // FinallyTry
  const std::string* name = nullptr;         // HandlerCleanup with `as`
  int depth = 0;              // stack depth when the block was entered
};

// The code object under construction.
struct Unit {
  Scope* scope = nullptr;
  std::vector<uint32_t> code;
  std::vector<uint32_t> lines;
  std::vector<vm::SourceSpan> spans;
  std::vector<int> instr_handler;  // innermost region of each instruction, -1 for none
  std::vector<rt::Ref> consts;
  std::unordered_map<std::string, uint32_t> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, uint32_t> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, uint32_t> slots;  // local, cell and free names -> slot
  std::vector<int> label_pos;    // -1 until bound
  std::vector<size_t> jumps;     // instructions whose argument is a label id
  struct Handler {
    int label;
    int depth;
  };
  std::vector<Handler> handlers;
  std::vector<FBlock> fblocks;
  ast::Loc loc{1, -1, 1, -1};      // source range given to the instructions emitted now
  int depth = 0;                 // evaluation-stack depth at the current statement
  int last_label_pos = -1;       // position of the most recently bound label
  bool is_module = false;        // module (or class) body: names via LoadName/StoreName
};

class Compiler {
 public:
  Compiler(const ast::Module& module, std::string_view filename, std::string_view source, Mode mode);
  // Compiles the module; returns a new reference.
  vm::Code* run();

 private:
  // ---- units, emission, labels (codegen.cpp)
  void enter_unit(Scope* scope);
  vm::Code* leave_unit(const std::string& name, int firstlineno);
  uint32_t emit(vm::Op op, uint32_t arg = 0);
  void emit_jump(vm::Op op, int label);
  int new_label();
  void bind(int label);
  int current_handler() const;
  int push_fblock(FBlockKind kind, int handler_label = -1, int handler_depth = 0);
  void pop_fblock();
  uint32_t add_const(rt::Value v);  // borrowed
  uint32_t add_name(const std::string& name);
  // [name] as code in the current unit sees it: mangled if private to an enclosing class.
  std::string private_name(const std::string& name) const { return mangle(u_->scope->private_name, name); }
  uint32_t slot_of(const std::string& name);
  void emit_load_const(rt::Value v) { emit(vm::Op::LoadConst, add_const(v)); }
  void emit_none();
  bool ends_in_terminator() const;
  [[noreturn]] void error(const std::string& msg, const ast::Loc& loc);

  // ---- statements (codegen.cpp)
  void stmts(const ast::StmtList& list);
  void stmt(const ast::Stmt* s);
  void function_def(const ast::FunctionDef* f);
  void class_def(const ast::ClassDef* c);        // codegen_class.cpp
  void ann_assign(const ast::AnnAssign* a);      // codegen_class.cpp
  void make_function(Scope* scope, vm::Code* code, const ast::Arguments& args);
  void assign_stmt(const ast::Assign* a);
  ast::Loc attr_loc(ast::Loc loc, const ast::Expr* attr);
  void apply_decorators(const ast::ExprList& decos);
  void aug_assign(const ast::AugAssign* a);
  void for_stmt(const ast::For* f);
  void while_stmt(const ast::While* w);
  void if_stmt(const ast::If* i);
  void try_stmt(const ast::Try* t);
  void with_stmt(const ast::With* w, size_t item);  // codegen_with.cpp
  void try_except(const ast::Try* t);
  void try_finally(const ast::Try* t);
  void return_stmt(const ast::Return* r);
  void break_continue(const ast::Stmt* s, bool is_break);
  void unwind_fblock(const FBlock& b, bool preserve_tos);
  // Unwinds every block down to (not including) the innermost loop when [to_loop], else all;
  // returns the index of that loop block or -1.
  int unwind_fblocks(bool preserve_tos, bool to_loop, const ast::Loc& loc);
  void import_stmt(const ast::Import* s);
  void import_from(const ast::ImportFrom* s);
  void raise_stmt(const ast::Raise* r);
  void assert_stmt(const ast::Assert* a);
  void delete_target(const ast::Expr* e);

  // ---- expressions (codegen_expr.cpp)
  void expr(const ast::Expr* e);
  void expr_inner(const ast::Expr* e);
  void name_op(const std::string& name, ast::Ctx ctx);
  void store_target(const ast::Expr* e);
  void unpack_targets(const ast::ExprList& elts, const ast::Loc& loc);
  void jump_if(const ast::Expr* e, int label, bool cond);
  void boolop(const ast::BoolOp* b);
  void compare(const ast::Compare* c);
  void compare_op(ast::CmpOpKind op);
  void call(const ast::Call* c);
  void call_helper(const ast::ExprList& args, const std::vector<ast::Keyword>& kws, int nprefix);
  void sequence(const ast::ExprList& elts, vm::Op build, vm::Op extend, vm::Op append, bool tuple);
  void dict_display(const ast::Dict* d);
  void joined_str(const ast::JoinedStr* j);
  void formatted_value(const ast::FormattedValue* f);
  void lambda(const ast::Lambda* l);
  void yield_from(const ast::YieldFrom* y);
  void comprehension(const ast::Expr* e, const std::vector<ast::Comprehension>& gens,
                     const ast::Expr* elt, const ast::Expr* value, vm::Op build, vm::Op add);
  void comprehension_loop(const std::vector<ast::Comprehension>& gens, size_t i, const ast::Expr* elt,
                          const ast::Expr* value, vm::Op add);
  void subscript_key(const ast::Expr* slice);
  bool constant_value(const ast::Expr* e, rt::Ref* out);  // folds constants and tuples of them

  const ast::Module& module_;
  std::string filename_;
  std::string_view source_;
  Mode mode_;
  std::unique_ptr<SymbolTable> symtable_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  rt::Str* filename_str_ = nullptr;
};

// True if a module or class [body] has annotated assignments (it then starts with
// SetupAnnotations); nested functions and classes are not searched.
bool body_has_annotations(const ast::StmtList& body);

// The binary-operator instruction for [op] (Nop for '@', which minipy does not support).
vm::Op binary_opcode(rt::BinOp op);

// Maximum evaluation-stack depth of [code] with its exception table: a flow analysis over
// fall-through and jump edges using vm::stack_effect.
uint32_t compute_stacksize(const std::vector<uint32_t>& code,
                           const std::vector<vm::ExceptionEntry>& table);

}  // namespace compiler
