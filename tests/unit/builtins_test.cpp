// Unit tests of the builtins module: functions called from C++ through the builtins dict,
// with CPython's results and error messages.
#include <gtest/gtest.h>

#include <string>

#include "runtime/error.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "vm/thread_state.h"

using namespace rt;

namespace {

class BuiltinsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_init();
    if (!vm::current_thread()) vm::thread_state_init();
  }

  // Calls builtins.[name] with positional [args] and keyword [kw] (name, value) pairs.
  static Ref call_builtin(const char* name, std::initializer_list<Value> args,
                          std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    Value f = dict_get_str(vm::interp.builtins, str_intern(name));
    EXPECT_FALSE(f.is_null()) << name;
    std::vector<Value> all(args);
    Tuple* names = nullptr;
    if (kw.size()) {
      names = tuple_new(kw.size());
      size_t i = 0;
      for (auto& [k, v] : kw) {
        names->items()[i++] = Value::from_obj(str_intern(k));
        all.push_back(v);
      }
    }
    Ref owner = names ? Ref::steal(Value::from_obj(names)) : Ref();
    return Ref::steal(call(f, all.data(), args.size(), names));
  }

  // The "Type: message" of the exception raised by calling [name].
  static std::string error_of(const char* name, std::initializer_list<Value> args,
                              std::initializer_list<std::pair<const char*, Value>> kw = {}) {
    try {
      call_builtin(name, args, kw);
    } catch (PyError& e) {
      return std::string(type_of(e.exc())->name) + ": " + exception_str(e.exc());
    }
    return "no error";
  }

  static Value list_of(std::initializer_list<Value> items) {
    return Value::from_obj(list_from(items.begin(), items.size()));
  }
};

TEST_F(BuiltinsTest, SumIntsFloatsAndOverflow) {
  Ref l = Ref::steal(list_of({Value::from_int(1), Value::from_int(2), Value::from_int(3)}));
  EXPECT_EQ(call_builtin("sum", {l.get()}).get(), Value::from_int(6));
  Ref f = Ref::steal(list_of({Value::from_int(1), Value::from_double(0.5)}));
  EXPECT_EQ(call_builtin("sum", {f.get()}).get().as_double(), 1.5);
  Value big = Value::from_int(Value::kIntMax);
  Ref b = Ref::steal(list_of({big, big, big}));
  EXPECT_EQ(repr_string(call_builtin("sum", {b.get()}).get()), "1688849860263933");
  Ref s = Ref::steal(str_value("x"));
  EXPECT_EQ(error_of("sum", {l.get(), s.get()}), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
}

TEST_F(BuiltinsTest, MinMaxKeyDefault) {
  Ref l = Ref::steal(list_of({Value::from_int(3), Value::from_int(-7), Value::from_int(5)}));
  EXPECT_EQ(call_builtin("max", {l.get()}).get(), Value::from_int(5));
  EXPECT_EQ(call_builtin("min", {l.get()}).get(), Value::from_int(-7));
  Value abs_fn = dict_get_str(vm::interp.builtins, str_intern("abs"));
  EXPECT_EQ(call_builtin("max", {l.get()}, {{"key", abs_fn}}).get(), Value::from_int(-7));
  Ref empty = Ref::steal(list_of({}));
  EXPECT_EQ(call_builtin("max", {empty.get()}, {{"default", None()}}).get(), None());
  EXPECT_EQ(error_of("max", {empty.get()}), "ValueError: max() arg is an empty sequence");
  EXPECT_EQ(error_of("min", {}), "TypeError: min expected at least 1 argument, got 0");
}

TEST_F(BuiltinsTest, SortedReverse) {
  Ref l = Ref::steal(list_of({Value::from_int(2), Value::from_int(9), Value::from_int(4)}));
  EXPECT_EQ(repr_string(call_builtin("sorted", {l.get()}, {{"reverse", True()}}).get()), "[9, 4, 2]");
  EXPECT_EQ(repr_string(l.get()), "[2, 9, 4]");
}

TEST_F(BuiltinsTest, Conversions) {
  EXPECT_EQ(str_string(call_builtin("chr", {Value::from_int(0x3b1)}).get()), "\xce\xb1");
  Ref alpha = Ref::steal(str_value("\xce\xb1"));
  EXPECT_EQ(call_builtin("ord", {alpha.get()}).get(), Value::from_int(0x3b1));
  EXPECT_EQ(str_string(call_builtin("hex", {Value::from_int(-31)}).get()), "-0x1f");
  EXPECT_EQ(str_string(call_builtin("bin", {Value::from_int(5)}).get()), "0b101");
  EXPECT_EQ(error_of("chr", {Value::from_int(0x110000)}), "ValueError: chr() arg not in range(0x110000)");
  Ref two = Ref::steal(str_value("ab"));
  EXPECT_EQ(error_of("ord", {two.get()}), "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(error_of("len", {Value::from_int(1), Value::from_int(2)}),
            "TypeError: len() takes exactly one argument (2 given)");
}

TEST_F(BuiltinsTest, EnumerateCountsFromStart) {
  Ref s = Ref::steal(str_value("ab"));
  Ref e = call_builtin("enumerate", {s.get()}, {{"start", Value::from_int(5)}});
  Ref it = Ref::steal(get_iter(e.get()));
  Ref first = Ref::steal(iter_next(it.get()));
  EXPECT_EQ(repr_string(first.get()), "(5, 'a')");
  Ref second = Ref::steal(iter_next(it.get()));
  EXPECT_EQ(repr_string(second.get()), "(6, 'b')");
  EXPECT_TRUE(iter_next(it.get()).is_null());
}

std::string g_written;

Value fake_write(const Value* args, size_t nargs, Tuple*) {
  g_written += as_str(args[nargs - 1])->view();
  return None();
}

TEST_F(BuiltinsTest, PrintToObjectWithWrite) {
  Module* m = module_new("fake");
  Ref owner = Ref::steal(Value::from_obj(m));
  Ref w = Ref::steal(builtin_function_new("write", fake_write));
  dict_set(m->dict, Value::from_obj(str_intern("write")), w.get());
  Ref sep = Ref::steal(str_value("-"));
  g_written.clear();
  call_builtin("print", {Value::from_int(1), Value::from_double(2.5), None()}, {{"sep", sep.get()}, {"file", owner.get()}});
  EXPECT_EQ(g_written, "1-2.5-None\n");
}

}  // namespace
