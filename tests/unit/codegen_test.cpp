// Golden tests of the bytecode the compiler emits for small snippets (as Lua's
// testes/code.lua): opcode sequences with arguments, constants, names, slots, exception
// tables, stack sizes, and the compile-time SyntaxErrors of the symbol table and codegen.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/code.h"
#include "vm/dis.h"

namespace {

struct CodegenTest : ::testing::Test {
  static void SetUpTestSuite() {
    static bool done = false;
    if (!done) {
      rt::runtime_init();
      done = true;
    }
  }
};

// Owns a compiled module.
struct Compiled {
  explicit Compiled(const std::string& src)
      : ref(rt::Ref::steal(rt::Value::from_obj(compiler::compile_source(src, "t.py")))) {}
  vm::Code* code() const { return ref.as<vm::Code>(); }
  rt::Ref ref;
};

// "Op arg; Op arg; ..." for every instruction of [c].
std::string ops(vm::Code* c) {
  std::string s;
  for (uint32_t w : c->code) {
    if (!s.empty()) s += "; ";
    s += vm::op_name(vm::op_of(w));
    s += " " + std::to_string(vm::arg_of(w));
  }
  return s;
}

// The [n]-th code object among [c]'s constants.
vm::Code* nested(vm::Code* c, int n = 0) {
  for (size_t i = 0; i < c->consts->size; i++) {
    rt::Value v = c->consts->item(i);
    if (v.is_obj() && rt::type_of(v) == &rt::code_type && n-- == 0) return v.as<vm::Code>();
  }
  return nullptr;
}

std::string tuple_repr(rt::Tuple* t) { return rt::repr_string(rt::Value::from_obj(t)); }

std::string str(rt::Str* s) { return std::string(s->view()); }

// "SyntaxError: msg" raised by compiling [src], or "no error".
std::string compile_error(const std::string& src) {
  try {
    Compiled c(src);
  } catch (rt::PyError& e) {
    return std::string(rt::type_name(e.exc())) + ": " + rt::exception_str(e.exc());
  }
  return "no error";
}

std::string table(vm::Code* c) {
  std::string s;
  for (auto& e : c->exception_table)
    s += std::to_string(e.start) + "-" + std::to_string(e.end) + "->" + std::to_string(e.handler) + "[" +
         std::to_string(e.depth) + "] ";
  return s;
}

TEST_F(CodegenTest, ModuleAssignment) {
  Compiled m("x = 1\n");
  EXPECT_EQ(ops(m.code()), "LoadConst 0; StoreName 0; LoadConst 1; ReturnValue 0");
  EXPECT_EQ(tuple_repr(m.code()->consts), "(1, None)");
  EXPECT_EQ(tuple_repr(m.code()->names), "('x',)");
  EXPECT_TRUE(m.code()->flags & vm::kCoModule);
  EXPECT_EQ(m.code()->stacksize, 1u);
  EXPECT_EQ(str(m.code()->qualname), "<module>");
}

TEST_F(CodegenTest, ConstantsAreDistinctByType) {
  Compiled m("a = 1\nb = 1.0\nc = True\nd = 1\ne = 'x'\nf = 1.0\n");
  EXPECT_EQ(tuple_repr(m.code()->consts), "(1, 1.0, True, 'x', None)");
}

TEST_F(CodegenTest, NegativeLiteralsAndConstantTuplesFold) {
  Compiled m("x = -5\ny = (1, -2.5, 'a')\n");
  EXPECT_EQ(ops(m.code()), "LoadConst 0; StoreName 0; LoadConst 1; StoreName 1; LoadConst 2; ReturnValue 0");
  EXPECT_EQ(tuple_repr(m.code()->consts), "(-5, (1, -2.5, 'a'), None)");
}

TEST_F(CodegenTest, LineNumbers) {
  Compiled m("x = 1\n\ny = (x +\n     2)\n");
  ASSERT_EQ(m.code()->lines.size(), m.code()->code.size());
  EXPECT_EQ(m.code()->lines[0], 1u);
  EXPECT_EQ(m.code()->lines[2], 3u);  // LoadName x
  EXPECT_EQ(m.code()->lines[3], 4u);  // LoadConst 2
  EXPECT_EQ(m.code()->lines[4], 3u);  // BinaryAdd: the line of the BinOp
}

TEST_F(CodegenTest, FunctionLocalsAndParameters) {
  Compiled m("def f(a, b=2, *args, k, j=1, **kw):\n    c = a + b\n    return c\n");
  vm::Code* f = nested(m.code());
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(ops(f), "LoadFast 0; LoadFast 1; BinaryAdd 0; StoreFast 6; LoadFast 6; ReturnValue 0");
  EXPECT_EQ(tuple_repr(f->varnames), "('a', 'b', 'k', 'j', 'args', 'kw', 'c')");
  EXPECT_EQ(f->argcount, 2u);
  EXPECT_EQ(f->kwonlyargcount, 2u);
  EXPECT_EQ(f->flags, vm::kCoVarargs | vm::kCoVarkeywords);
  EXPECT_EQ(f->firstlineno, 1);
  EXPECT_EQ(f->stacksize, 2u);
  // defaults (2,) then kwdefaults {'j': 1}, swapped into MakeFunction's order.
  EXPECT_EQ(ops(m.code()),
            "LoadConst 0; LoadConst 1; LoadConst 2; BuildMap 1; Swap 2; LoadConst 3; MakeFunction 3; "
            "StoreName 0; LoadConst 4; ReturnValue 0");
}

TEST_F(CodegenTest, ImplicitReturnNone) {
  Compiled m("def f(x):\n    if x:\n        return 1\n");
  EXPECT_EQ(ops(nested(m.code())), "LoadFast 0; PopJumpIfFalse 4; LoadConst 0; ReturnValue 0; "
                                   "LoadConst 1; ReturnValue 0");
}

TEST_F(CodegenTest, GlobalsAndBuiltins) {
  Compiled m("y = 0\ndef f():\n    global y\n    y = len\n    return y\n");
  EXPECT_EQ(ops(nested(m.code())), "LoadGlobal 0; StoreGlobal 1; LoadGlobal 1; ReturnValue 0");
}

TEST_F(CodegenTest, ClosuresUseCellsAndFreeVariables) {
  Compiled m("def f(a):\n    x = 1\n    def g():\n        return x + a\n    return g\n");
  vm::Code* f = nested(m.code());
  vm::Code* g = nested(f);
  EXPECT_EQ(tuple_repr(f->varnames), "('a', 'g')");
  EXPECT_EQ(tuple_repr(f->cellvars), "('x',)");
  // a is a parameter cell: made a cell in its own slot; x gets the slot after the varnames.
  EXPECT_EQ(ops(f), "MakeCell 0; MakeCell 2; LoadConst 0; StoreDeref 2; LoadClosure 0; LoadClosure 2; "
                    "BuildTuple 2; LoadConst 1; MakeFunction 8; StoreFast 1; LoadFast 1; ReturnValue 0");
  EXPECT_EQ(tuple_repr(g->freevars), "('a', 'x')");
  EXPECT_EQ(ops(g), "CopyFreeVars 2; LoadDeref 1; LoadDeref 0; BinaryAdd 0; ReturnValue 0");
  EXPECT_EQ(str(g->qualname), "f.<locals>.g");
  EXPECT_EQ(g->nlocalsplus, 2u);
}

TEST_F(CodegenTest, Nonlocal) {
  Compiled m("def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    return inc\n");
  vm::Code* inc = nested(nested(m.code()));
  EXPECT_EQ(ops(inc), "CopyFreeVars 1; LoadDeref 0; LoadConst 0; BinaryAdd 1; StoreDeref 0; "
                      "LoadConst 1; ReturnValue 0");
}

TEST_F(CodegenTest, ChainedComparison) {
  Compiled m("a < b < c\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; LoadName 1; Swap 2; Copy 2; CompareLt 0; JumpIfFalseOrPop 9; LoadName 2; "
            "CompareLt 0; Jump 11; Swap 2; PopTop 0; PopTop 0; LoadConst 0; ReturnValue 0");
  EXPECT_EQ(m.code()->stacksize, 3u);
}

TEST_F(CodegenTest, ShortCircuitValues) {
  Compiled m("x = a and b or c\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; JumpIfFalseOrPop 3; LoadName 1; JumpIfTrueOrPop 5; LoadName 2; StoreName 3; "
            "LoadConst 0; ReturnValue 0");
}

TEST_F(CodegenTest, ConditionsJumpWithoutMaterialisingNot) {
  Compiled m("if not a and b:\n    pass\n");
  EXPECT_EQ(ops(m.code()), "LoadName 0; PopJumpIfTrue 4; LoadName 1; PopJumpIfFalse 4; LoadConst 0; "
                           "ReturnValue 0");
}

TEST_F(CodegenTest, Calls) {
  Compiled m("f(1)\no.m(2)\nf(1, k=2)\nf(*a, **b)\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; LoadConst 0; Call 1; PopTop 0; "
            "LoadName 1; LoadMethod 2; LoadConst 1; CallMethod 1; PopTop 0; "
            "LoadName 0; LoadConst 0; LoadConst 1; LoadConst 2; CallKw 2; PopTop 0; "
            "LoadName 0; BuildList 0; LoadName 3; ListExtend 1; ListToTuple 0; BuildMap 0; LoadName 4; "
            "DictMerge 1; CallFunctionEx 1; PopTop 0; LoadConst 3; ReturnValue 0");
  EXPECT_EQ(tuple_repr(m.code()->consts), "(1, 2, ('k',), None)");
}

TEST_F(CodegenTest, AugmentedAssignmentForms) {
  Compiled m("o.a += 1\no[k] -= 2\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; Copy 1; LoadAttr 1; LoadConst 0; BinaryAdd 1; Swap 2; StoreAttr 1; "
            "LoadName 0; LoadName 2; Copy 2; Copy 2; BinarySubscr 0; LoadConst 1; BinarySub 1; Swap 3; "
            "Swap 2; StoreSubscr 0; LoadConst 2; ReturnValue 0");
}

TEST_F(CodegenTest, Unpacking) {
  Compiled m("a, *b, c = x\n[d, e] = y\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; UnpackEx 257; StoreName 1; StoreName 2; StoreName 3; "
            "LoadName 4; UnpackSequence 2; StoreName 5; StoreName 6; LoadConst 0; ReturnValue 0");
}

TEST_F(CodegenTest, ChainedAssignment) {
  Compiled m("a = b = 0\n");
  EXPECT_EQ(ops(m.code()), "LoadConst 0; Copy 1; StoreName 0; StoreName 1; LoadConst 1; ReturnValue 0");
}

TEST_F(CodegenTest, ForLoopWithBreakAndElse) {
  Compiled m("for x in y:\n    if x:\n        break\nelse:\n    z = 1\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; GetIter 0; ForIter 9; StoreName 1; LoadName 1; PopJumpIfFalse 8; PopTop 0; "
            "Jump 11; JumpBackward 2; LoadConst 0; StoreName 2; LoadConst 1; ReturnValue 0");
  EXPECT_EQ(m.code()->stacksize, 2u);
}

TEST_F(CodegenTest, WhileTrueHasNoTest) {
  Compiled m("while True:\n    continue\n");
  EXPECT_EQ(ops(m.code()), "JumpBackward 0; JumpBackward 0; LoadConst 0; ReturnValue 0");
}

TEST_F(CodegenTest, TryExceptLayout) {
  Compiled m("try:\n    f()\nexcept E as e:\n    g()\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; Call 0; PopTop 0; Jump 26; "                                  // 0-3 body
            "PushExcInfo 0; Copy 1; LoadName 1; CheckExcMatch 0; PopJumpIfFalse 22; "  // 4-8 match
            "StoreName 2; LoadName 3; Call 0; PopTop 0; PopExcept 0; "                 // 9-13 handler
            "LoadConst 0; StoreName 2; DeleteName 2; Jump 26; "                       // 14-17 e unbound
            "LoadConst 0; StoreName 2; DeleteName 2; Reraise 0; "                      // 18-21 on raise
            "Reraise 0; "                                                              // 22 no match
            "Swap 2; PopExcept 0; Reraise 0; LoadConst 0; ReturnValue 0");             // 23-25 cleanup
  EXPECT_EQ(table(m.code()), "0-3->4[0] 4-10->23[1] 10-13->18[1] 13-23->23[1] ");
}

TEST_F(CodegenTest, TryFinallyTable) {
  Compiled m("try:\n    f()\nfinally:\n    g()\n");
  EXPECT_EQ(ops(m.code()),
            "LoadName 0; Call 0; PopTop 0; LoadName 1; Call 0; PopTop 0; Jump 15; "
            "PushExcInfo 0; LoadName 1; Call 0; PopTop 0; Reraise 0; "
            "Swap 2; PopExcept 0; Reraise 0; LoadConst 0; ReturnValue 0");
  EXPECT_EQ(table(m.code()), "0-3->7[0] 7-12->12[1] ");
  EXPECT_EQ(m.code()->stacksize, 3u);
}

TEST_F(CodegenTest, ReturnThroughFinallyRunsIt) {
  Compiled m("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
  vm::Code* f = nested(m.code());
  EXPECT_EQ(ops(f),
            "LoadGlobal 0; Call 0; LoadGlobal 1; Call 0; PopTop 0; ReturnValue 0; "
            "LoadGlobal 1; Call 0; PopTop 0; Jump 18; "
            "PushExcInfo 0; LoadGlobal 1; Call 0; PopTop 0; Reraise 0; Swap 2; PopExcept 0; Reraise 0; "
            "LoadConst 0; ReturnValue 0");
  // Only the call of g is covered; the inlined finally body and the return are not.
  EXPECT_EQ(table(f), "0-2->10[0] 10-15->15[1] ");
}

TEST_F(CodegenTest, BreakInsideExceptPopsTheHandledException) {
  Compiled m("for x in y:\n    try:\n        pass\n    except:\n        break\n");
  std::string s = ops(m.code());
  EXPECT_NE(s.find("PopTop 0; PopExcept 0; PopTop 0; Jump"), std::string::npos) << s;
}

TEST_F(CodegenTest, ListComprehensionIsANestedFunction) {
  Compiled m("r = [x * 2 for x in y if x]\n");
  EXPECT_EQ(ops(m.code()), "LoadConst 0; MakeFunction 0; LoadName 0; GetIter 0; Call 1; StoreName 1; "
                           "LoadConst 1; ReturnValue 0");
  vm::Code* c = nested(m.code());
  EXPECT_EQ(str(c->qualname), "<listcomp>");
  EXPECT_EQ(tuple_repr(c->varnames), "('.0', 'x')");
  EXPECT_EQ(c->argcount, 1u);
  EXPECT_EQ(ops(c), "BuildList 0; LoadFast 0; ForIter 11; StoreFast 1; LoadFast 1; PopJumpIfFalse 10; "
                    "LoadFast 1; LoadConst 0; BinaryMul 0; ListAppend 2; JumpBackward 2; ReturnValue 0");
  EXPECT_EQ(c->stacksize, 4u);
}

TEST_F(CodegenTest, WalrusInComprehensionBindsInFunction) {
  Compiled m("def f(l):\n    [y := x for x in l]\n    return y\n");
  vm::Code* f = nested(m.code());
  EXPECT_EQ(tuple_repr(f->cellvars), "('y',)");
  vm::Code* c = nested(f);
  EXPECT_EQ(str(c->qualname), "f.<locals>.<listcomp>");
  EXPECT_EQ(tuple_repr(c->freevars), "('y',)");
}

TEST_F(CodegenTest, FStrings) {
  Compiled m("f'a{x!r:>{w}}b'\n");
  EXPECT_EQ(ops(m.code()), "LoadConst 0; LoadName 0; LoadConst 1; LoadName 1; FormatValue 0; BuildString 2; "
                           "FormatValue 6; LoadConst 2; BuildString 3; PopTop 0; LoadConst 3; ReturnValue 0");
}

TEST_F(CodegenTest, Imports) {
  Compiled m("import a.b\nimport c.d as e\nfrom f import g as h\n");
  EXPECT_EQ(ops(m.code()), "ImportName 0; PopTop 0; ImportName 1; StoreName 1; ImportName 2; StoreName 3; "
                           "ImportName 4; ImportFrom 5; StoreName 6; PopTop 0; LoadConst 0; ReturnValue 0");
}

TEST_F(CodegenTest, AssertAndRaise) {
  Compiled m("assert x, 'm'\nraise E from c\n");
  EXPECT_EQ(ops(m.code()), "LoadName 0; PopJumpIfTrue 6; LoadAssertionError 0; LoadConst 0; Call 1; Raise 1; "
                           "LoadName 1; LoadName 2; Raise 2; LoadConst 1; ReturnValue 0");
}

TEST_F(CodegenTest, Slices) {
  Compiled m("a[1:]\na[::2] = b\n");
  EXPECT_EQ(ops(m.code()), "LoadName 0; LoadConst 0; LoadConst 1; BuildSlice 2; BinarySubscr 0; PopTop 0; "
                           "LoadName 1; LoadName 0; LoadConst 1; LoadConst 1; LoadConst 2; BuildSlice 3; "
                           "StoreSubscr 0; LoadConst 1; ReturnValue 0");
}

TEST_F(CodegenTest, StarredDisplays) {
  Compiled m("[1, *a]\n{**d, 'k': 2}\n");
  EXPECT_EQ(ops(m.code()), "LoadConst 0; BuildList 1; LoadName 0; ListExtend 1; PopTop 0; "
                           "BuildMap 0; LoadName 1; DictUpdate 1; LoadConst 1; LoadConst 2; BuildMap 1; "
                           "DictUpdate 1; PopTop 0; LoadConst 3; ReturnValue 0");
}

TEST_F(CodegenTest, SymbolTableErrors) {
  EXPECT_EQ(compile_error("def f(x):\n    global x\n"), "SyntaxError: name 'x' is parameter and global (t.py, line 2)");
  EXPECT_EQ(compile_error("def f():\n    print(x)\n    global x\n"),
            "SyntaxError: name 'x' is used prior to global declaration (t.py, line 3)");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    global x\n"),
            "SyntaxError: name 'x' is assigned to before global declaration (t.py, line 3)");
  EXPECT_EQ(compile_error("nonlocal x\n"), "SyntaxError: nonlocal declaration not allowed at module level (t.py, line 1)");
  EXPECT_EQ(compile_error("def f():\n    nonlocal x\n"), "SyntaxError: no binding for nonlocal 'x' found (t.py, line 2)");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n"),
            "SyntaxError: name 'x' is assigned to before nonlocal declaration (t.py, line 5)");
}

TEST_F(CodegenTest, CodegenErrors) {
  EXPECT_EQ(compile_error("return 1\n"), "SyntaxError: 'return' outside function (t.py, line 1)");
  EXPECT_EQ(compile_error("break\n"), "SyntaxError: 'break' outside loop (t.py, line 1)");
  EXPECT_EQ(compile_error("def f():\n    continue\n"), "SyntaxError: 'continue' not properly in loop (t.py, line 2)");
  EXPECT_EQ(compile_error("class C:\n    return 1\n"), "SyntaxError: 'return' outside function (t.py, line 2)");
  EXPECT_EQ(compile_error("yield 1\n"), "SyntaxError: 'yield' outside function (t.py, line 1)");
}

TEST_F(CodegenTest, DisassemblerListsNestedCode) {
  Compiled m("def f(a):\n    return a\n");
  EXPECT_EQ(vm::disassemble(m.code()),
            "Disassembly of <module> (t.py, line 1):\n"
            "  1           0 LoadConst                0 (<code object f, file \"t.py\", line 1>)\n"
            "              1 MakeFunction             0\n"
            "              2 StoreName                0 (f)\n"
            "              3 LoadConst                1 (None)\n"
            "              4 ReturnValue\n"
            "\n"
            "Disassembly of f (t.py, line 1):\n"
            "  2           0 LoadFast                 0 (a)\n"
            "              1 ReturnValue\n");
}

}  // namespace
