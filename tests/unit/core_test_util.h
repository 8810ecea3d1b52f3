// Helpers shared by the object-model unit tests: one-time runtime start-up and capturing a
// raised Python exception as "TypeName: message".
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "runtime/error.h"
#include "runtime/ops.h"

namespace core_test {

// Starts the runtime once for the whole test binary.
inline void ensure_runtime() { rt::runtime_init(); }

// Runs [f]; returns "Type: message" for the exception it raises, or "no error".
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (rt::PyError& e) {
    return std::string(rt::type_name(e.exc())) + ": " + rt::exception_str(e.exc());
  }
  return "no error";
}

// A new Str value for [s] (owned by the returned Ref).
inline rt::Ref s(const char* text) { return rt::Ref::steal(rt::str_value(text)); }

}  // namespace core_test
