// SyntaxError construction (CPython's attributes msg, filename, lineno, offset, text,
// end_lineno, end_offset) and compiler::parse, the front end's entry point.
#include <fmt/format.h>

#include "compiler/compile.h"
#include "compiler/lexer.h"
#include "compiler/parser.h"
#include "compiler/parser_util.h"
#include "runtime/error.h"
#include "runtime/objects.h"
#include "vm/thread_state.h"

namespace compiler {

namespace {

void set_attr(rt::Dict* d, const char* name, rt::Value v) {
  rt::dict_set(d, rt::Value::from_obj(rt::str_intern(name)), v);
}

}  // namespace

void raise_syntax_error_at(rt::Type* type, std::string_view msg, std::string_view filename, int line,
                           int offset, std::string_view source_line, int end_line, int end_offset) {
  rt::Ref m = rt::Ref::steal(rt::str_value(msg));
  rt::Ref fn = rt::Ref::steal(rt::str_value(filename));
  rt::Ref text = source_line.empty() ? rt::Ref::borrow(rt::None()) : rt::Ref::steal(rt::str_value(source_line));
  rt::Ref lineno = rt::Ref::steal(rt::int_from_i64(line));
  rt::Ref off = rt::Ref::steal(rt::int_from_i64(offset));
  rt::Ref end_lineno = rt::Ref::steal(rt::int_from_i64(end_line));
  rt::Ref end_off = rt::Ref::steal(rt::int_from_i64(end_offset));

  rt::Value details[6] = {fn.get(), lineno.get(), off.get(), text.get(), end_lineno.get(), end_off.get()};
  rt::Ref info = rt::Ref::steal(rt::Value::from_obj(rt::tuple_from(details, 6)));
  rt::Value args_items[2] = {m.get(), info.get()};
  rt::Tuple* args = rt::tuple_from(args_items, 2);

  rt::Ref exc = rt::Ref::steal(rt::new_exception(type, msg));
  auto* e = exc.as<rt::BaseException>();
  if (e->args) rt::decref(e->args);
  e->args = args;
  if (!e->dict) e->dict = rt::dict_new();
  set_attr(e->dict, "msg", m.get());
  set_attr(e->dict, "filename", fn.get());
  set_attr(e->dict, "lineno", lineno.get());
  set_attr(e->dict, "offset", off.get());
  set_attr(e->dict, "text", text.get());
  set_attr(e->dict, "end_lineno", end_lineno.get());
  set_attr(e->dict, "end_offset", end_off.get());
  set_attr(e->dict, "print_file_and_line", rt::None());
  throw rt::PyError(exc.release());
}

void raise_syntax_error(rt::Type* type, std::string_view msg, std::string_view filename, int line, int col,
                        std::string_view source_line) {
  int off = char_offset(source_line, col + 1);
  raise_syntax_error_at(type, msg, filename, line, off, source_line, line, off);
}

void raise_syntax_error(rt::Type* type, std::string_view msg, std::string_view filename, int line, int col,
                        std::string_view source_line, int end_line, int end_col) {
  int off = char_offset(source_line, col + 1);
  int end_off = end_col < 0 ? 0 : char_offset(source_line, end_col + 1);
  raise_syntax_error_at(type, msg, filename, line, off, source_line, end_line, end_off);
}

void check_compile_depth() {
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) < vm::current_thread()->c_stack_limit)
    rt::raise_msg(&rt::exc_RecursionError, "maximum recursion depth exceeded during compilation");
}

ast::Module parse(std::string_view source, std::string_view filename, Mode mode) {
  Lexer lexer(source, filename);
  std::vector<Token> tokens = lexer.tokenize_to_error();
  Parser parser(lexer, std::move(tokens));
  switch (mode) {
    case Mode::Eval: return parser.parse_eval();
    case Mode::Single: return parser.parse_interactive();
    default: return parser.parse_file();
  }
}

}  // namespace compiler
