// The bool type: a subclass of int with the two singletons True and False (defined in
// object.cpp). Everything but repr, construction and & | ^ between two bools is int's.
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace rt {

Type bool_type;

static Value bool_repr(Value v) {
  static Str* const names[2] = {str_intern("False"), str_intern("True")};
  Str* s = names[v.as_obj() == &true_object];
  incref(s);
  return Value::from_obj(s);
}

// & | ^ of two bools give a bool; anything else is int arithmetic on 0 and 1.
static Value bool_binop(Value a, Value b, BinOp op, bool inplace) {
  if (is_bool(a) && is_bool(b) && (op == BinOp::And || op == BinOp::Or || op == BinOp::Xor)) {
    bool x = a.as_obj() == &true_object, y = b.as_obj() == &true_object;
    bool r = op == BinOp::And ? (x && y) : op == BinOp::Or ? (x || y) : (x != y);
    return from_bool(r);
  }
  return int_binop(a, b, op, inplace);
}

static bool bool_truthy(Value v) { return v.as_obj() == &true_object; }

// bool(x) is the truth value of x.
static Value bool_construct(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) raise_msg(&exc_TypeError, "bool() takes no keyword arguments");
  if (nargs > 1) raise_fmt(&exc_TypeError, "bool expected at most 1 argument, got {}", nargs);
  return from_bool(nargs == 1 && truthy(args[0]));
}

// Fills bool's slots (called from init_number_types after int is ready).
void init_bool_type() {
  Type* t = &bool_type;
  init_static_immortal(*t);
  t->type = &type_type;
  t->name = "bool";
  t->base = &int_type;
  t->flags = kTypeIntSubclass;
  t->basicsize = sizeof(Object);
  t->repr = bool_repr;
  t->truthy = bool_truthy;
  t->binop = bool_binop;
  t->construct = bool_construct;
  type_ready(t);
}

}  // namespace rt
