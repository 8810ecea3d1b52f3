// Unit tests of the object-model core: singletons, type objects, the generic operations of
// runtime/ops.h (reflection, NotImplemented, CPython's messages), descriptors, argument
// parsing and exception objects.
#include <gtest/gtest.h>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "tests/unit/core_test_util.h"

using namespace rt;
using core_test::error_of;

namespace {

// Test types: A handles + only between two A's; B (unrelated) handles + whenever either
// operand is a B; C is a subtype of A with its own slot, which must be tried first.
Type a_type, b_type, c_type, plain_type;
std::vector<std::string> calls;

Value a_binop(Value a, Value b, BinOp op, bool inplace) {
  calls.push_back(inplace ? "A+=" : "A");
  if (type_of(a) == &a_type && type_of(b) == &a_type && op == BinOp::Add) return Value::from_int(1);
  return NotImplemented();
}
Value b_binop(Value a, Value b, BinOp op, bool) {
  calls.push_back("B");
  if (op != BinOp::Add) return NotImplemented();
  return Value::from_int(type_of(a) == &b_type ? 2 : 3);
}
Value c_binop(Value a, Value b, BinOp, bool) {
  calls.push_back("C");
  return Value::from_int(4);
}
// A orders against A, B and C by returning 200 for Lt and 100 for Gt (to see which ran).
Value a_richcompare(Value a, Value b, CmpOp op) {
  if (type_of(b) == &plain_type || !type_of(b)->binop) return NotImplemented();
  if (op == CmpOp::Gt) return Value::from_int(100);
  if (op == CmpOp::Lt) return Value::from_int(200);
  return NotImplemented();
}
Value c_richcompare(Value a, Value b, CmpOp op) {
  calls.push_back(std::string("C") + cmpop_symbol(op));
  return NotImplemented();
}
Value a_method(const Value* args, size_t nargs, Tuple*) {
  return Value::from_int(static_cast<int64_t>(nargs));
}

Value new_instance(Type* t) { return Value::from_obj(alloc_object<Object>(t)); }

class ObjectTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    core_test::ensure_runtime();
    static bool ready = false;
    if (ready) return;
    ready = true;
    type_init_static(&a_type, "A", nullptr, sizeof(Object), kTypeBaseType);
    a_type.binop = a_binop;
    a_type.richcompare = a_richcompare;
    type_ready(&a_type);
    type_add_method(&a_type, "m", a_method);
    type_init_static(&b_type, "B", nullptr, sizeof(Object));
    b_type.binop = b_binop;
    type_ready(&b_type);
    type_init_static(&c_type, "C", &a_type, sizeof(Object));
    c_type.binop = c_binop;
    c_type.richcompare = c_richcompare;
    type_ready(&c_type);
    type_init_static(&plain_type, "P", nullptr, sizeof(Object));
    type_ready(&plain_type);
  }
  void SetUp() override { calls.clear(); }
};

TEST_F(ObjectTest, SingletonReprsAndTruth) {
  EXPECT_EQ(repr_string(None()), "None");
  EXPECT_EQ(repr_string(NotImplemented()), "NotImplemented");
  EXPECT_EQ(repr_string(Ellipsis()), "Ellipsis");
  EXPECT_EQ(str_string(None()), "None");
  EXPECT_FALSE(truthy(None()));
  EXPECT_FALSE(truthy(Value::from_int(0)));
  EXPECT_FALSE(truthy(Value::from_double(0.0)));
  EXPECT_TRUE(truthy(Value::from_int(-3)));
  EXPECT_TRUE(truthy(Ellipsis()));
  EXPECT_STREQ(none_type.name, "NoneType");
  EXPECT_STREQ(notimplemented_type.name, "NotImplementedType");
  EXPECT_STREQ(ellipsis_type.name, "ellipsis");
}

TEST_F(ObjectTest, CallingSingletonTypesReturnsTheSingleton) {
  Ref n = Ref::steal(call0(Value::from_obj(&none_type)));
  EXPECT_EQ(n.get(), None());
  Value one = Value::from_int(1);
  EXPECT_EQ(error_of([&] { call1(Value::from_obj(&none_type), one); }),
            "TypeError: NoneType takes no arguments");
}

TEST_F(ObjectTest, TypeReprAndTypeOfValue) {
  EXPECT_EQ(repr_string(Value::from_obj(&tuple_type)), "<class 'tuple'>");
  EXPECT_EQ(repr_string(Value::from_obj(&type_type)), "<class 'type'>");
  Ref t = Ref::steal(call1(Value::from_obj(&type_type), None()));
  EXPECT_EQ(t.get().as_obj(), &none_type);
  Ref tt = Ref::steal(call1(Value::from_obj(&type_type), Value::from_obj(&type_type)));
  EXPECT_EQ(tt.get().as_obj(), &type_type);
}

TEST_F(ObjectTest, TypeWithoutConstructorCannotBeCalled) {
  EXPECT_EQ(error_of([] { call0(Value::from_obj(&plain_type)); }),
            "TypeError: cannot create 'P' instances");
}

TEST_F(ObjectTest, ObjectDefaults) {
  Ref o = Ref::steal(call0(Value::from_obj(&object_type)));
  std::string r = repr_string(o.get());
  EXPECT_EQ(r.rfind("<object object at 0x", 0), 0u) << r;
  uint64_t addr = reinterpret_cast<uint64_t>(o.get().as_obj());
  EXPECT_EQ(static_cast<uint64_t>(hash(o.get())), (addr >> 4) | (addr << 60));
  EXPECT_TRUE(equal(o.get(), o.get()));
  Ref o2 = Ref::steal(call0(Value::from_obj(&object_type)));
  EXPECT_FALSE(equal(o.get(), o2.get()));
  EXPECT_TRUE(compare_bool(o.get(), o2.get(), CmpOp::Ne));
  EXPECT_EQ(error_of([&] { compare(o.get(), o2.get(), CmpOp::Lt); }),
            "TypeError: '<' not supported between instances of 'object' and 'object'");
  Value one = Value::from_int(1);
  EXPECT_EQ(error_of([&] { call1(Value::from_obj(&object_type), one); }),
            "TypeError: object() takes no arguments");
}

TEST_F(ObjectTest, BinaryOpTriesLeftThenReflected) {
  Ref a = Ref::steal(new_instance(&a_type));
  Ref b = Ref::steal(new_instance(&b_type));
  Ref r = Ref::steal(binary_op(a.get(), b.get(), BinOp::Add));
  EXPECT_EQ(r.get(), Value::from_int(3));
  EXPECT_EQ(calls, (std::vector<std::string>{"A", "B"}));
  calls.clear();
  Ref r2 = Ref::steal(binary_op(b.get(), a.get(), BinOp::Add));
  EXPECT_EQ(r2.get(), Value::from_int(2));
  EXPECT_EQ(calls, (std::vector<std::string>{"B"}));
}

TEST_F(ObjectTest, BinaryOpTriesSubclassFirst) {
  Ref a = Ref::steal(new_instance(&a_type));
  Ref c = Ref::steal(new_instance(&c_type));
  Ref r = Ref::steal(binary_op(a.get(), c.get(), BinOp::Add));
  EXPECT_EQ(r.get(), Value::from_int(4));
  EXPECT_EQ(calls, (std::vector<std::string>{"C"}));
}

TEST_F(ObjectTest, BinaryOpErrorMessages) {
  Ref a = Ref::steal(new_instance(&a_type));
  Value one = Value::from_int(1);
  EXPECT_EQ(error_of([&] { binary_op(a.get(), a.get(), BinOp::Sub); }),
            "TypeError: unsupported operand type(s) for -: 'A' and 'A'");
  EXPECT_EQ(error_of([&] { binary_op(a.get(), a.get(), BinOp::Sub, true); }),
            "TypeError: unsupported operand type(s) for -=: 'A' and 'A'");
  EXPECT_EQ(calls.back(), "A+=");
  EXPECT_EQ(error_of([&] { binary_op(a.get(), one, BinOp::Pow); }),
            "TypeError: unsupported operand type(s) for ** or pow(): 'A' and 'int'");
  EXPECT_EQ(error_of([&] { binary_op(a.get(), one, BinOp::Pow, true); }),
            "TypeError: unsupported operand type(s) for **=: 'A' and 'int'");
  EXPECT_EQ(error_of([&] { unary_op(a.get(), UnaryOp::Neg); }),
            "TypeError: bad operand type for unary -: 'A'");
  EXPECT_EQ(error_of([&] { unary_op(a.get(), UnaryOp::Invert); }),
            "TypeError: bad operand type for unary ~: 'A'");
}

TEST_F(ObjectTest, SequenceOperatorMessages) {
  Ref t = Ref::steal(Value::from_obj(tuple_empty()));
  Ref a = Ref::steal(new_instance(&a_type));
  EXPECT_EQ(error_of([&] { binary_op(t.get(), a.get(), BinOp::Add); }),
            "TypeError: can only concatenate tuple (not \"A\") to tuple");
  EXPECT_EQ(error_of([&] { binary_op(t.get(), a.get(), BinOp::Mul); }),
            "TypeError: can't multiply sequence by non-int of type 'A'");
  EXPECT_EQ(error_of([&] { binary_op(a.get(), t.get(), BinOp::Mul); }),
            "TypeError: can't multiply sequence by non-int of type 'A'");
}

TEST_F(ObjectTest, CompareReflectsAndFallsBackToIdentity) {
  Ref a = Ref::steal(new_instance(&a_type));
  Ref a2 = Ref::steal(new_instance(&a_type));
  Ref b = Ref::steal(new_instance(&b_type));
  Ref p = Ref::steal(new_instance(&plain_type));
  Ref r = Ref::steal(compare(a.get(), a2.get(), CmpOp::Lt));
  EXPECT_EQ(r.get(), Value::from_int(200));
  // b < a: B's (object's) slot declines, so a's reflected '>' answers.
  Ref r2 = Ref::steal(compare(b.get(), a.get(), CmpOp::Lt));
  EXPECT_EQ(r2.get(), Value::from_int(100));
  EXPECT_FALSE(compare_bool(a.get(), p.get(), CmpOp::Eq));
  EXPECT_TRUE(compare_bool(a.get(), a.get(), CmpOp::Eq));
  EXPECT_TRUE(compare_bool(a.get(), p.get(), CmpOp::Ne));
  EXPECT_EQ(error_of([&] { compare(a.get(), p.get(), CmpOp::Ge); }),
            "TypeError: '>=' not supported between instances of 'A' and 'P'");
}

TEST_F(ObjectTest, CompareTriesSubclassReflectedFirst) {
  Ref a = Ref::steal(new_instance(&a_type));
  Ref c = Ref::steal(new_instance(&c_type));
  Ref r = Ref::steal(compare(a.get(), c.get(), CmpOp::Lt));
  EXPECT_EQ(calls, (std::vector<std::string>{"C>"}));
  EXPECT_EQ(r.get(), Value::from_int(200));
}

TEST_F(ObjectTest, UnhashableWhenEqualityWithoutHash) {
  EXPECT_EQ(a_type.hash, nullptr);
  Ref a = Ref::steal(new_instance(&a_type));
  EXPECT_EQ(error_of([&] { hash(a.get()); }), "TypeError: unhashable type: 'A'");
  Ref b = Ref::steal(new_instance(&b_type));
  EXPECT_NO_THROW(hash(b.get()));
}

TEST_F(ObjectTest, ProtocolErrorMessages) {
  Value one = Value::from_int(1);
  EXPECT_EQ(error_of([&] { getitem(one, one); }), "TypeError: 'int' object is not subscriptable");
  Ref t = Ref::steal(Value::from_obj(tuple_empty()));
  EXPECT_EQ(error_of([&] { setitem(t.get(), one, one); }),
            "TypeError: 'tuple' object does not support item assignment");
  EXPECT_EQ(error_of([&] { delitem(t.get(), one); }),
            "TypeError: 'tuple' object doesn't support item deletion");
  EXPECT_EQ(error_of([&] { contains(one, one); }),
            "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(error_of([&] { length(one); }), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(error_of([&] { get_iter(one); }), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(error_of([&] { iter_next(one); }), "TypeError: 'int' object is not an iterator");
  EXPECT_EQ(error_of([&] { call0(one); }), "TypeError: 'int' object is not callable");
}

TEST_F(ObjectTest, AttributeErrors) {
  Ref a = Ref::steal(new_instance(&a_type));
  Str* foo = str_intern("foo");
  EXPECT_EQ(error_of([&] { getattr(a.get(), foo); }),
            "AttributeError: 'A' object has no attribute 'foo'");
  EXPECT_TRUE(getattr_opt(a.get(), foo).is_null());
  EXPECT_EQ(error_of([&] { getattr(Value::from_obj(&a_type), foo); }),
            "AttributeError: type object 'A' has no attribute 'foo'");
  EXPECT_EQ(error_of([&] { setattr(a.get(), foo, None()); }),
            "AttributeError: 'A' object has no attribute 'foo'");
  EXPECT_EQ(error_of([&] { setattr(a.get(), str_intern("m"), None()); }),
            "AttributeError: 'A' object attribute 'm' is read-only");
  EXPECT_EQ(error_of([&] { delattr(a.get(), foo); }),
            "AttributeError: 'A' object has no attribute 'foo'");
  EXPECT_EQ(error_of([&] { setattr(Value::from_obj(&tuple_type), foo, None()); }),
            "TypeError: cannot set 'foo' attribute of immutable type 'tuple'");
  Ref name = Ref::steal(getattr(Value::from_obj(&tuple_type), str_intern("__name__")));
  EXPECT_EQ(str_string(name.get()), "tuple");
  Ref cls = Ref::steal(getattr(a.get(), str_intern("__class__")));
  EXPECT_EQ(cls.get().as_obj(), &a_type);
}

TEST_F(ObjectTest, MethodDescriptorsBindAndCheckSelf) {
  Ref a = Ref::steal(new_instance(&a_type));
  Ref c = Ref::steal(new_instance(&c_type));
  Ref bound = Ref::steal(getattr(a.get(), str_intern("m")));
  EXPECT_EQ(type_of(bound.get()), &builtin_function_type);
  Ref r = Ref::steal(call1(bound.get(), None()));
  EXPECT_EQ(r.get(), Value::from_int(2));
  std::string br = repr_string(bound.get());
  EXPECT_EQ(br.rfind("<built-in method m of A object at 0x", 0), 0u) << br;
  Ref unbound = Ref::steal(getattr(Value::from_obj(&a_type), str_intern("m")));
  EXPECT_EQ(repr_string(unbound.get()), "<method 'm' of 'A' objects>");
  Ref r2 = Ref::steal(call1(unbound.get(), c.get()));
  EXPECT_EQ(r2.get(), Value::from_int(1));
  Value one = Value::from_int(1);
  EXPECT_EQ(error_of([&] { call1(unbound.get(), one); }),
            "TypeError: descriptor 'm' for 'A' objects doesn't apply to a 'int' object");
  EXPECT_EQ(error_of([&] { call0(unbound.get()); }),
            "TypeError: unbound method A.m() needs an argument");
  Ref fromsub = Ref::steal(getattr(c.get(), str_intern("m")));
  EXPECT_EQ(type_of(fromsub.get()), &builtin_function_type);
}

TEST_F(ObjectTest, BuiltinFunctionRepr) {
  Ref f = Ref::steal(builtin_function_new("len", a_method));
  EXPECT_EQ(repr_string(f.get()), "<built-in function len>");
  Value args[3] = {None(), None(), None()};
  Ref r = Ref::steal(call(f.get(), args, 3));
  EXPECT_EQ(r.get(), Value::from_int(3));
}

TEST_F(ObjectTest, ParseArgsMessages) {
  Value out[2];
  Value args[3] = {Value::from_int(1), Value::from_int(2), Value::from_int(3)};
  EXPECT_EQ(error_of([&] { parse_args("split", args, 3, nullptr, {"sep", "maxsplit"}, 0, out); }),
            "TypeError: split() takes at most 2 arguments (3 given)");
  EXPECT_EQ(error_of([&] { parse_args("f", args, 3, nullptr, {"a", "b"}, 2, out); }),
            "TypeError: f() takes exactly 2 arguments (3 given)");
  EXPECT_EQ(error_of([&] { parse_args("round", args, 0, nullptr, {"number", "ndigits"}, 1, out); }),
            "TypeError: round() missing required argument 'number' (pos 1)");
  Ref kw = Ref::steal(Value::from_obj(tuple_new(1)));
  kw.as<Tuple>()->items()[0] = Value::from_obj(str_intern("sep"));
  EXPECT_EQ(error_of([&] { parse_args("split", args, 1, kw.as<Tuple>(), {"sep", "maxsplit"}, 0, out); }),
            "TypeError: argument for split() given by name ('sep') and position (1)");
  Ref kw2 = Ref::steal(Value::from_obj(tuple_new(1)));
  kw2.as<Tuple>()->items()[0] = Value::from_obj(str_intern("x"));
  EXPECT_EQ(error_of([&] { parse_args("split", args, 0, kw2.as<Tuple>(), {"sep", "maxsplit"}, 0, out); }),
            "TypeError: 'x' is an invalid keyword argument for split()");
  parse_args("split", args, 1, kw.as<Tuple>(), {"x", "sep"}, 0, out);
  EXPECT_EQ(out[0], args[0]);
  EXPECT_EQ(out[1], args[1]);
  parse_args("split", args, 0, nullptr, {"x", "sep"}, 0, out);
  EXPECT_TRUE(out[0].is_null() && out[1].is_null());
  EXPECT_EQ(error_of([&] { no_kwargs("f", kw.as<Tuple>()); }),
            "TypeError: f() takes no keyword arguments");
}

TEST_F(ObjectTest, ReprGuardDetectsRecursion) {
  Object o = {MINIPY_STATIC_HEADER(&object_type)};
  {
    ReprGuard g1(&o);
    EXPECT_FALSE(g1.recursive());
    ReprGuard g2(&o);
    EXPECT_TRUE(g2.recursive());
  }
  ReprGuard g3(&o);
  EXPECT_FALSE(g3.recursive());
}

TEST_F(ObjectTest, SubtypeChecks) {
  EXPECT_TRUE(is_subtype(&c_type, &a_type));
  EXPECT_TRUE(is_subtype(&c_type, &object_type));
  EXPECT_FALSE(is_subtype(&a_type, &c_type));
  EXPECT_TRUE(isinstance(None(), &object_type));
  EXPECT_TRUE(isinstance(Value::from_int(1), &int_type));
  EXPECT_TRUE(is_subtype(&exc_KeyError, &exc_LookupError));
  EXPECT_TRUE(is_subtype(&exc_TabError, &exc_SyntaxError));
  EXPECT_FALSE(is_subtype(&exc_KeyboardInterrupt, &exc_Exception));
}

// ---- exceptions ---------------------------------------------------------------------------

TEST_F(ObjectTest, ExceptionTypesAreNamedAndChained) {
  EXPECT_STREQ(exc_ValueError.name, "ValueError");
  EXPECT_STREQ(exc_ModuleNotFoundError.name, "ModuleNotFoundError");
  EXPECT_EQ(exc_ValueError.base, &exc_Exception);
  EXPECT_EQ(exc_BaseException.base, &object_type);
  EXPECT_EQ(repr_string(Value::from_obj(&exc_ValueError)), "<class 'ValueError'>");
}

TEST_F(ObjectTest, ExceptionReprAndStr) {
  Ref e0 = Ref::steal(call0(Value::from_obj(&exc_ValueError)));
  EXPECT_EQ(repr_string(e0.get()), "ValueError()");
  EXPECT_EQ(str_string(e0.get()), "");
  Ref e1 = Ref::steal(new_exception(&exc_ValueError, "x"));
  EXPECT_EQ(repr_string(e1.get()), "ValueError('x')");
  EXPECT_EQ(str_string(e1.get()), "x");
  Ref e2 = Ref::steal(call2(Value::from_obj(&exc_ValueError), Value::from_int(1), Value::from_int(2)));
  EXPECT_EQ(repr_string(e2.get()), "ValueError(1, 2)");
  EXPECT_EQ(str_string(e2.get()), "(1, 2)");
  Ref k = Ref::steal(new_exception(&exc_KeyError, "a"));
  EXPECT_EQ(str_string(k.get()), "'a'");
  Ref args = Ref::steal(getattr(e2.get(), str_intern("args")));
  EXPECT_EQ(repr_string(args.get()), "(1, 2)");
}

TEST_F(ObjectTest, ExceptionAttributes) {
  Ref e = Ref::steal(new_exception(&exc_ValueError, "x"));
  for (const char* n : {"__cause__", "__context__", "__traceback__"}) {
    Ref v = Ref::steal(getattr(e.get(), str_intern(n)));
    EXPECT_EQ(v.get(), None()) << n;
  }
  Ref sup = Ref::steal(getattr(e.get(), str_intern("__suppress_context__")));
  EXPECT_EQ(sup.get(), False());
  Ref cause = Ref::steal(new_exception(&exc_KeyError, "k"));
  setattr(e.get(), str_intern("__cause__"), cause.get());
  Ref got = Ref::steal(getattr(e.get(), str_intern("__cause__")));
  EXPECT_EQ(got.get(), cause.get());
  Ref sup2 = Ref::steal(getattr(e.get(), str_intern("__suppress_context__")));
  EXPECT_EQ(sup2.get(), True());
  Value one = Value::from_int(1);
  EXPECT_EQ(error_of([&] { setattr(e.get(), str_intern("__cause__"), one); }),
            "TypeError: exception cause must be None or derive from BaseException");
  setattr(e.get(), str_intern("note"), one);
  Ref note = Ref::steal(getattr(e.get(), str_intern("note")));
  EXPECT_EQ(note.get(), one);
  EXPECT_EQ(error_of([&] { getattr(e.get(), str_intern("nope")); }),
            "AttributeError: 'ValueError' object has no attribute 'nope'");
}

TEST_F(ObjectTest, SystemExitCodeAndStopIterationValue) {
  Ref e0 = Ref::steal(call0(Value::from_obj(&exc_SystemExit)));
  Ref c0 = Ref::steal(getattr(e0.get(), str_intern("code")));
  EXPECT_EQ(c0.get(), None());
  Ref e1 = Ref::steal(call1(Value::from_obj(&exc_SystemExit), Value::from_int(3)));
  Ref c1 = Ref::steal(getattr(e1.get(), str_intern("code")));
  EXPECT_EQ(c1.get(), Value::from_int(3));
  Ref s = Ref::steal(call1(Value::from_obj(&exc_StopIteration), Value::from_int(5)));
  Ref v = Ref::steal(getattr(s.get(), str_intern("value")));
  EXPECT_EQ(v.get(), Value::from_int(5));
}

TEST_F(ObjectTest, SyntaxErrorAttributesFromInstanceDict) {
  Ref e = Ref::steal(new_exception(&exc_SyntaxError, "invalid syntax"));
  Ref file = core_test::s("/tmp/dir/prog.py");
  setattr(e.get(), str_intern("filename"), file.get());
  setattr(e.get(), str_intern("lineno"), Value::from_int(3));
  EXPECT_EQ(str_string(e.get()), "invalid syntax (prog.py, line 3)");
  Ref msg = Ref::steal(getattr(e.get(), str_intern("msg")));
  EXPECT_EQ(str_string(msg.get()), "invalid syntax");
  Ref off = Ref::steal(getattr(e.get(), str_intern("offset")));
  EXPECT_EQ(off.get(), None());
}

TEST_F(ObjectTest, ExceptionMatching) {
  Ref e = Ref::steal(new_exception(&exc_KeyError, "k"));
  EXPECT_TRUE(exception_matches(e.get(), Value::from_obj(&exc_LookupError)));
  EXPECT_FALSE(exception_matches(e.get(), Value::from_obj(&exc_ValueError)));
  Value items[2] = {Value::from_obj(&exc_ValueError), Value::from_obj(&exc_KeyError)};
  Ref tup = Ref::steal(Value::from_obj(tuple_from(items, 2)));
  EXPECT_TRUE(exception_matches(e.get(), tup.get()));
  EXPECT_EQ(error_of([&] { exception_matches(e.get(), Value::from_int(1)); }),
            "TypeError: catching classes that do not inherit from BaseException is not allowed");
  Value bad[2] = {Value::from_obj(&exc_KeyError), Value::from_int(1)};
  Ref badtup = Ref::steal(Value::from_obj(tuple_from(bad, 2)));
  EXPECT_EQ(error_of([&] { exception_matches(e.get(), badtup.get()); }),
            "TypeError: catching classes that do not inherit from BaseException is not allowed");
}

TEST_F(ObjectTest, RaiseInstantiatesTypesAndRejectsNonExceptions) {
  EXPECT_EQ(error_of([] { raise(Value::from_obj(&exc_ValueError)); }), "ValueError: ");
  EXPECT_EQ(error_of([] { raise(Value::from_int(1)); }),
            "TypeError: exceptions must derive from BaseException");
  EXPECT_EQ(error_of([] { raise_fmt(&exc_IndexError, "{} out of {}", 1, "range"); }),
            "IndexError: 1 out of range");
  EXPECT_TRUE(exception_check(Ref::steal(new_exception(&exc_OSError, "x")).get()));
  EXPECT_FALSE(exception_check(Value::from_obj(&exc_OSError)));
}

}  // namespace
