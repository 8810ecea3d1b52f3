// Tables generated from the opcode list in vm/opcodes.h.
#include "vm/opcodes.h"

namespace vm {

const char* op_name(Op op) {
  static const char* const names[] = {
#define MINIPY_OP_NAME(name, pops, pushes, jpops, jpushes, flags, doc) #name,
      MINIPY_OPCODES(MINIPY_OP_NAME)
#undef MINIPY_OP_NAME
  };
  return names[static_cast<int>(op)];
}

bool op_is_jump(Op op) {
  static const bool jumps[] = {
#define MINIPY_OP_JUMP(name, pops, pushes, jpops, jpushes, flags, doc) ((flags) & kJump) != 0,
      MINIPY_OPCODES(MINIPY_OP_JUMP)
#undef MINIPY_OP_JUMP
  };
  return jumps[static_cast<int>(op)];
}

int stack_effect(Op op, uint32_t arg, bool jump_taken) {
  const int a = static_cast<int>(arg);
  switch (op) {
#define MINIPY_OP_EFFECT(name, pops, pushes, jpops, jpushes, flags, doc)        \
  case Op::name: {                                                              \
    [[maybe_unused]] const int arg = a;                                          \
    if (jump_taken && ((flags) & kJump)) return (jpushes) - (jpops);            \
    return (pushes) - (pops);                                                   \
  }
    MINIPY_OPCODES(MINIPY_OP_EFFECT)
#undef MINIPY_OP_EFFECT
    case Op::Count:
      break;
  }
  return 0;
}

}  // namespace vm
