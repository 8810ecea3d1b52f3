// Unit tests of classes through the runtime API: C3 linearization, version tags and the
// method cache staying consistent when a class or a base changes, slot updates on assignment.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/class.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/thread_state.h"

namespace {

using rt::Ref;
using rt::Value;

void ensure_runtime() {
  static bool done = false;
  if (!done) {
    vm::thread_state_init();
    rt::runtime_init();
    done = true;
  }
}

// A new class [name] with [bases] and an empty namespace.
Ref make_class(const char* name, std::vector<Value> bases) {
  Ref b = Ref::steal(Value::from_obj(rt::tuple_from(bases.data(), bases.size())));
  Ref ns = Ref::steal(Value::from_obj(rt::dict_new()));
  return Ref::steal(rt::class_new(rt::str_intern(name), b.as<rt::Tuple>(), ns.as<rt::Dict>()));
}

std::string mro_names(Value cls) {
  std::string out;
  rt::Tuple* mro = cls.as<rt::Type>()->mro;
  for (size_t i = 0; i < mro->size; ++i) {
    if (i) out += " ";
    out += mro->item(i).as<rt::Type>()->name;
  }
  return out;
}

std::string error_of(std::vector<Value> bases) {
  try {
    make_class("X", bases);
  } catch (rt::PyError& e) {
    return rt::exception_str(e.exc());
  }
  return "no error";
}

TEST(ClassTest, C3Linearization) {
  ensure_runtime();
  Ref o = make_class("O", {});
  Ref a = make_class("A", {o.get()});
  Ref b = make_class("B", {o.get()});
  Ref c = make_class("C", {o.get()});
  Ref d = make_class("D", {o.get()});
  Ref e = make_class("E", {o.get()});
  Ref k1 = make_class("K1", {a.get(), b.get(), c.get()});
  Ref k2 = make_class("K2", {d.get(), b.get(), e.get()});
  Ref k3 = make_class("K3", {d.get(), a.get()});
  Ref z = make_class("Z", {k1.get(), k2.get(), k3.get()});
  EXPECT_EQ(mro_names(z.get()), "Z K1 K2 K3 D A B C E O object");
  EXPECT_EQ(error_of({b.get(), k1.get()}),
            "Cannot create a consistent method resolution\norder (MRO) for bases B, K1");
  EXPECT_EQ(error_of({a.get(), a.get()}), "duplicate base class A");
  EXPECT_EQ(error_of({Value::from_obj(&rt::bool_type)}), "type 'bool' is not an acceptable base type");
  EXPECT_EQ(error_of({Value::from_obj(&rt::list_type), Value::from_obj(&rt::dict_type)}),
            "multiple bases have instance lay-out conflict");
}

TEST(ClassTest, VersionTagsFollowChanges) {
  ensure_runtime();
  Ref base = make_class("Base", {});
  Ref sub = make_class("Sub", {base.get()});
  rt::Str* name = rt::str_intern("attr");
  EXPECT_TRUE(rt::type_lookup(sub.as<rt::Type>(), name).is_null());
  uint32_t v = rt::type_version(sub.as<rt::Type>());
  EXPECT_NE(v, 0u);
  // Assigning on the base invalidates the subclass's tag and the cached miss.
  rt::setattr(base.get(), name, Value::from_int(7));
  EXPECT_NE(rt::type_version(sub.as<rt::Type>()), v);
  EXPECT_EQ(rt::type_lookup(sub.as<rt::Type>(), name), Value::from_int(7));
  rt::setattr(sub.get(), name, Value::from_int(8));
  EXPECT_EQ(rt::type_lookup(sub.as<rt::Type>(), name), Value::from_int(8));
  rt::delattr(sub.get(), name);
  EXPECT_EQ(rt::type_lookup(sub.as<rt::Type>(), name), Value::from_int(7));
}

TEST(ClassTest, DunderAssignmentUpdatesSlots) {
  ensure_runtime();
  Ref cls = make_class("Sized", {});
  Ref inst = Ref::steal(rt::call0(cls.get()));
  EXPECT_EQ(cls.as<rt::Type>()->len, nullptr);
  // Sized.__len__ = len: the class gets a len slot that calls it.
  Value len_fn = rt::dict_get_str(vm::interp.builtins, rt::str_intern("len"));
  rt::setattr(cls.get(), rt::str_intern("__len__"), len_fn);
  EXPECT_NE(cls.as<rt::Type>()->len, nullptr);
  // A builtin function does not bind, so __len__(inst) is len() of nothing: a TypeError.
  EXPECT_THROW(rt::length(inst.get()), rt::PyError);
}

}  // namespace
