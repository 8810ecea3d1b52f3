// The disassembler behind `minipy --dis`: a listing of a code object and, recursively, of
// every code object among its constants, in the layout of CPython's `python -m dis`.
#pragma once

#include <string>

#include "vm/code.h"

namespace vm {

// Disassembles [code] and then its nested code objects (depth first, in constant order).
// Each code object gets a header "Disassembly of QUALNAME (FILE, line N):", then one line per
// instruction: the source line where it changes, ">>" on jump targets, the instruction
// index, the opcode name, the argument and its meaning in parentheses; then, when the code
// has try regions, "ExceptionTable:" with "  START to LAST -> HANDLER [DEPTH]" lines (LAST is
// the last covered instruction, as CPython prints it).
std::string disassemble(Code* code);

}  // namespace vm
