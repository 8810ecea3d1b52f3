// The disassembler: everything but the meaning of arguments comes from the opcode table
// (names, which opcodes jump); arguments are printed by kind (constant, name, local slot,
// jump target, flag).
#include "vm/dis.h"

#include <fmt/format.h>

#include <set>

#include "runtime/objects.h"
#include "runtime/ops.h"

namespace vm {

namespace {

enum class ArgKind { None, Int, Const, Name, Local, Jump, Inplace, IsNot, NotIn, Format, MakeFunction };

// How [op]'s argument is printed.
ArgKind arg_kind(Op op) {
  if (op_is_jump(op)) return ArgKind::Jump;
  switch (op) {
    case Op::Nop: case Op::PopTop: case Op::BinarySubscr: case Op::StoreSubscr:
    case Op::DeleteSubscr: case Op::UnaryNeg: case Op::UnaryPos: case Op::UnaryInvert:
    case Op::UnaryNot: case Op::CompareLt: case Op::CompareLe: case Op::CompareEq:
    case Op::CompareNe: case Op::CompareGt: case Op::CompareGe: case Op::GetIter:
    case Op::ReturnValue: case Op::ListToTuple: case Op::PushExcInfo: case Op::PopExcept:
    case Op::CheckExcMatch: case Op::Reraise: case Op::LoadAssertionError: case Op::PrintExpr:
    case Op::LoadBuildClass: case Op::SetupAnnotations:
      return ArgKind::None;
    case Op::LoadConst:
      return ArgKind::Const;
    case Op::LoadGlobal: case Op::StoreGlobal: case Op::DeleteGlobal: case Op::LoadName:
    case Op::StoreName: case Op::DeleteName: case Op::LoadAttr: case Op::StoreAttr:
    case Op::DeleteAttr: case Op::LoadMethod: case Op::ImportName: case Op::ImportFrom:
      return ArgKind::Name;
    case Op::LoadFast: case Op::StoreFast: case Op::DeleteFast: case Op::MakeCell:
    case Op::LoadDeref: case Op::StoreDeref: case Op::DeleteDeref: case Op::LoadClosure:
    case Op::LoadClassDeref:
      return ArgKind::Local;
    case Op::BinaryAdd: case Op::BinarySub: case Op::BinaryMul: case Op::BinaryTrueDiv:
    case Op::BinaryFloorDiv: case Op::BinaryMod: case Op::BinaryPow: case Op::BinaryLShift:
    case Op::BinaryRShift: case Op::BinaryAnd: case Op::BinaryOr: case Op::BinaryXor:
      return ArgKind::Inplace;
    case Op::IsOp:
      return ArgKind::IsNot;
    case Op::ContainsOp:
      return ArgKind::NotIn;
    case Op::FormatValue:
      return ArgKind::Format;
    case Op::MakeFunction:
      return ArgKind::MakeFunction;
    default:
      return ArgKind::Int;
  }
}

std::string str_of(rt::Value v) { return std::string(rt::as_str(v)->view()); }

// repr of a constant; code objects without their address.
std::string const_repr(rt::Value v) {
  if (v.is_obj() && rt::type_of(v) == &rt::code_type) {
    Code* c = v.as<Code>();
    return fmt::format("<code object {}, file \"{}\", line {}>", c->name->view(), c->filename->view(),
                       c->firstlineno);
  }
  return rt::repr_string(v);
}

std::string local_name(Code* c, uint32_t slot) {
  uint32_t nv = c->nvarnames(), nc = c->ncellvars();
  if (slot < nv) return str_of(c->varnames->item(slot));
  if (slot < nv + nc) return str_of(c->cellvars->item(slot - nv));
  if (slot < nv + nc + c->nfreevars()) return str_of(c->freevars->item(slot - nv - nc));
  return "?";
}

// The argument column and its meaning for one instruction ("" when it has none).
std::string format_arg(Code* c, Op op, uint32_t arg) {
  std::string meaning;
  switch (arg_kind(op)) {
    case ArgKind::None:
      return "";
    case ArgKind::Int:
      break;
    case ArgKind::Const:
      if (arg < c->consts->size) meaning = const_repr(c->consts->item(arg));
      break;
    case ArgKind::Name:
      if (arg < c->names->size) meaning = str_of(c->names->item(arg));
      break;
    case ArgKind::Local:
      meaning = local_name(c, arg);
      break;
    case ArgKind::Jump:
      meaning = fmt::format("to {}", arg);
      break;
    case ArgKind::Inplace:
      if (arg == 0) return "";
      meaning = "inplace";
      break;
    case ArgKind::IsNot:
      meaning = arg ? "is not" : "is";
      break;
    case ArgKind::NotIn:
      meaning = arg ? "not in" : "in";
      break;
    case ArgKind::Format: {
      static const char* const conv[] = {"", "str", "repr", "ascii"};
      meaning = conv[arg & 3];
      if (arg & 4) meaning += meaning.empty() ? "with format" : ", with format";
      break;
    }
    case ArgKind::MakeFunction: {
      static const char* const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
      for (int i = 0; i < 4; i++) {
        if (!(arg & (1u << i))) continue;
        if (!meaning.empty()) meaning += ", ";
        meaning += flags[i];
      }
      break;
    }
  }
  std::string s = fmt::format("{:>5}", arg);
  if (!meaning.empty()) s += " (" + meaning + ")";
  return s;
}

void disassemble_one(Code* c, std::string& out) {
  out += fmt::format("Disassembly of {} ({}, line {}):\n", c->qualname->view(), c->filename->view(),
                     c->firstlineno);
  std::set<uint32_t> targets;
  for (uint32_t word : c->code)
    if (op_is_jump(op_of(word))) targets.insert(arg_of(word));
  for (auto& e : c->exception_table) targets.insert(e.handler);
  uint32_t maxline = 0;
  for (uint32_t l : c->lines) maxline = std::max(maxline, l);
  int line_width = maxline >= 1000 ? static_cast<int>(std::to_string(maxline).size()) : 3;
  int offset_width = c->code.size() > 10000 ? static_cast<int>(std::to_string(c->code.size()).size()) : 4;
  int64_t prev_line = -1;
  for (size_t i = 0; i < c->code.size(); i++) {
    Op op = op_of(c->code[i]);
    uint32_t line = i < c->lines.size() ? c->lines[i] : 0;
    std::string text;
    if (line != prev_line) {
      if (i > 0) out += "\n";
      text = fmt::format("{:>{}}", line, line_width);
      prev_line = line;
    } else {
      text = std::string(line_width, ' ');
    }
    text += "     ";
    text += targets.count(static_cast<uint32_t>(i)) ? ">>" : "  ";
    text += fmt::format(" {:>{}} {:<20} ", i, offset_width, op_name(op));
    text += format_arg(c, op, arg_of(c->code[i]));
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  if (!c->exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (auto& e : c->exception_table)
      out += fmt::format("  {} to {} -> {} [{}]\n", e.start, e.end - 1, e.handler, e.depth);
  }
}

void disassemble_rec(Code* c, std::string& out) {
  disassemble_one(c, out);
  for (size_t i = 0; i < c->consts->size; i++) {
    rt::Value v = c->consts->item(i);
    if (v.is_obj() && rt::type_of(v) == &rt::code_type) {
      out += "\n";
      disassemble_rec(v.as<Code>(), out);
    }
  }
}

}  // namespace

std::string disassemble(Code* code) {
  std::string out;
  disassemble_rec(code, out);
  return out;
}

}  // namespace vm
