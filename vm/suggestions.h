// CPython 3.11's "Did you mean" hints for NameError and AttributeError: computed when an
// uncaught exception is printed, from the exception's name (and obj) attributes.
#pragma once

#include <string>

#include "runtime/objects.h"

namespace vm {

// Raises NameError("name 'x' is not defined") with its name attribute set, so that the
// traceback printer can offer a suggestion.
[[noreturn]] void raise_name_error(rt::Str* name);

// ". Did you mean: 'length'?" for a NameError or AttributeError [exc] that has a close
// match, else "". NameError looks at the innermost frame's local variable names, then its
// module's globals, then the builtins; AttributeError at the attributes of exc.obj.
std::string suggestion_suffix(rt::Value exc);

// CPython's edit distance between identifiers: insert/delete/substitute cost 2, a change
// of case alone 1; anything above [max_cost] returns max_cost + 1.
size_t suggestion_distance(std::string_view a, std::string_view b, size_t max_cost);

}  // namespace vm
