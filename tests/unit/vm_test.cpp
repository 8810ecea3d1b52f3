// Unit tests of the interpreter loop on hand-assembled code objects: arithmetic fast paths,
// calls and argument binding, recursion, exception tables, tracebacks and C++ re-entry.
#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <string>
#include <vector>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace {

using rt::Ref;
using rt::Value;
using vm::Op;

void ensure_runtime() {
  static bool done = false;
  if (!done) {
    vm::thread_state_init();
    rt::runtime_init();
    done = true;
  }
}

// A small assembler: instructions with their lines, constants and names.
struct Asm {
  vm::Code* code;
  std::vector<Value> consts;  // owned
  std::vector<Value> names;

  explicit Asm(const char* name, uint32_t argcount = 0, std::initializer_list<const char*> vars = {}) {
    Ref n = Ref::steal(rt::str_value(name));
    Ref f = Ref::steal(rt::str_value("<test>"));
    code = vm::code_new(n.as<rt::Str>(), n.as<rt::Str>(), f.as<rt::Str>(), 1);
    code->argcount = argcount;
    std::vector<Value> vs;
    for (const char* v : vars) vs.push_back(Value::from_obj(rt::str_intern(v)));
    rt::decref(code->varnames);
    code->varnames = rt::tuple_from(vs.data(), vs.size());
    code->nlocalsplus = static_cast<uint32_t>(vs.size());
    code->stacksize = 16;
  }
  ~Asm() {
    for (Value v : consts) rt::decref(v);
  }
  Asm& op(Op o, uint32_t arg = 0, uint32_t line = 1) {
    code->code.push_back(vm::encode(o, arg));
    code->lines.push_back(line);
    return *this;
  }
  // Index of a new constant (stolen).
  uint32_t k(Value v) {
    consts.push_back(v);
    return static_cast<uint32_t>(consts.size() - 1);
  }
  uint32_t name(const char* s) {
    names.push_back(Value::from_obj(rt::str_intern(s)));
    return static_cast<uint32_t>(names.size() - 1);
  }
  // Finishes the tables; returns the code (owned by the caller).
  vm::Code* done() {
    rt::decref(code->consts);
    code->consts = rt::tuple_from(consts.data(), consts.size());
    rt::decref(code->names);
    code->names = rt::tuple_from(names.data(), names.size());
    return code;
  }
};

Ref run(vm::Code* code) {
  Ref c = Ref::steal(Value::from_obj(code));
  Ref g = Ref::steal(Value::from_obj(rt::dict_new()));
  rt::dict_set(g.as<rt::Dict>(), Value::from_obj(rt::str_intern("__name__")), Ref::steal(rt::str_value("__main__")).get());
  return Ref::steal(vm::run_module_code(code, g.as<rt::Dict>()));
}

std::string error_of(vm::Code* code) {
  try {
    run(code);
  } catch (rt::PyError& e) {
    return std::string(rt::type_name(e.exc())) + ": " + rt::exception_str(e.exc());
  }
  return "no error";
}

// fib(n): if n < 2: return n; return fib(n - 1) + fib(n - 2)
vm::Code* fib_code() {
  Asm a("fib", 1, {"n"});
  uint32_t two = a.k(Value::from_int(2)), one = a.k(Value::from_int(1)), fib = a.name("fib");
  a.op(Op::LoadFast, 0).op(Op::LoadConst, two).op(Op::CompareLt).op(Op::PopJumpIfFalse, 6);
  a.op(Op::LoadFast, 0).op(Op::ReturnValue);
  a.op(Op::LoadGlobal, fib).op(Op::LoadFast, 0).op(Op::LoadConst, one).op(Op::BinarySub).op(Op::Call, 1);
  a.op(Op::LoadGlobal, fib).op(Op::LoadFast, 0).op(Op::LoadConst, two).op(Op::BinarySub).op(Op::Call, 1);
  a.op(Op::BinaryAdd).op(Op::ReturnValue);
  return a.done();
}

// Module: fib = <function>; return fib(n)
vm::Code* call_fib_module(int n) {
  Asm m("<module>");
  uint32_t code = m.k(Value::from_obj(fib_code())), arg = m.k(Value::from_int(n)), fib = m.name("fib");
  m.op(Op::LoadConst, code).op(Op::MakeFunction, 0).op(Op::StoreName, fib);
  m.op(Op::LoadName, fib).op(Op::LoadConst, arg).op(Op::Call, 1).op(Op::ReturnValue);
  return m.done();
}

TEST(VmTest, ArithmeticFastPaths) {
  ensure_runtime();
  Asm a("<module>");
  uint32_t x = a.k(Value::from_int(7)), y = a.k(Value::from_int(-2)), h = a.k(Value::from_double(0.5));
  // (7 // -2) * 100 + (7 % -2) -> -401 ; then + 0.5 -> -400.5
  a.op(Op::LoadConst, x).op(Op::LoadConst, y).op(Op::BinaryFloorDiv);
  a.op(Op::LoadConst, a.k(Value::from_int(100))).op(Op::BinaryMul);
  a.op(Op::LoadConst, x).op(Op::LoadConst, y).op(Op::BinaryMod).op(Op::BinaryAdd);
  a.op(Op::LoadConst, h).op(Op::BinaryAdd).op(Op::ReturnValue);
  Ref r = run(a.done());
  ASSERT_TRUE(r.get().is_double());
  EXPECT_EQ(r.get().as_double(), -400.5);
}

TEST(VmTest, SmallIntOverflowGoesBig) {
  ensure_runtime();
  Asm a("<module>");
  uint32_t big = a.k(Value::from_int(Value::kIntMax));
  a.op(Op::LoadConst, big).op(Op::LoadConst, big).op(Op::BinaryMul).op(Op::ReturnValue);
  Ref r = run(a.done());
  EXPECT_EQ(rt::repr_string(r.get()), "316912650057056224474268958721");
}

TEST(VmTest, RecursiveFib) {
  ensure_runtime();
  Ref r = run(call_fib_module(20));
  ASSERT_TRUE(r.get().is_int());
  EXPECT_EQ(r.get().as_int(), 6765);
  EXPECT_EQ(vm::current_thread()->recursion_depth, 0);
  EXPECT_EQ(vm::current_thread()->frame, nullptr);
}

TEST(VmTest, ForLoopOverRange) {
  ensure_runtime();
  // total = 0; for i in range(100): total += i; return total
  Asm a("<module>");
  uint32_t zero = a.k(Value::from_int(0)), hundred = a.k(Value::from_int(100));
  uint32_t range = a.name("range"), total = a.name("total"), i = a.name("i");
  a.op(Op::LoadConst, zero).op(Op::StoreName, total);                                            // 0-1
  a.op(Op::LoadName, range).op(Op::LoadConst, hundred).op(Op::Call, 1).op(Op::GetIter);         // 2-5
  a.op(Op::ForIter, 13).op(Op::StoreName, i);                                                    // 6-7
  a.op(Op::LoadName, total).op(Op::LoadName, i).op(Op::BinaryAdd, 1).op(Op::StoreName, total);  // 8-11
  a.op(Op::JumpBackward, 6);                                                                     // 12
  a.op(Op::LoadName, total).op(Op::ReturnValue);                                                 // 13-14
  Ref r = run(a.done());
  EXPECT_EQ(r.get().as_int(), 4950);
}

TEST(VmTest, ExceptionTableCatches) {
  ensure_runtime();
  // try: 1/0  except ZeroDivisionError: r = 42 ; return r
  Asm a("<module>");
  uint32_t one = a.k(Value::from_int(1)), zero = a.k(Value::from_int(0)), ft = a.k(Value::from_int(42));
  uint32_t zde = a.name("ZeroDivisionError"), r = a.name("r");
  a.op(Op::LoadConst, one).op(Op::LoadConst, zero).op(Op::BinaryTrueDiv).op(Op::PopTop);  // 0-3 try body
  a.op(Op::Jump, 15);                                                                     // 4
  a.op(Op::PushExcInfo);                                                                  // 5 handler
  a.op(Op::Copy, 1).op(Op::LoadName, zde).op(Op::CheckExcMatch).op(Op::PopJumpIfFalse, 14);  // 6-9
  a.op(Op::PopTop).op(Op::LoadConst, ft).op(Op::StoreName, r);                            // 10-12
  a.op(Op::PopExcept);                                                                    // 13
  a.op(Op::Jump, 15);                                                                     // 14 (no match: not reached)
  a.op(Op::LoadName, r).op(Op::ReturnValue);                                              // 15-16
  vm::Code* c = a.done();
  c->exception_table.push_back({0, 4, 5, 0});
  Ref res = run(c);
  EXPECT_EQ(res.get().as_int(), 42);
  EXPECT_TRUE(vm::current_thread()->handled_exc.is_null());
}

TEST(VmTest, UncaughtErrorHasTraceback) {
  ensure_runtime();
  Asm a("<module>");
  a.op(Op::LoadConst, a.k(Value::from_int(1)), 1).op(Op::LoadConst, a.k(Value::from_int(0)), 2);
  a.op(Op::BinaryFloorDiv, 0, 3).op(Op::ReturnValue, 0, 3);
  try {
    run(a.done());
    FAIL() << "no exception";
  } catch (rt::PyError& e) {
    auto* be = e.exc().as<rt::BaseException>();
    ASSERT_NE(be->traceback, nullptr);
    EXPECT_EQ(be->traceback->line, 3);
    EXPECT_EQ(be->traceback->next, nullptr);
    EXPECT_EQ(rt::exception_str(e.exc()), "integer division or modulo by zero");
  }
  EXPECT_EQ(vm::current_thread()->frame, nullptr);
}

TEST(VmTest, RaiseInstantiatesClassAndRejectsNonExceptions) {
  ensure_runtime();
  {
    Asm a("<module>");
    a.op(Op::LoadName, a.name("ValueError")).op(Op::Raise, 1);
    EXPECT_EQ(error_of(a.done()), "ValueError: ");
  }
  {
    Asm a("<module>");
    a.op(Op::LoadConst, a.k(Value::from_int(1))).op(Op::Raise, 1);
    EXPECT_EQ(error_of(a.done()), "TypeError: exceptions must derive from BaseException");
  }
  {
    Asm a("<module>");
    a.op(Op::Raise, 0);
    EXPECT_EQ(error_of(a.done()), "RuntimeError: No active exception to reraise");
  }
}

// A module that defines f from [fcode] with [defaults] and calls it with [args] (consts).
std::string call_error(vm::Code* fcode, std::vector<Value> args, Value kwnames = Value::null(),
                       Value defaults = Value::null()) {
  Asm m("<module>");
  uint32_t c = m.k(Value::from_obj(fcode)), f = m.name("f");
  uint32_t flags = 0;
  if (!defaults.is_null()) {
    m.op(Op::LoadConst, m.k(defaults));
    flags = 1;
  }
  m.op(Op::LoadConst, c).op(Op::MakeFunction, flags).op(Op::StoreName, f).op(Op::LoadName, f);
  for (Value v : args) m.op(Op::LoadConst, m.k(v));
  if (kwnames.is_null()) {
    m.op(Op::Call, static_cast<uint32_t>(args.size()));
  } else {
    m.op(Op::LoadConst, m.k(kwnames)).op(Op::CallKw, static_cast<uint32_t>(args.size()));
  }
  m.op(Op::ReturnValue);
  return error_of(m.done());
}

vm::Code* two_arg_code() {
  Asm a("f", 2, {"a", "b"});
  a.op(Op::LoadFast, 0).op(Op::LoadFast, 1).op(Op::BinarySub).op(Op::ReturnValue);
  return a.done();
}

Value names_tuple(std::initializer_list<const char*> ns) {
  std::vector<Value> v;
  for (const char* n : ns) v.push_back(Value::from_obj(rt::str_intern(n)));
  return Value::from_obj(rt::tuple_from(v.data(), v.size()));
}

TEST(VmTest, ArgumentBindingErrors) {
  ensure_runtime();
  auto i = [](int n) { return Value::from_int(n); };
  EXPECT_EQ(call_error(two_arg_code(), {i(1), i(2), i(3)}),
            "TypeError: f() takes 2 positional arguments but 3 were given");
  EXPECT_EQ(call_error(two_arg_code(), {i(1)}), "TypeError: f() missing 1 required positional argument: 'b'");
  EXPECT_EQ(call_error(two_arg_code(), {}), "TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
  EXPECT_EQ(call_error(two_arg_code(), {i(1), i(2), i(3)}, names_tuple({"z"})),
            "TypeError: f() got an unexpected keyword argument 'z'");
  EXPECT_EQ(call_error(two_arg_code(), {i(1), i(2)}, names_tuple({"a"})),
            "TypeError: f() got multiple values for argument 'a'");
  EXPECT_EQ(call_error(two_arg_code(), {i(5), i(1), i(2)}, Value::null(), names_tuple({})),
            "TypeError: f() takes 2 positional arguments but 3 were given");
  Value defs = Value::from_obj(rt::tuple_from(std::vector<Value>{i(1)}.data(), 1));
  EXPECT_EQ(call_error(two_arg_code(), {i(5), i(1), i(2)}, Value::null(), defs),
            "TypeError: f() takes from 1 to 2 positional arguments but 3 were given");
  {
    Asm a("f", 0, {"k"});
    a.code->kwonlyargcount = 1;
    a.op(Op::LoadFast, 0).op(Op::ReturnValue);
    EXPECT_EQ(call_error(a.done(), {}), "TypeError: f() missing 1 required keyword-only argument: 'k'");
  }
}

TEST(VmTest, KeywordsAndDefaultsBind) {
  ensure_runtime();
  // f(a, b=10) returns a - b; called as f(b=1, a=5) and f(30)
  Value defs = Value::from_obj(rt::tuple_from(std::vector<Value>{Value::from_int(10)}.data(), 1));
  Asm m("<module>");
  uint32_t c = m.k(Value::from_obj(two_arg_code())), f = m.name("f");
  m.op(Op::LoadConst, m.k(defs)).op(Op::LoadConst, c).op(Op::MakeFunction, 1).op(Op::StoreName, f);
  m.op(Op::LoadName, f).op(Op::LoadConst, m.k(Value::from_int(1))).op(Op::LoadConst, m.k(Value::from_int(5)));
  m.op(Op::LoadConst, m.k(names_tuple({"b", "a"}))).op(Op::CallKw, 2);
  m.op(Op::LoadName, f).op(Op::LoadConst, m.k(Value::from_int(30))).op(Op::Call, 1);
  m.op(Op::BinaryMul).op(Op::ReturnValue);
  Ref r = run(m.done());
  EXPECT_EQ(r.get().as_int(), 4 * 20);
}

TEST(VmTest, VarargsAndKwargs) {
  ensure_runtime();
  // def f(a, *args, **kw): return (a, args, kw)
  Asm a("f", 1, {"a", "args", "kw"});
  a.code->flags = vm::kCoVarargs | vm::kCoVarkeywords;
  a.op(Op::LoadFast, 0).op(Op::LoadFast, 1).op(Op::LoadFast, 2).op(Op::BuildTuple, 3).op(Op::ReturnValue);
  Asm m("<module>");
  uint32_t c = m.k(Value::from_obj(a.done())), f = m.name("f");
  m.op(Op::LoadConst, c).op(Op::MakeFunction, 0).op(Op::StoreName, f);
  m.op(Op::LoadName, f);
  for (int v : {1, 2, 3, 4}) m.op(Op::LoadConst, m.k(Value::from_int(v)));
  m.op(Op::LoadConst, m.k(names_tuple({"x"}))).op(Op::CallKw, 4).op(Op::ReturnValue);
  Ref r = run(m.done());
  EXPECT_EQ(rt::repr_string(r.get()), "(1, (2, 3), {'x': 4})");
}

TEST(VmTest, InfiniteRecursionRaisesRecursionError) {
  ensure_runtime();
  // def f(): return f()
  Asm a("f", 0, {});
  a.op(Op::LoadGlobal, a.name("f")).op(Op::Call, 0).op(Op::ReturnValue);
  Asm m("<module>");
  uint32_t c = m.k(Value::from_obj(a.done())), f = m.name("f");
  m.op(Op::LoadConst, c).op(Op::MakeFunction, 0).op(Op::StoreName, f).op(Op::LoadName, f).op(Op::Call, 0);
  m.op(Op::ReturnValue);
  vm::Code* code = m.done();
  try {
    run(code);
    FAIL() << "no exception";
  } catch (rt::PyError& e) {
    EXPECT_EQ(std::string(rt::type_name(e.exc())), "RecursionError");
    int n = 0;
    for (auto* tb = e.exc().as<rt::BaseException>()->traceback; tb; tb = tb->next) ++n;
    EXPECT_EQ(n, vm::interp.recursion_limit);
  }
  EXPECT_EQ(vm::current_thread()->recursion_depth, 0);
}

TEST(VmTest, BuiltinCallsBackIntoVm) {
  ensure_runtime();
  // sorted([3, 1, 2], key=neg) where neg(x) = -x
  Asm neg("neg", 1, {"x"});
  neg.op(Op::LoadFast, 0).op(Op::UnaryNeg).op(Op::ReturnValue);
  Asm m("<module>");
  uint32_t c = m.k(Value::from_obj(neg.done()));
  m.op(Op::LoadName, m.name("sorted"));
  for (int v : {3, 1, 2}) m.op(Op::LoadConst, m.k(Value::from_int(v)));
  m.op(Op::BuildList, 3).op(Op::LoadConst, c).op(Op::MakeFunction, 0);
  m.op(Op::LoadConst, m.k(names_tuple({"key"}))).op(Op::CallKw, 2).op(Op::ReturnValue);
  Ref r = run(m.done());
  EXPECT_EQ(rt::repr_string(r.get()), "[3, 2, 1]");
}

TEST(VmTest, FibPerformanceSmoke) {
  ensure_runtime();
  auto t0 = std::chrono::steady_clock::now();
  Ref r = run(call_fib_module(25));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.get().as_int(), 75025);
  RecordProperty("fib25_ms", static_cast<int>(ms));
}

}  // namespace
