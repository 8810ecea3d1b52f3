// The code object: what the compiler produces for a module, function, lambda or comprehension
// and what the interpreter runs.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/objects.h"
#include "vm/opcodes.h"

namespace vm {

enum CodeFlags : uint32_t {
  kCoVarargs = 1u << 0,      // has *args
  kCoVarkeywords = 1u << 1,  // has **kwargs
  kCoGenerator = 1u << 2,    // contains yield (issue 3)
  kCoModule = 1u << 3,       // module or class body: names go through LoadName/StoreName
  kCoDocstring = 1u << 4,    // function whose consts[0] is its docstring (__doc__)
};

// Where an instruction's expression ends and the columns it spans (0-based UTF-8 byte
// offsets, col -1 when unknown); its first line is in Code::lines. Tracebacks underline it.
struct SourceSpan {
  uint32_t end_line;
  int32_t col;
  int32_t end_col;
};

// A try region: an exception raised by an instruction in [start, end) unwinds the value stack
// to [depth] items (above the frame's locals), pushes the exception and jumps to [handler].
// Entries are ordered innermost first, so the first match is the one to use.
struct ExceptionEntry {
  uint32_t start;
  uint32_t end;
  uint32_t handler;
  uint32_t depth;
};

struct AttrCache;    // vm/attr_cache.h
struct GlobalCache;  // vm/attr_cache.h

// Local slots ("localsplus"): varnames (parameters first, then other locals), then cellvars,
// then freevars. Cell and free slots hold Cell objects.
struct Code : rt::Object {
  rt::Str* name;
  rt::Str* qualname;
  rt::Str* filename;
  int firstlineno;
  uint32_t argcount;        // positional parameters (not *args); posonlyargcount below
  uint32_t kwonlyargcount;  // keyword-only parameters, after the positional ones in varnames
  uint32_t flags;
  uint32_t nlocalsplus;     // varnames + cellvars + freevars
  uint32_t stacksize;       // maximum evaluation stack depth
  rt::Tuple* consts;
  rt::Tuple* names;         // global, attribute and imported names (interned Str)
  rt::Tuple* varnames;
  rt::Tuple* cellvars;
  rt::Tuple* freevars;
  std::vector<uint32_t> code;   // instructions, see vm/opcodes.h
  std::vector<uint32_t> lines;  // source line of each instruction
  std::vector<ExceptionEntry> exception_table;
  // Inline caches of the attribute instructions, one per instruction, allocated on first
  // use (vm/attr_cache.h); null until then.
  AttrCache* attr_cache;
  // LoadGlobal's caches, likewise.
  GlobalCache* global_cache;
  // The first [posonlyargcount] positional parameters come before `/`: not bound by keyword.
  // (Here, not next to argcount: the call path's fields keep their places.)
  uint32_t posonlyargcount;
  std::vector<SourceSpan> spans;  // per instruction: the rest of its source range (lines: the first line)

  uint32_t nvarnames() const { return varnames->size; }
  uint32_t ncellvars() const { return cellvars->size; }
  uint32_t nfreevars() const { return freevars->size; }
};

// A new, empty code object (vectors constructed, tuples empty).
Code* code_new(rt::Str* name, rt::Str* qualname, rt::Str* filename, int firstlineno);
extern rt::Type& code_type;

}  // namespace vm
