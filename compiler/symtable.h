// The symbol table: one Scope per module, function, lambda, comprehension and class body,
// with every name classified as local, global (implicit or declared), free or cell, as
// CPython 3.11's symtable.c does. Built in one pass over the AST, then resolved top-down.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"

namespace compiler {

enum class ScopeKind { Module, Function, Lambda, Comprehension, Class };

// How a name is reached from code in its scope.
enum class NameScope { Local, GlobalImplicit, GlobalExplicit, Free, Cell };

// Flags recorded for a name while walking a scope (CPython's DEF_* bits).
enum SymFlags : unsigned {
  kDefLocal = 1u << 0,     // assigned, deleted, imported, def/class name, for target
  kDefParam = 1u << 1,     // a parameter
  kDefGlobal = 1u << 2,    // declared `global`
  kDefNonlocal = 1u << 3,  // declared `nonlocal` (or a walrus target seen from a comprehension)
  kUse = 1u << 4,          // read
  kDefFreeClass = 1u << 5, // free in a method, bound in the enclosing class body
  kDefCompIter = 1u << 6,  // a comprehension's iteration variable
};

struct Symbol {
  unsigned flags = 0;
  NameScope scope = NameScope::GlobalImplicit;
};

struct Scope {
  ScopeKind kind;
  std::string name;       // function name, "<lambda>", "<listcomp>", "<module>", class name
  std::string qualname;
  // The class whose private names (__x) are mangled here: a class body's own name, inherited
  // by the functions, lambdas and comprehensions inside it; empty outside classes.
  std::string private_name;
  int lineno = 1;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;  // in source order
  std::unordered_map<std::string, Symbol> symbols;
  std::unordered_map<std::string, ast::Loc> directives;  // where global/nonlocal was said
  std::vector<std::string> order;  // every name of [symbols], in order of first occurrence
  std::vector<std::string> params;  // positional, keyword-only, *args, **kwargs (".0" first
                                    // for comprehensions)
  std::vector<std::string> cellvars;  // sorted; cells that are not parameters
  std::vector<std::string> param_cells;  // parameters that are also cells
  std::vector<std::string> freevars;  // sorted
  bool is_generator = false;  // contains yield (issue 3)
  bool needs_class_cell = false;  // a class whose methods use super() or __class__: the body
                                  // has the cell "__class__" (in cellvars) for the new class
  bool has_varargs = false, has_varkeywords = false;
  uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;

  bool is_function_like() const {
    return kind == ScopeKind::Function || kind == ScopeKind::Lambda ||
           kind == ScopeKind::Comprehension;
  }
  // The resolved scope of [name] (GlobalImplicit if the name never occurs here).
  NameScope lookup(const std::string& name) const;
};

// Private name mangling, as CPython's _Py_Mangle: inside class [private_name], a name that
// starts with two underscores and does not end with two (and has no dot) becomes
// "_" + the class name without its leading underscores + name. Other names, and every name
// when the class name is all underscores, stay as they are.
std::string mangle(const std::string& private_name, const std::string& name);

// The symbol tables of a module. Scopes are found by the AST node that opens them.
class SymbolTable {
 public:
  // Builds and resolves the tables for [module]; raises SyntaxError (CPython's messages) via
  // compiler::raise_syntax_error using [filename] and [source] (may be empty) for the text.
  SymbolTable(const ast::Module& module, std::string_view filename, std::string_view source);
  Scope* top() const { return top_.get(); }
  // The scope opened by [node] (a FunctionDef, ClassDef, Lambda or comprehension node).
  Scope* scope_of(const void* node) const;

 private:
  friend class SymtableBuilder;
  std::unique_ptr<Scope> top_;
  std::unordered_map<const void*, Scope*> by_node_;
};

// The text of line [line] (1-based) of [source], for SyntaxError carets; empty if unknown.
std::string source_line(std::string_view source, int line);

// Raises SyntaxError [msg] at [loc], taking the text from [source] or else the file.
[[noreturn]] void syntax_error_at(std::string_view msg, const ast::Loc& loc,
                                  std::string_view filename, std::string_view source);

}  // namespace compiler
