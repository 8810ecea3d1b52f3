// The instruction set: every opcode once, with its stack effect and what it does. The enum,
// the names, the stack-effect function (the compiler's max-depth computation), the dispatch
// table and the disassembler are all generated from this list.
//
// An instruction is one 32-bit word: opcode in the low 8 bits, argument in the high 24.
// Jump arguments are absolute instruction indexes.
//
// OP(Name, Pops, Pushes, JumpPops, JumpPushes, Flags, "doc")
//   Pops/Pushes: stack effect when execution falls through (expressions of `arg`).
//   JumpPops/JumpPushes: stack effect when a jump (Flags has kJump) is taken.
//   Stack pictures below list the top of stack last: [a, b] means b is TOS.
#pragma once

#include <cstdint>

// clang-format off
#define MINIPY_OPCODES(OP) \
  /* stack */ \
  OP(Nop,              0, 0, 0, 0, 0,     "Does nothing.") \
  OP(PopTop,           1, 0, 0, 0, 0,     "Discards TOS.") \
  OP(Copy,           arg, arg + 1, 0, 0, 0, "Pushes a new reference to the [arg]-th item (1 = TOS).") \
  OP(Swap,           arg, arg, 0, 0, 0,   "Swaps TOS with the [arg]-th item (2 = the one below).") \
  OP(LoadConst,        0, 1, 0, 0, 0,     "Pushes consts[arg].") \
  /* variables */ \
  OP(LoadFast,         0, 1, 0, 0, 0,     "Pushes local slot [arg]; UnboundLocalError if unbound.") \
  OP(StoreFast,        1, 0, 0, 0, 0,     "Pops into local slot [arg].") \
  OP(DeleteFast,       0, 0, 0, 0, 0,     "Unbinds local slot [arg]; UnboundLocalError if unbound.") \
  OP(LoadGlobal,       0, 1, 0, 0, 0,     "Pushes global names[arg], else the builtin; NameError.") \
  OP(StoreGlobal,      1, 0, 0, 0, 0,     "Pops into global names[arg].") \
  OP(DeleteGlobal,     0, 0, 0, 0, 0,     "Deletes global names[arg]; NameError if missing.") \
  OP(LoadName,         0, 1, 0, 0, 0,     "Pushes names[arg] from the locals dict, globals, builtins.") \
  OP(StoreName,        1, 0, 0, 0, 0,     "Pops into names[arg] in the locals dict.") \
  OP(DeleteName,       0, 0, 0, 0, 0,     "Deletes names[arg] from the locals dict; NameError.") \
  OP(MakeCell,         0, 0, 0, 0, 0,     "Replaces local slot [arg] by a new cell holding its value.") \
  OP(CopyFreeVars,     0, 0, 0, 0, 0,     "Copies the function's [arg] closure cells into the last slots.") \
  OP(LoadDeref,        0, 1, 0, 0, 0,     "Pushes the contents of the cell in slot [arg].") \
  OP(StoreDeref,       1, 0, 0, 0, 0,     "Pops into the cell in slot [arg].") \
  OP(DeleteDeref,      0, 0, 0, 0, 0,     "Empties the cell in slot [arg].") \
  OP(LoadClosure,      0, 1, 0, 0, 0,     "Pushes the cell object in slot [arg] (to build a closure).") \
  OP(LoadClassDeref,   0, 1, 0, 0, 0,     "Class bodies: pushes the locals dict's value for free slot [arg]'s name, else the cell's contents.") \
  OP(SetupAnnotations, 0, 0, 0, 0, 0,     "Module and class bodies: creates __annotations__ in the locals dict if missing.") \
  /* attributes and items */ \
  OP(LoadAttr,         1, 1, 0, 0, 0,     "[obj] -> [obj.names[arg]].") \
  OP(StoreAttr,        2, 0, 0, 0, 0,     "[value, obj] -> []: obj.names[arg] = value.") \
  OP(DeleteAttr,       1, 0, 0, 0, 0,     "[obj] -> []: del obj.names[arg].") \
  OP(LoadMethod,       1, 2, 0, 0, 0,     "[obj] -> [method, obj] if names[arg] is a plain method on the type, else [attr, null].") \
  OP(BinarySubscr,     2, 1, 0, 0, 0,     "[container, key] -> [container[key]].") \
  OP(StoreSubscr,      3, 0, 0, 0, 0,     "[value, container, key] -> []: container[key] = value.") \
  OP(DeleteSubscr,     2, 0, 0, 0, 0,     "[container, key] -> []: del container[key].") \
  OP(BuildSlice,     arg, 1, 0, 0, 0,     "[start, stop(, step)] -> [slice]; arg is 2 or 3.") \
  /* operators: arg 1 on a binary operator means the in-place form (x += y) */ \
  OP(BinaryAdd,        2, 1, 0, 0, 0,     "[a, b] -> [a + b].") \
  OP(BinarySub,        2, 1, 0, 0, 0,     "[a, b] -> [a - b].") \
  OP(BinaryMul,        2, 1, 0, 0, 0,     "[a, b] -> [a * b].") \
  OP(BinaryTrueDiv,    2, 1, 0, 0, 0,     "[a, b] -> [a / b].") \
  OP(BinaryFloorDiv,   2, 1, 0, 0, 0,     "[a, b] -> [a // b].") \
  OP(BinaryMod,        2, 1, 0, 0, 0,     "[a, b] -> [a % b].") \
  OP(BinaryPow,        2, 1, 0, 0, 0,     "[a, b] -> [a ** b].") \
  OP(BinaryLShift,     2, 1, 0, 0, 0,     "[a, b] -> [a << b].") \
  OP(BinaryRShift,     2, 1, 0, 0, 0,     "[a, b] -> [a >> b].") \
  OP(BinaryAnd,        2, 1, 0, 0, 0,     "[a, b] -> [a & b].") \
  OP(BinaryOr,         2, 1, 0, 0, 0,     "[a, b] -> [a | b].") \
  OP(BinaryXor,        2, 1, 0, 0, 0,     "[a, b] -> [a ^ b].") \
  OP(UnaryNeg,         1, 1, 0, 0, 0,     "[a] -> [-a].") \
  OP(UnaryPos,         1, 1, 0, 0, 0,     "[a] -> [+a].") \
  OP(UnaryInvert,      1, 1, 0, 0, 0,     "[a] -> [~a].") \
  OP(UnaryNot,         1, 1, 0, 0, 0,     "[a] -> [not a].") \
  OP(CompareLt,        2, 1, 0, 0, 0,     "[a, b] -> [a < b].") \
  OP(CompareLe,        2, 1, 0, 0, 0,     "[a, b] -> [a <= b].") \
  OP(CompareEq,        2, 1, 0, 0, 0,     "[a, b] -> [a == b].") \
  OP(CompareNe,        2, 1, 0, 0, 0,     "[a, b] -> [a != b].") \
  OP(CompareGt,        2, 1, 0, 0, 0,     "[a, b] -> [a > b].") \
  OP(CompareGe,        2, 1, 0, 0, 0,     "[a, b] -> [a >= b].") \
  OP(IsOp,             2, 1, 0, 0, 0,     "[a, b] -> [a is b] (arg 1: is not).") \
  OP(ContainsOp,       2, 1, 0, 0, 0,     "[a, b] -> [a in b] (arg 1: not in).") \
  /* control flow */ \
  OP(Jump,             0, 0, 0, 0, kJump, "Jumps forward to [arg].") \
  OP(JumpBackward,     0, 0, 0, 0, kJump, "Jumps back to [arg]; a safe point (eval breaker checked).") \
  OP(PopJumpIfFalse,   1, 0, 1, 0, kJump, "Pops TOS; jumps to [arg] if it is false.") \
  OP(PopJumpIfTrue,    1, 0, 1, 0, kJump, "Pops TOS; jumps to [arg] if it is true.") \
  OP(JumpIfFalseOrPop, 1, 0, 1, 1, kJump, "If TOS is false jumps to [arg] keeping it, else pops it.") \
  OP(JumpIfTrueOrPop,  1, 0, 1, 1, kJump, "If TOS is true jumps to [arg] keeping it, else pops it.") \
  OP(GetIter,          1, 1, 0, 0, 0,     "[obj] -> [iter(obj)].") \
  OP(ForIter,          1, 2, 1, 0, kJump, "[it] -> [it, next(it)]; when exhausted pops it and jumps to [arg].") \
  OP(ReturnValue,      1, 0, 0, 0, 0,     "Returns TOS to the caller.") \
  OP(YieldValue,       1, 1, 0, 0, 0,     "Generators: yields TOS; resumed, pushes the sent value (arg 1: in yield from).") \
  OP(Send,             2, 2, 2, 1, kJump, "[iter, v] -> [iter, iter.send(v)]; when iter returns: [value], jumps to [arg].") \
  /* calls */ \
  OP(Call,       arg + 1, 1, 0, 0, 0,     "[f, a1..an] -> [f(a1..an)]; n = arg. A safe point.") \
  OP(CallMethod, arg + 2, 1, 0, 0, 0,     "[m, self|null, a1..an] -> [result]; n = arg (see LoadMethod).") \
  OP(CallKw,     arg + 2, 1, 0, 0, 0,     "[f, a1..an, kwnames] -> [result]; n = arg, the last len(kwnames) are keywords.") \
  OP(CallFunctionEx, (arg & 1) + 2, 1, 0, 0, 0, "[f, args_tuple(, kwargs_dict)] -> [f(*args, **kwargs)]; arg 1: has kwargs.") \
  OP(LoadBuildClass,   0, 1, 0, 0, 0,     "Pushes builtins.__build_class__ (class statements: then body function, name, bases; Call).") \
  OP(MakeFunction, 1 + ((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 8) != 0), 1, 0, 0, 0, \
     "[closure?(8), kwdefaults?(2), defaults?(1), code] -> [function]; arg holds the flags.") \
  /* builders */ \
  OP(BuildTuple,     arg, 1, 0, 0, 0,     "Pops arg items into a tuple.") \
  OP(BuildList,      arg, 1, 0, 0, 0,     "Pops arg items into a list.") \
  OP(BuildSet,       arg, 1, 0, 0, 0,     "Pops arg items into a set.") \
  OP(BuildMap,   2 * arg, 1, 0, 0, 0,     "Pops arg key/value pairs into a dict.") \
  OP(BuildString,    arg, 1, 0, 0, 0,     "Concatenates arg strings (f-strings).") \
  OP(ListAppend,       1, 0, 0, 0, 0,     "Pops TOS and appends it to the list at stack[-arg] (comprehensions).") \
  OP(SetAdd,           1, 0, 0, 0, 0,     "Pops TOS and adds it to the set at stack[-arg].") \
  OP(MapAdd,           2, 0, 0, 0, 0,     "[key, value] popped into the dict at stack[-arg].") \
  OP(ListExtend,       1, 0, 0, 0, 0,     "Pops an iterable and extends the list at stack[-arg] ([*a]).") \
  OP(SetUpdate,        1, 0, 0, 0, 0,     "Pops an iterable and updates the set at stack[-arg] ({*a}).") \
  OP(DictUpdate,       1, 0, 0, 0, 0,     "Pops a mapping and updates the dict at stack[-arg] ({**a}).") \
  OP(DictMerge,        1, 0, 0, 0, 0,     "As DictUpdate, but a repeated key is a TypeError (f(**a, **b)).") \
  OP(ListToTuple,      1, 1, 0, 0, 0,     "[list] -> [tuple(list)].") \
  OP(UnpackSequence,   1, arg, 0, 0, 0,   "[seq] -> [seq[n-1] .. seq[0]] (first item on top); n = arg.") \
  OP(UnpackEx,         1, (arg & 0xFF) + (arg >> 8) + 1, 0, 0, 0, \
     "Starred unpacking: arg = before | after << 8; pushes after, the list, before (first on top).") \
  OP(FormatValue, 1 + ((arg & 4) != 0), 1, 0, 0, 0, \
     "[value(, spec)] -> [formatted str]; arg & 3: 0 none, 1 !s, 2 !r, 3 !a; arg & 4: spec on TOS.") \
  /* exceptions */ \
  OP(Raise,          arg, 0, 0, 0, 0,     "arg 0: re-raise the handled exception; 1: raise TOS; 2: raise TOS1 from TOS.") \
  OP(PushExcInfo,      1, 2, 0, 0, 0,     "[exc] -> [previously handled, exc]; exc becomes the handled exception.") \
  OP(PopExcept,        1, 0, 0, 0, 0,     "Pops the previously handled exception and restores it.") \
  OP(CheckExcMatch,    2, 1, 0, 0, 0,     "[exc, type] -> [isinstance(exc, type)] (after Copy 1); TypeError for a non-class.") \
  OP(Reraise,          1, 0, 0, 0, 0,     "Pops TOS and raises it again without a new traceback entry.") \
  OP(LoadAssertionError, 0, 1, 0, 0, 0,   "Pushes AssertionError.") \
  OP(BeforeWith,       1, 3, 0, 0, 0,     "[mgr] -> [exit, self or null, mgr.__enter__()]: __exit__ as LoadMethod leaves it.") \
  OP(WithExceptStart,  4, 5, 0, 0, 0,     "[exit, self, prev, exc] -> [.., exc, __exit__(type(exc), exc, tb)].") \
  /* modules */ \
  OP(ImportName,       0, 1, 0, 0, 0,     "Imports module names[arg] and pushes it.") \
  OP(ImportFrom,       1, 2, 0, 0, 0,     "[module] -> [module, module.names[arg]]; ImportError if missing.") \
  OP(PrintExpr,        1, 0, 0, 0, 0,     "REPL: prints repr(TOS) unless None and binds it to _.")
// clang-format on

namespace vm {

enum OpFlags : uint8_t { kJump = 1 };

enum class Op : uint8_t {
#define MINIPY_OP_ENUM(name, pops, pushes, jpops, jpushes, flags, doc) name,
  MINIPY_OPCODES(MINIPY_OP_ENUM)
#undef MINIPY_OP_ENUM
      Count
};

constexpr int kNumOps = static_cast<int>(Op::Count);
static_assert(kNumOps <= 256);

constexpr uint32_t kMaxArg = (1u << 24) - 1;
constexpr uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
constexpr Op op_of(uint32_t word) { return static_cast<Op>(word & 0xFF); }
constexpr uint32_t arg_of(uint32_t word) { return word >> 8; }

const char* op_name(Op op);
bool op_is_jump(Op op);
// Net stack effect of [op] with [arg]: on the fall-through path, or when the jump is taken.
int stack_effect(Op op, uint32_t arg, bool jump_taken);

}  // namespace vm
