// Helpers shared by the parser's files: CPython's names for expressions in error messages,
// the search for an invalid assignment target, and byte -> character offsets.
#pragma once

#include <string_view>

#include "compiler/ast.h"
#include "compiler/token.h"

namespace compiler {

enum class TargetKind { Star, Del, For };

// CPython's _PyPegen_byte_offset_to_character_offset: the number of characters in the
// first [byte_offset] bytes of [line] (1-based offsets map to 1-based offsets).
int char_offset(std::string_view line, int byte_offset);

// CPython's _PyPegen_get_expr_name: "literal", "function call", "expression", ...
const char* expr_name(const ast::Expr* e);

// CPython's _PyPegen_get_invalid_target: the first part of [e] that cannot be a target of
// the given kind, or null.
const ast::Expr* invalid_target(const ast::Expr* e, TargetKind kind);

// True if [e] is an expression of the bitwise_or level or tighter (not a comparison,
// boolean operation, lambda, conditional, starred or unparenthesised tuple).
bool is_bitwise_or_node(const ast::Expr* e);

// True if the expression [e] (which starts at token [first]) begins with a list display,
// a parenthesised tuple, a generator expression or True/False/None (CPython's lookahead
// in invalid_named_expression).
bool starts_with_display(const ast::Expr* e, const Token& first);

}  // namespace compiler
