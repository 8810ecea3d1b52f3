// The REPL's incomplete-input rule (compiler::input_incomplete, as CPython's codeop): which
// partial inputs ask for more lines with "... " and which are complete or plain errors.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "runtime/init.h"
#include "vm/thread_state.h"

namespace {

struct InteractiveTest : ::testing::Test {
  static void SetUpTestSuite() {
    static bool done = false;
    if (!done) {
      vm::thread_state_init();
      rt::runtime_init();
      done = true;
    }
  }
};

TEST_F(InteractiveTest, SimpleStatementsAreComplete) {
  EXPECT_FALSE(compiler::input_incomplete("x = 1\n"));
  EXPECT_FALSE(compiler::input_incomplete("f(1); g(2)\n"));
  EXPECT_FALSE(compiler::input_incomplete("\n"));
}

TEST_F(InteractiveTest, OpenBracketsStringsAndBackslashes) {
  EXPECT_TRUE(compiler::input_incomplete("x = (1,\n"));
  EXPECT_TRUE(compiler::input_incomplete("x = [1,\n\n"));  // an empty line does not close a bracket
  EXPECT_TRUE(compiler::input_incomplete("s = '''abc\n"));
  EXPECT_TRUE(compiler::input_incomplete("x = 1 + \\\n"));
  EXPECT_FALSE(compiler::input_incomplete("x = (1,\n2)\n"));
}

TEST_F(InteractiveTest, CompoundStatementsWaitForAnEmptyLine) {
  EXPECT_TRUE(compiler::input_incomplete("def f():\n"));
  EXPECT_TRUE(compiler::input_incomplete("def f():\n    return 1\n"));
  EXPECT_FALSE(compiler::input_incomplete("def f():\n    return 1\n\n"));
  EXPECT_TRUE(compiler::input_incomplete("if x: y()\n"));
  EXPECT_TRUE(compiler::input_incomplete("if x:\n    pass\nelse:\n"));
  EXPECT_TRUE(compiler::input_incomplete("try:\n    pass\n"));
  EXPECT_TRUE(compiler::input_incomplete("class A:\n    def f(self):\n"));
  EXPECT_TRUE(compiler::input_incomplete("@dec\n"));
}

TEST_F(InteractiveTest, ErrorsBeforeTheEndAreNotIncomplete) {
  EXPECT_FALSE(compiler::input_incomplete("x = = 1\n"));
  EXPECT_FALSE(compiler::input_incomplete("if x y:\n"));
  EXPECT_FALSE(compiler::input_incomplete("if 1:\n    x = 1 +\n"));
  EXPECT_FALSE(compiler::input_incomplete("'abc\n"));
  EXPECT_FALSE(compiler::input_incomplete(")\n"));
  EXPECT_FALSE(compiler::input_incomplete("def f():\n\n"));  // the empty line ends it: an error
  EXPECT_FALSE(compiler::input_incomplete("    x = 1\n"));   // unexpected indent
}

}  // namespace
