// Text formatting shared by f-strings, format(), str.format and the % operator.
#pragma once

#include "runtime/objects.h"

namespace rt {

// format(value, spec): the format-spec mini-language for int, float, str and bool (and
// __format__ of other objects: str(value) when spec is empty). Returns a Str.
Value format_value(Value v, std::string_view spec);
// fmt % args, as str.__mod__ (args: a tuple, a single value, or a dict for %(name)s).
Value percent_format(Str* fmt, Value args);
// str.format(*args, **kwargs); args[0] is the format string.
Value str_format(const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace rt
