// The generic operations of runtime/ops.h: dispatch through the operands' type slots with
// Python's rules (reflected operands, NotImplemented, subclass priority, fallbacks) and
// CPython 3.11's error messages.
#include <fmt/format.h>

#include <unordered_set>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/thread_state.h"

namespace rt {

// ---- repr, str, hash, truth ----------------------------------------------------------------

// Counts one level of C++ recursion for its lifetime, as CPython's Py_EnterRecursiveCall:
// past the recursion limit (or near the end of the C stack) raises RecursionError "maximum
// recursion depth exceeded[ where]", so deeply nested containers never overflow the C stack.
// Inline and cheap (a thread-local load and two compares): every comparison of objects
// takes one.
class NativeDepth {
 public:
  [[noreturn, gnu::cold, gnu::noinline]] static void raise_too_deep(const char* where) {
    raise_fmt(&exc_RecursionError, "maximum recursion depth exceeded{}", where);
  }
  explicit NativeDepth(const char* where) : ts_(vm::current_thread()) {
    char probe;
    if (reinterpret_cast<uintptr_t>(&probe) < ts_->c_stack_limit ||
        ts_->recursion_depth >= vm::interp.recursion_limit) [[unlikely]] {
      raise_too_deep(where);
    }
    ++ts_->recursion_depth;
  }
  ~NativeDepth() { --ts_->recursion_depth; }
  NativeDepth(const NativeDepth&) = delete;
  NativeDepth& operator=(const NativeDepth&) = delete;

 private:
  vm::ThreadState* ts_;
};

Value repr(Value v) {
  Type* t = type_of(v);
  if (t->repr == nullptr) return str_value(default_repr_string(v));
  if (!v.is_obj()) return t->repr(v);
  NativeDepth depth(" while getting the repr of an object");
  return t->repr(v);
}

Value str(Value v) {
  Type* t = type_of(v);
  if (t == &str_type) {
    incref(v);
    return v;
  }
  if (t->str != nullptr) return t->str(v);
  return repr(v);
}

std::string repr_string(Value v) {
  Ref r = Ref::steal(repr(v));
  return std::string(as_str(r.get())->view());
}

std::string str_string(Value v) {
  Ref r = Ref::steal(str(v));
  return std::string(as_str(r.get())->view());
}

int64_t hash(Value v) {
  Type* t = type_of(v);
  if (t == &str_type) return str_hash(as_str(v));
  if (t->hash == nullptr) raise_fmt(&exc_TypeError, "unhashable type: '{}'", t->name);
  return t->hash(v);
}

bool truthy(Value v) {
  if (v == True()) return true;
  if (v == False() || v == None()) return false;
  if (v.is_int()) return v.as_int() != 0;
  if (v.is_double()) return v.as_double() != 0.0;
  Type* t = type_of(v);
  if (t->truthy != nullptr) return t->truthy(v);
  if (t->len != nullptr) return t->len(v) != 0;
  return true;
}

// ---- comparison ---------------------------------------------------------------------------

bool equal(Value a, Value b) {
  if (a == b) return true;
  if (a.is_int() && b.is_int()) return false;
  Type* ta = type_of(a);
  if (ta == &str_type && type_of(b) == &str_type) return str_equal(as_str(a), as_str(b));
  return compare_bool(a, b, CmpOp::Eq);
}

namespace {
enum class KeyKind { kNumber, kStr, kTuple, kOther };
inline KeyKind key_kind(Value v) {
  if (!v.is_obj()) return KeyKind::kNumber;  // a small int or a float
  Type* t = v.as_obj()->type;
  return t == &str_type ? KeyKind::kStr : t == &tuple_type ? KeyKind::kTuple : KeyKind::kOther;
}
inline double number_as_double(Value v) { return v.is_int() ? double(v.as_int()) : v.as_double(); }

int equal_builtin_at(Value a, Value b, int depth) {
  if (a == b) return 1;
  KeyKind ka = key_kind(a), kb = key_kind(b);
  if (ka == KeyKind::kOther || kb == KeyKind::kOther) return -1;
  if (ka != kb) return 0;  // a str, a number and a tuple are never equal
  switch (ka) {
    case KeyKind::kStr:
      return str_equal(as_str(a), as_str(b)) ? 1 : 0;
    case KeyKind::kNumber:
      // Small ints have 50 bits: their doubles are exact.
      if (a.is_int() && b.is_int()) return 0;
      return number_as_double(a) == number_as_double(b) ? 1 : 0;
    case KeyKind::kTuple: {
      Tuple* x = a.as<Tuple>();
      Tuple* y = b.as<Tuple>();
      if (x->size != y->size) return 0;
      if (depth == 8) return -1;
      // Items in order, as tuple ==: the first unequal one decides.
      for (size_t i = 0; i < x->size; ++i) {
        int r = equal_builtin_at(x->item(i), y->item(i), depth + 1);
        if (r != 1) return r;
      }
      return 1;
    }
    case KeyKind::kOther:
      break;
  }
  return -1;
}
}  // namespace

int equal_builtin_other(Value a, Value b) { return equal_builtin_at(a, b, 0); }

// The result of comparing two doubles (or small ints converted exactly) with [op].
template <class T>
static bool compare_native(T x, T y, CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return x < y;
    case CmpOp::Le: return x <= y;
    case CmpOp::Eq: return x == y;
    case CmpOp::Ne: return x != y;
    case CmpOp::Gt: return x > y;
    case CmpOp::Ge: return x >= y;
  }
  return false;
}

// CPython's PyObject_RichCompare and do_richcompare: the right operand goes first when its
// type is a proper subtype of the left's; then the left's slot, then the right's reflected
// slot; == and != fall back to identity.
Value compare(Value a, Value b, CmpOp op) {
  if (a.is_int() && b.is_int()) return from_bool(compare_native(a.as_int(), b.as_int(), op));
  if (a.is_double() && b.is_double()) {
    return from_bool(compare_native(a.as_double(), b.as_double(), op));
  }
  // CPython's PyObject_RichCompare counts a level of recursion: comparing containers
  // nested deeper than the recursion limit raises RecursionError.
  NativeDepth depth(" in comparison");
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool checked_reverse = false;
  if (ta != tb && tb->richcompare != nullptr && is_subtype(tb, ta)) {
    checked_reverse = true;
    Value r = tb->richcompare(b, a, cmpop_swapped(op));
    if (r != NotImplemented()) return r;
  }
  if (ta->richcompare != nullptr) {
    Value r = ta->richcompare(a, b, op);
    if (r != NotImplemented()) return r;
  }
  if (!checked_reverse && tb->richcompare != nullptr) {
    Value r = tb->richcompare(b, a, cmpop_swapped(op));
    if (r != NotImplemented()) return r;
  }
  if (op == CmpOp::Eq) return from_bool(a == b);
  if (op == CmpOp::Ne) return from_bool(a != b);
  raise_fmt(&exc_TypeError, "'{}' not supported between instances of '{}' and '{}'",
            cmpop_symbol(op), ta->name, tb->name);
}

void check_compare_depth() {
  vm::ThreadState* ts = vm::current_thread();
  if (ts->recursion_depth >= vm::interp.recursion_limit) NativeDepth::raise_too_deep(" in comparison");
}

bool compare_bool(Value a, Value b, CmpOp op) {
  Value r = compare(a, b, op);
  if (r == True()) return true;
  if (r == False()) return false;
  Ref owned = Ref::steal(r);
  return truthy(r);
}

// ---- arithmetic ---------------------------------------------------------------------------

// True for the built-in sequences whose + and * CPython handles through sq_concat and
// sq_repeat (str, list, tuple and their subclasses).
static const char* sequence_name(Type* t) {
  if (is_subtype(t, &str_type)) return "str";
  if (is_subtype(t, &list_type)) return "list";
  if (is_subtype(t, &tuple_type)) return "tuple";
  return nullptr;
}

// The TypeError for an operator no operand supports, with CPython's sequence special cases.
[[noreturn]] static void raise_binary_error(Value a, Value b, BinOp op, bool inplace) {
  if (op == BinOp::Add) {
    if (const char* seq = sequence_name(type_of(a))) {
      raise_fmt(&exc_TypeError, "can only concatenate {} (not \"{}\") to {}", seq, type_name(b),
                seq);
    }
  } else if (op == BinOp::Mul) {
    if (sequence_name(type_of(a)) != nullptr) {
      raise_fmt(&exc_TypeError, "can't multiply sequence by non-int of type '{}'", type_name(b));
    }
    if (sequence_name(type_of(b)) != nullptr) {
      raise_fmt(&exc_TypeError, "can't multiply sequence by non-int of type '{}'", type_name(a));
    }
  }
  if (inplace) {
    raise_fmt(&exc_TypeError, "unsupported operand type(s) for {}=: '{}' and '{}'",
              binop_symbol(op), type_name(a), type_name(b));
  }
  raise_binop_error(a, b, op);
}

// CPython's binary_op1: the left operand's slot, then the right's (first if the right's type
// is a proper subtype). Both are called as slot(a, b, op, inplace).
Value binary_op(Value a, Value b, BinOp op, bool inplace) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  auto slota = ta->binop;
  auto slotb = tb->binop;
  if (slotb == slota) slotb = nullptr;
  if (slota != nullptr) {
    if (slotb != nullptr && is_subtype(tb, ta)) {
      Value r = slotb(a, b, op, inplace);
      if (r != NotImplemented()) return r;
      slotb = nullptr;
    }
    Value r = slota(a, b, op, inplace);
    if (r != NotImplemented()) return r;
  }
  if (slotb != nullptr) {
    Value r = slotb(a, b, op, inplace);
    if (r != NotImplemented()) return r;
  }
  raise_binary_error(a, b, op, inplace);
}

Value unary_op(Value a, UnaryOp op) {
  Type* t = type_of(a);
  if (t->unary != nullptr) {
    Value r = t->unary(a, op);
    if (r != NotImplemented()) return r;
  }
  const char* sym = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
  raise_fmt(&exc_TypeError, "bad operand type for unary {}: '{}'", sym, t->name);
}

// ---- attributes ---------------------------------------------------------------------------

Value generic_getattr_dict(Value obj, Str* name, Dict* dict) {
  Type* t = type_of(obj);
  Value descr = type_lookup(t, name);
  Type* dt = descr.is_null() ? nullptr : type_of(descr);
  if (dt != nullptr && dt->descr_get != nullptr && is_data_descriptor(descr)) {
    return dt->descr_get(descr, obj, Value::from_obj(t));
  }
  if (dict != nullptr) {
    Value v = dict_get_str_ref(dict, name);
    if (!v.is_null()) return v;
  }
  if (dt != nullptr) {
    if (dt->descr_get != nullptr) return dt->descr_get(descr, obj, Value::from_obj(t));
    incref(descr);
    return descr;
  }
  if (name->view() == "__class__") {
    incref(t);
    return Value::from_obj(t);
  }
  return Value::null();
}

Value generic_getattr(Value obj, Str* name) { return generic_getattr_dict(obj, name, nullptr); }

// The AttributeError for a missing attribute, worded per kind of object, carrying the name
// and obj attributes (CPython 3.10+) that the traceback printer's suggestions use.
[[noreturn]] static void raise_no_attribute(Value obj, Str* name) {
  Type* t = type_of(obj);
  std::string msg;
  if (is_subtype(t, &module_type)) {
    Module* m = obj.as<Module>();
    msg = fmt::format("module '{}' has no attribute '{}'",
                      m->name != nullptr ? m->name->view() : std::string_view("?"), name->view());
  } else if (is_subtype(t, &type_type)) {
    msg = fmt::format("type object '{}' has no attribute '{}'", obj.as<Type>()->name, name->view());
  } else {
    msg = fmt::format("'{}' object has no attribute '{}'", t->name, name->view());
  }
  Ref exc = Ref::steal(new_exception(&exc_AttributeError, msg));
  setattr(exc.get(), str_intern("name"), Value::from_obj(name));
  setattr(exc.get(), str_intern("obj"), obj);
  raise(exc.release());
}

Value getattr_opt(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->getattr != nullptr) return t->getattr(obj, name);
  return generic_getattr(obj, name);
}

Value getattr(Value obj, Str* name) {
  Value v = getattr_opt(obj, name);
  if (v.is_null()) raise_no_attribute(obj, name);
  return v;
}

// The attributes that CPython's built-in types define as read-only descriptors and minipy
// computes in their getattr slots: [members] are member descriptors ("readonly attribute"),
// [getsets] getset descriptors without a setter ("... is not writable"). Space-separated.
struct ReadOnlyAttrs {
  Type* type;
  const char* members;
  const char* getsets;
};
static const ReadOnlyAttrs kReadOnlyAttrs[] = {
    {&int_type, "", "real imag numerator denominator"},
    {&float_type, "", "real imag"},
    {&method_type, "__func__ __self__", "__doc__"},
    {&builtin_function_type, "", "__name__ __qualname__ __self__ __doc__ __text_signature__"},
    {&method_descr_type, "__name__ __objclass__", "__doc__ __qualname__ __text_signature__"},
    {&staticmethod_type, "__func__", ""},
    {&classmethod_type, "__func__", ""},
    {&property_type, "fget fset fdel", ""},
    {&range_type, "start stop step", ""},
    {&slice_type, "start stop step", ""},
};

// True if [name] is one of the space-separated words of [words].
static bool is_word_of(std::string_view words, std::string_view name) {
  while (!words.empty()) {
    size_t sp = words.find(' ');
    if (words.substr(0, sp) == name) return true;
    if (sp == std::string_view::npos) break;
    words.remove_prefix(sp + 1);
  }
  return false;
}

// The error for setting ([v] non-null) or deleting an attribute on an object that has no
// instance attributes, worded as CPython's: __class__ of a built-in object, read-only
// descriptors, class attributes (methods), or no such attribute.
[[noreturn]] static void raise_setattr_error(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  std::string_view n = name->view();
  if (n == "__class__") {
    if (v.is_null()) raise_msg(&exc_TypeError, "can't delete __class__ attribute");
    if (!is_subtype(type_of(v), &type_type)) {
      raise_fmt(&exc_TypeError, "__class__ must be set to a class, not '{}' object", type_name(v));
    }
    raise_msg(&exc_TypeError,
              "__class__ assignment only supported for mutable types or ModuleType subclasses");
  }
  for (const ReadOnlyAttrs& r : kReadOnlyAttrs) {
    if (!is_subtype(t, r.type)) continue;
    if (is_word_of(r.members, n)) raise_msg(&exc_AttributeError, "readonly attribute");
    if (is_word_of(r.getsets, n)) {
      raise_fmt(&exc_AttributeError, "attribute '{}' of '{}' objects is not writable", n,
                r.type->name);
    }
  }
  if (!type_lookup(t, name).is_null() || (n == "__doc__" && !(t->flags & kTypeHeapType))) {
    raise_fmt(&exc_AttributeError, "'{}' object attribute '{}' is read-only", t->name, n);
  }
  raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", t->name, n);
}

// Sets (or deletes, [v] null) [name] of [obj] whose type has no setattr slot (no instance
// attributes): only a data descriptor of its class can take it (a property of a tuple
// subclass, a namedtuple field).
static void setattr_without_slot(Value obj, Str* name, Value v) {
  Value descr = type_lookup(type_of(obj), name);
  if (!descr.is_null() && type_of(descr)->descr_set != nullptr) {
    Ref hold = Ref::borrow(descr);
    type_of(descr)->descr_set(descr, obj, v);
    return;
  }
  raise_setattr_error(obj, name, v);
}

void setattr(Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  if (t->setattr == nullptr) return setattr_without_slot(obj, name, v);
  t->setattr(obj, name, v);
}

void delattr(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->setattr == nullptr) return setattr_without_slot(obj, name, Value::null());
  t->setattr(obj, name, Value::null());
}

// ---- items, containment, length, iteration, calls -----------------------------------------

Value getitem(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->getitem == nullptr) {
    if (is_subtype(t, &type_type)) {  // a class without __class_getitem__
      Ref name = Ref::steal(getattr(obj, str_intern("__name__")));
      raise_fmt(&exc_TypeError, "type '{}' is not subscriptable", str_string(name.get()));
    }
    raise_fmt(&exc_TypeError, "'{}' object is not subscriptable", t->name);
  }
  return t->getitem(obj, key);
}

void setitem(Value obj, Value key, Value v) {
  Type* t = type_of(obj);
  if (t->setitem == nullptr) {
    raise_fmt(&exc_TypeError, "'{}' object does not support item assignment", t->name);
  }
  t->setitem(obj, key, v);
}

void delitem(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->setitem == nullptr) {
    raise_fmt(&exc_TypeError, "'{}' object doesn't support item deletion", t->name);
  }
  t->setitem(obj, key, Value::null());
}

bool contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t->contains != nullptr) {
    int r = t->contains(container, item);
    if (r >= 0) return r != 0;
  }
  if (t->iter == nullptr) {
    raise_fmt(&exc_TypeError, "argument of type '{}' is not iterable", t->name);
  }
  Ref it = Ref::steal(t->iter(container));
  for (;;) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) return false;
    if (equal(x.get(), item)) return true;
  }
}

int64_t length(Value obj) {
  Type* t = type_of(obj);
  if (t->len == nullptr) raise_fmt(&exc_TypeError, "object of type '{}' has no len()", t->name);
  return t->len(obj);
}

Value get_iter(Value obj) {
  Type* t = type_of(obj);
  if (t->iter == nullptr) raise_fmt(&exc_TypeError, "'{}' object is not iterable", t->name);
  return t->iter(obj);
}

Value iter_next(Value it) {
  Type* t = type_of(it);
  if (t->next == nullptr) raise_fmt(&exc_TypeError, "'{}' object is not an iterator", t->name);
  stop_iteration_clear();
  return t->next(it);
}

void stop_iteration_keep(PyError& e) {
  vm::ThreadState* ts = vm::current_thread();
  Value old = ts->stop_exc;
  ts->stop_exc = e.take();
  tls_stop_kept = true;
  decref(old);
}

Value stop_iteration_take() {
  if (!tls_stop_kept) return Value::null();
  vm::ThreadState* ts = vm::current_thread();
  Value v = ts->stop_exc;
  ts->stop_exc = Value::null();
  tls_stop_kept = false;
  return v;
}

void stop_iteration_drop() { decref(stop_iteration_take()); }

Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* t = type_of(callable);
  if (t->call == nullptr) raise_fmt(&exc_TypeError, "'{}' object is not callable", t->name);
  return t->call(callable, args, nargs, kwnames);
}

// ---- repr recursion guard -----------------------------------------------------------------

static thread_local std::unordered_set<Object*> repr_active;

ReprGuard::ReprGuard(Object* o) : obj_(o) {
  recursive_ = !repr_active.insert(o).second;
}

ReprGuard::~ReprGuard() {
  if (!recursive_) repr_active.erase(obj_);
}

// ---- types --------------------------------------------------------------------------------

bool is_subtype(Type* a, Type* b) {
  if (a == b || b == &object_type) return true;
  if (a->mro != nullptr) {
    Tuple* mro = a->mro;
    for (size_t i = 1; i < mro->size; ++i) {
      if (mro->item(i).as_obj() == b) return true;
    }
    return false;
  }
  for (Type* t = a->base; t != nullptr; t = t->base) {
    if (t == b) return true;
  }
  return false;
}

bool isinstance(Value obj, Type* t) { return is_subtype(type_of(obj), t); }

// ---- argument parsing ---------------------------------------------------------------------

void parse_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, size_t required, Value* out) {
  size_t max = names.size();
  if (nargs > max) {
    raise_fmt(&exc_TypeError, "{}() takes {} {} argument{} ({} given)", fname,
              required < max ? "at most" : "exactly", max, max == 1 ? "" : "s", nargs);
  }
  for (size_t i = 0; i < max; ++i) out[i] = i < nargs ? args[i] : Value::null();
  size_t nkw = kwnames == nullptr ? 0 : kwnames->size;
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->item(k))->view();
    size_t i = 0;
    for (const char* n : names) {
      if (key == n) break;
      ++i;
    }
    if (i == max) {
      raise_fmt(&exc_TypeError, "'{}' is an invalid keyword argument for {}()", key, fname);
    }
    if (i < nargs) {
      raise_fmt(&exc_TypeError, "argument for {}() given by name ('{}') and position ({})",
                fname, key, i + 1);
    }
    out[i] = args[nargs + k];
  }
  size_t i = 0;
  for (const char* n : names) {
    if (i >= required) break;
    if (out[i].is_null()) {
      raise_fmt(&exc_TypeError, "{}() missing required argument '{}' (pos {})", fname, n, i + 1);
    }
    ++i;
  }
}

void no_kwargs(const char* fname, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size != 0) {
    raise_fmt(&exc_TypeError, "{}() takes no keyword arguments", fname);
  }
}

}  // namespace rt
