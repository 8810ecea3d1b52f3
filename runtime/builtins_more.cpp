// Built-in functions on types, attributes and conversions: isinstance, issubclass, repr, hash,
// id, callable, chr, ord, hex, oct, bin, getattr, setattr, hasattr, delattr, vars, globals,
// format; and the builtins names of every built-in type and exception.

#include "runtime/builtins_internal.h"
#include "runtime/format.h"
#include "runtime/ops.h"
#include "vm/interp.h"

namespace rt {

namespace {

bool is_type(Value v) { return v.is_obj() && is_subtype(type_of(v), &type_type); }
bool is_tuple(Value v) { return v.is_obj() && is_subtype(type_of(v), &tuple_type); }

// isinstance(obj, cls) for [cls] a type or a (nested) tuple of types.
bool isinstance_any(Value obj, Value cls) {
  if (is_type(cls)) return isinstance(obj, cls.as<Type>());
  if (is_tuple(cls)) {
    Tuple* t = cls.as<Tuple>();
    for (size_t i = 0; i < t->size; i++)
      if (isinstance_any(obj, t->item(i))) return true;
    return false;
  }
  raise_msg(&exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

bool issubclass_any(Value derived, Value cls) {
  if (is_tuple(cls)) {
    Tuple* t = cls.as<Tuple>();
    for (size_t i = 0; i < t->size; i++)
      if (issubclass_any(derived, t->item(i))) return true;
    return false;
  }
  if (!is_type(derived)) raise_msg(&exc_TypeError, "issubclass() arg 1 must be a class");
  if (!is_type(cls)) raise_msg(&exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return is_subtype(derived.as<Type>(), cls.as<Type>());
}

Value b_isinstance(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "isinstance() takes no keyword arguments");
  check_positional("isinstance", nargs, 2, 2);
  return from_bool(isinstance_any(args[0], args[1]));
}

Value b_issubclass(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "issubclass() takes no keyword arguments");
  check_positional("issubclass", nargs, 2, 2);
  return from_bool(issubclass_any(args[0], args[1]));
}

Value b_repr(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("repr", nargs, kwnames);
  return repr(args[0]);
}

Value b_hash(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("hash", nargs, kwnames);
  return int_from_i64(hash(args[0]));
}

// id(x): the address of an object; for unboxed ints and floats, their bit pattern (stable,
// and distinct from every live object's address).
Value b_id(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("id", nargs, kwnames);
  Value v = args[0];
  if (v.is_obj()) return int_from_i64(static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.as_obj())));
  uint64_t bits = v.bits();
  if (bits <= uint64_t(INT64_MAX)) return int_from_i64(static_cast<int64_t>(bits));
  Ref half = Ref::steal(int_from_i64(static_cast<int64_t>(bits >> 1)));
  Ref twice = Ref::steal(binary_op(half.get(), Value::from_int(2), BinOp::Mul));
  return binary_op(twice.get(), Value::from_int(int64_t(bits & 1)), BinOp::Add);
}

Value b_callable(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("callable", nargs, kwnames);
  return from_bool(type_of(args[0])->call != nullptr);
}

// chr(i): the one-character string for code point [i] (UTF-8 encoded).
Value b_chr(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("chr", nargs, kwnames);
  int64_t cp;
  Value v = args[0];
  if (v.is_int()) {
    cp = v.as_int();
  } else if (int_check(v)) {
    if (!int_to_i64(v, &cp) || cp < INT32_MIN || cp > INT32_MAX)
      raise_msg(&exc_OverflowError, "Python int too large to convert to C int");
  } else {
    cp = int_arg(v);
  }
  if (cp < 0 || cp > 0x10FFFF) raise_msg(&exc_ValueError, "chr() arg not in range(0x110000)");
  char buf[4];
  size_t n;
  uint32_t c = uint32_t(cp);
  if (c < 0x80) {
    buf[0] = char(c);
    n = 1;
  } else if (c < 0x800) {
    buf[0] = char(0xC0 | (c >> 6));
    buf[1] = char(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    buf[0] = char(0xE0 | (c >> 12));
    buf[1] = char(0x80 | ((c >> 6) & 0x3F));
    buf[2] = char(0x80 | (c & 0x3F));
    n = 3;
  } else {
    buf[0] = char(0xF0 | (c >> 18));
    buf[1] = char(0x80 | ((c >> 12) & 0x3F));
    buf[2] = char(0x80 | ((c >> 6) & 0x3F));
    buf[3] = char(0x80 | (c & 0x3F));
    n = 4;
  }
  return str_value(std::string_view(buf, n));
}

// ord(c): the code point of a one-character string.
Value b_ord(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("ord", nargs, kwnames);
  if (!str_check(args[0]))
    raise_fmt(&exc_TypeError, "ord() expected string of length 1, but {} found", type_name(args[0]));
  Str* s = as_str(args[0]);
  if (s->length != 1)
    raise_fmt(&exc_TypeError, "ord() expected a character, but string of length {} found", s->length);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s->data());
  uint32_t c = p[0];
  if (c >= 0xF0) c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  else if (c >= 0xE0) c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  else if (c >= 0xC0) c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
  return Value::from_int(c);
}

// hex/oct/bin: the int in [base] with its prefix ("-0x1f").
Value int_in_base(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, int base) {
  check_meth_o(fname, nargs, kwnames);
  Value v = args[0];
  if (int_check(v)) return str_value(int_to_string(v, base));
  Ref i = Ref::steal(int_from_i64(int_arg(v)));
  return str_value(int_to_string(i.get(), base));
}

Value b_hex(const Value* args, size_t nargs, Tuple* kwnames) { return int_in_base("hex", args, nargs, kwnames, 16); }
Value b_oct(const Value* args, size_t nargs, Tuple* kwnames) { return int_in_base("oct", args, nargs, kwnames, 8); }
Value b_bin(const Value* args, size_t nargs, Tuple* kwnames) { return int_in_base("bin", args, nargs, kwnames, 2); }

// The attribute name argument of getattr and friends, interned.
Str* attr_name(Value v) {
  if (!str_check(v)) raise_fmt(&exc_TypeError, "attribute name must be string, not '{}'", type_name(v));
  Str* s = as_str(v);
  return s->interned ? s : str_intern(s->view());
}

// Looks up [name] on [obj]; null when it is missing (AttributeError swallowed).
Value getattr_or_null(Value obj, Str* name) {
  try {
    return getattr_opt(obj, name);
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_AttributeError))) throw;
    return Value::null();
  }
}

Value b_getattr(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "getattr() takes no keyword arguments");
  check_positional("getattr", nargs, 2, 3);
  Str* name = attr_name(args[1]);
  if (nargs == 2) return getattr(args[0], name);
  Value v = getattr_or_null(args[0], name);
  if (!v.is_null()) return v;
  incref(args[2]);
  return args[2];
}

Value b_hasattr(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "hasattr() takes no keyword arguments");
  check_positional("hasattr", nargs, 2, 2);
  Value v = getattr_or_null(args[0], attr_name(args[1]));
  decref(v);
  return from_bool(!v.is_null());
}

Value b_setattr(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "setattr() takes no keyword arguments");
  check_positional("setattr", nargs, 3, 3);
  setattr(args[0], attr_name(args[1]), args[2]);
  return None();
}

Value b_delattr(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "delattr() takes no keyword arguments");
  check_positional("delattr", nargs, 2, 2);
  delattr(args[0], attr_name(args[1]));
  return None();
}

// The globals of the running frame (an empty dict when no Python code runs).
Value current_globals_value() {
  Dict* g = vm::current_globals();
  if (!g) return Value::from_obj(dict_new());
  incref(g);
  return Value::from_obj(g);
}

Value b_globals(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("globals", nargs, kwnames);
  return current_globals_value();
}

Value b_locals(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("locals", nargs, kwnames);
  return Value::from_obj(vm::current_locals());
}

// vars([obj]): obj.__dict__, or the current namespace (as locals()).
Value b_vars(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "vars() takes no keyword arguments");
  check_positional("vars", nargs, 0, 1);
  if (nargs == 0) return Value::from_obj(vm::current_locals());
  Value d = getattr_or_null(args[0], str_intern("__dict__"));
  if (d.is_null()) raise_msg(&exc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

Value b_format(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "format() takes no keyword arguments");
  check_positional("format", nargs, 1, 2);
  std::string_view spec;
  if (nargs == 2) {
    if (!str_check(args[1]))
      raise_fmt(&exc_TypeError, "format() argument 2 must be str, not {}", type_name(args[1]));
    spec = as_str(args[1])->view();
  }
  return format_value(args[0], spec);
}

// exit([code]) and quit([code]), as the site module's Quitter objects: raise SystemExit(code).
Value b_exit(const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) raise_msg(&exc_TypeError, "exit() takes no keyword arguments");
  if (nargs > 1) raise_fmt(&exc_TypeError, "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given", nargs + 1);
  raise(call(Value::from_obj(&exc_SystemExit), args, nargs));
}

// Binds [name] to [v] in [d] (v borrowed).
void add_value(Dict* d, const char* name, Value v) { dict_set(d, Value::from_obj(str_intern(name)), v); }

}  // namespace

void init_builtins_more(Dict* d) {
  add_function(d, "isinstance", b_isinstance);
  add_function(d, "issubclass", b_issubclass);
  add_function(d, "repr", b_repr);
  add_function(d, "hash", b_hash);
  add_function(d, "id", b_id);
  add_function(d, "callable", b_callable);
  add_function(d, "chr", b_chr);
  add_function(d, "ord", b_ord);
  add_function(d, "hex", b_hex);
  add_function(d, "oct", b_oct);
  add_function(d, "bin", b_bin);
  add_function(d, "getattr", b_getattr);
  add_function(d, "hasattr", b_hasattr);
  add_function(d, "setattr", b_setattr);
  add_function(d, "delattr", b_delattr);
  add_function(d, "globals", b_globals);
  add_function(d, "vars", b_vars);
  add_function(d, "locals", b_locals);
  add_function(d, "format", b_format);
  add_function(d, "exit", b_exit);
  add_function(d, "quit", b_exit);

  const std::pair<const char*, Type*> types[] = {
      {"object", &object_type},     {"type", &type_type},           {"int", &int_type},
      {"float", &float_type},       {"str", &str_type},             {"bool", &bool_type},
      {"list", &list_type},         {"tuple", &tuple_type},         {"dict", &dict_type},
      {"set", &set_type},           {"frozenset", &frozenset_type}, {"range", &range_type},
      {"slice", &slice_type},       {"property", &property_type},   {"staticmethod", &staticmethod_type},
      {"classmethod", &classmethod_type},
  };
  for (auto& [name, t] : types) add_value(d, name, Value::from_obj(t));
#define MINIPY_ADD_EXC(name, base) add_value(d, #name, Value::from_obj(&exc_##name));
  MINIPY_EXCEPTIONS(MINIPY_ADD_EXC)
#undef MINIPY_ADD_EXC
  add_value(d, "EnvironmentError", Value::from_obj(&exc_OSError));
  add_value(d, "IOError", Value::from_obj(&exc_OSError));
  add_value(d, "NotImplemented", NotImplemented());
  add_value(d, "Ellipsis", Ellipsis());
  add_value(d, "None", None());
  add_value(d, "True", True());
  add_value(d, "False", False());
  add_value(d, "__debug__", True());
}

}  // namespace rt
