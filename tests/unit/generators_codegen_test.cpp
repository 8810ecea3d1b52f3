// Golden tests of the bytecode for generators, generator expressions and the with statement:
// the opcode sequences, the kCoGenerator flag, exception tables and stack sizes.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "runtime/ops.h"
#include "vm/code.h"

namespace {

struct GenCodegenTest : ::testing::Test {
  static void SetUpTestSuite() { rt::runtime_init(); }
};

struct Compiled {
  explicit Compiled(const std::string& src)
      : ref(rt::Ref::steal(rt::Value::from_obj(compiler::compile_source(src, "t.py")))) {}
  vm::Code* code() const { return ref.as<vm::Code>(); }
  rt::Ref ref;
};

std::string ops(vm::Code* c) {
  std::string s;
  for (uint32_t w : c->code) {
    if (!s.empty()) s += "; ";
    s += vm::op_name(vm::op_of(w));
    s += " " + std::to_string(vm::arg_of(w));
  }
  return s;
}

vm::Code* first_code_const(vm::Code* c) {
  for (size_t i = 0; i < c->consts->size; i++) {
    rt::Value v = c->consts->item(i);
    if (v.is_obj() && rt::type_of(v) == &rt::code_type) return v.as<vm::Code>();
  }
  return nullptr;
}

std::string table(vm::Code* c) {
  std::string s;
  for (auto& e : c->exception_table)
    s += std::to_string(e.start) + "-" + std::to_string(e.end) + "->" + std::to_string(e.handler) + "[" +
         std::to_string(e.depth) + "] ";
  return s;
}

TEST_F(GenCodegenTest, YieldAndYieldFrom) {
  Compiled m("def g(it):\n    x = yield 1\n    return (yield from it)\n");
  vm::Code* g = first_code_const(m.code());
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->flags & vm::kCoGenerator);
  EXPECT_FALSE(m.code()->flags & vm::kCoGenerator);
  EXPECT_EQ(ops(g),
            "LoadConst 0; YieldValue 0; StoreFast 1; "
            "LoadFast 0; GetIter 0; LoadConst 1; Send 9; YieldValue 1; JumpBackward 6; ReturnValue 0");
  EXPECT_EQ(g->stacksize, 2u);
}

TEST_F(GenCodegenTest, GeneratorExpressionIsALazyGenerator) {
  Compiled m("g = (x for x in y if x)\n");
  EXPECT_EQ(ops(m.code()),
            "LoadConst 0; MakeFunction 0; LoadName 0; GetIter 0; Call 1; StoreName 1; LoadConst 1; ReturnValue 0");
  vm::Code* ge = first_code_const(m.code());
  ASSERT_NE(ge, nullptr);
  EXPECT_TRUE(ge->flags & vm::kCoGenerator);
  EXPECT_EQ(ops(ge),
            "LoadFast 0; ForIter 9; StoreFast 1; LoadFast 1; PopJumpIfFalse 8; LoadFast 1; YieldValue 0; "
            "PopTop 0; JumpBackward 1; LoadConst 0; ReturnValue 0");
}

TEST_F(GenCodegenTest, WithStatementLayout) {
  Compiled m("with a as b:\n    f()\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; BeforeWith 0; StoreName 1; LoadName 2; Call 0; PopTop 0; "     // 0-5 body
            "LoadConst 0; LoadConst 0; LoadConst 0; CallMethod 3; PopTop 0; Jump 23; "  // 6-11 exit(None x3)
            "PushExcInfo 0; WithExceptStart 0; PopJumpIfTrue 19; Reraise 0; "           // 12-15 handler
            "Swap 2; PopExcept 0; Reraise 0; "                                          // 16-18 cleanup
            "PopTop 0; PopExcept 0; PopTop 0; PopTop 0; "                               // 19-22 suppressed
            "LoadConst 0; ReturnValue 0");
  // [exit, self] stay under the body; the handler adds the previous exception and the result.
  EXPECT_EQ(table(m.code()), "2-6->12[2] 12-16->16[3] ");
  EXPECT_EQ(m.code()->stacksize, 5u);
}

TEST_F(GenCodegenTest, ReturnInsideWithCallsExit) {
  Compiled m("def f():\n    with a:\n        return 1\n");
  vm::Code* f = first_code_const(m.code());
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(ops(f).substr(0, 127),
            "LoadGlobal 0; BeforeWith 0; PopTop 0; LoadConst 0; LoadConst 0; LoadConst 0; CallMethod 3; PopTop 0; "
            "LoadConst 1; ReturnValue 0");
}

}  // namespace
