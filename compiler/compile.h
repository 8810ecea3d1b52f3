// The compiler's entry points: source text -> tokens -> AST -> code object.
// Syntax errors are raised as SyntaxError/IndentationError exceptions carrying CPython's
// attributes (filename, lineno, offset, text), which cli/ prints in CPython's format.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ast.h"
#include "vm/code.h"

namespace compiler {

enum class Mode { Exec, Eval, Single };  // module, expression (eval), REPL statement

// Parses [source] (named [filename] in errors). Raises SyntaxError/IndentationError.
ast::Module parse(std::string_view source, std::string_view filename, Mode mode = Mode::Exec);

// Compiles a parsed module to a code object (new reference). Raises SyntaxError for errors
// found after parsing ('return' outside function, nonlocal at module level, ...).
vm::Code* compile(const ast::Module& module, std::string_view filename, Mode mode = Mode::Exec);

// parse + compile.
vm::Code* compile_source(std::string_view source, std::string_view filename, Mode mode = Mode::Exec);

// The REPL's question, as CPython's codeop: does [source] (the lines typed so far, each ending
// in '\n') need more lines before it can run? True when it ends inside brackets, a
// triple-quoted string or after a backslash, when the parser runs out of input (`def f():`,
// `try:` without `except`), and when it is a compound statement not yet closed by an empty
// line. False when it is complete or has an error more input can not fix (compile it then to
// get the SyntaxError). Never raises. Defined in compiler/interactive.cpp.
bool input_incomplete(std::string_view source);

// Raises RecursionError ("maximum recursion depth exceeded during compilation") when the C
// stack is nearly used up: the symbol table and code generator call it for each expression
// so that a very deeply nested expression (`1+1+...+1` 100000 times) fails instead of crashing.
void check_compile_depth();

// Raises a SyntaxError (or IndentationError with [type]) at [line]/[col] (1-based line,
// 0-based byte column); [source_line] is the text of that line, for the caret display.
[[noreturn]] void raise_syntax_error(rt::Type* type, std::string_view msg, std::string_view filename,
                                     int line, int col, std::string_view source_line);

// As above, with the end of the offending range: [end_line] and [end_col] (0-based byte
// column just past it). CPython prints a caret under each character of the range.
[[noreturn]] void raise_syntax_error(rt::Type* type, std::string_view msg, std::string_view filename,
                                     int line, int col, std::string_view source_line, int end_line,
                                     int end_col);

// The raw form: [offset] and [end_offset] are stored as given (1-based character offsets
// as in SyntaxError.offset; CPython uses 0 or -1 for "no end").
[[noreturn]] void raise_syntax_error_at(rt::Type* type, std::string_view msg, std::string_view filename,
                                        int line, int offset, std::string_view source_line,
                                        int end_line, int end_offset);

}  // namespace compiler
