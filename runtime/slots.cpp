// Dunder methods and type slots, both ways. A class's slots dispatch to its dunder methods
// (slot_repr calls __repr__, slot_binop picks __add__ or the reflected __radd__...), and every
// built-in type's own slots appear in its dict as slot wrappers (int.__add__, object.__eq__,
// list.__len__), so super().__eq__(other) and int.__add__(1, 2) work. A class whose dunder is
// inherited from a built-in type uses that type's slot directly, without a call.
#include <fmt/format.h>

#include <vector>

#include "runtime/class.h"
#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/interp.h"
#include "vm/thread_state.h"

namespace rt {

namespace {

// ---- the dunder names ------------------------------------------------------------------

const char* const kBinopNames[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
                                   "lshift", "rshift", "and", "or", "xor", "matmul"};
constexpr int kNumBinops = 13;
const char* const kCmpNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
const char* const kUnaryNames[] = {"__neg__", "__pos__", "__invert__"};

struct Names {
  Str *repr, *str, *hash, *bool_, *len, *call, *iter, *next, *getitem, *setitem, *delitem,
      *contains, *getattribute, *getattr, *setattr, *delattr, *get, *set, *delete_, *init, *new_;
  Str* cmp[6];
  Str* unary[3];
  Str* op[kNumBinops];
  Str* rop[kNumBinops];
  Str* iop[kNumBinops];
};
Names N;
bool g_ready = false;

struct Pending {
  Type* type;
  uint64_t own;
};
std::vector<Pending>* g_pending = nullptr;

void init_names() {
  N.repr = str_intern("__repr__");
  N.str = str_intern("__str__");
  N.hash = str_intern("__hash__");
  N.bool_ = str_intern("__bool__");
  N.len = str_intern("__len__");
  N.call = str_intern("__call__");
  N.iter = str_intern("__iter__");
  N.next = str_intern("__next__");
  N.getitem = str_intern("__getitem__");
  N.setitem = str_intern("__setitem__");
  N.delitem = str_intern("__delitem__");
  N.contains = str_intern("__contains__");
  N.getattribute = str_intern("__getattribute__");
  N.getattr = str_intern("__getattr__");
  N.setattr = str_intern("__setattr__");
  N.delattr = str_intern("__delattr__");
  N.get = str_intern("__get__");
  N.set = str_intern("__set__");
  N.delete_ = str_intern("__delete__");
  N.init = str_intern("__init__");
  N.new_ = str_intern("__new__");
  for (int i = 0; i < 6; ++i) N.cmp[i] = str_intern(kCmpNames[i]);
  for (int i = 0; i < 3; ++i) N.unary[i] = str_intern(kUnaryNames[i]);
  for (int i = 0; i < kNumBinops; ++i) {
    N.op[i] = str_intern(fmt::format("__{}__", kBinopNames[i]));
    N.rop[i] = str_intern(fmt::format("__r{}__", kBinopNames[i]));
    N.iop[i] = str_intern(fmt::format("__i{}__", kBinopNames[i]));
  }
}

// ---- slot wrappers: built-in slots as methods ---------------------------------------------

enum class WK : uint8_t {
  Repr, Str, Hash, Cmp, Bool, Len, Call, Iter, Next, GetItem, SetItem, DelItem, Contains,
  Binop, RBinop, IBinop, Unary, GetAttribute, SetAttr, DelAttr, Get, Set, Delete
};

struct SlotWrapper : Object {
  Str* name;
  Type* owner;
  WK kind;
  uint8_t op;
};

Type slot_wrapper_type;

// The number of arguments (after self) each kind takes.
int wrapper_arity(WK k) {
  switch (k) {
    case WK::Repr: case WK::Str: case WK::Hash: case WK::Bool: case WK::Len: case WK::Iter:
    case WK::Next: case WK::Unary:
      return 1;
    case WK::Cmp: case WK::GetItem: case WK::DelItem: case WK::Contains: case WK::Binop:
    case WK::RBinop: case WK::IBinop: case WK::GetAttribute: case WK::DelAttr: case WK::Delete:
      return 2;
    case WK::SetItem: case WK::SetAttr: case WK::Set:
      return 3;
    case WK::Get:
      return -2;  // 1 or 2
    case WK::Call:
      return -1;  // any
  }
  return -1;
}

Str* attr_name_arg(Value v) {
  if (!str_check(v)) raise_fmt(&exc_TypeError, "attribute name must be string, not '{}'", type_name(v));
  Str* s = as_str(v);
  return s->interned ? s : str_intern(s->view());
}

// object.__getattribute__ / __setattr__ / __delattr__: the generic behaviour, bypassing
// __getattr__ and __setattr__ hooks.
Value object_getattribute(Value self, Str* name) {
  Value v = instance_dict_slot(self) ? instance_getattr(self, name) : generic_getattr(self, name);
  if (v.is_null()) {
    raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", type_name(self), name->view());
  }
  return v;
}

void object_setattribute(Value self, Str* name, Value v) {
  Type* t = type_of(self);
  if (instance_dict_slot(self) != nullptr) {
    instance_setattr(self, name, v);
    return;
  }
  HeapType* h = is_heap_type(t) ? static_cast<HeapType*>(t) : nullptr;
  if (h != nullptr && h->inner_setattr != nullptr) {
    h->inner_setattr(self, name, v);
    return;
  }
  if (!is_heap_type(t) && t->setattr != nullptr) {
    t->setattr(self, name, v);
    return;
  }
  Value d = type_lookup(t, name);
  if (!d.is_null() && descr_set(d, self, v)) return;
  raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", t->name, name->view());
}

// __pow__ and __rpow__ take an optional modulus.
bool is_pow_wrapper(const SlotWrapper* w) {
  return (w->kind == WK::Binop || w->kind == WK::RBinop) && w->op == int(BinOp::Pow);
}

// self.__pow__(other, mod) ([reflected]: self.__rpow__) as pow() computes it: NotImplemented
// when [other] is not a number of [self]'s kind (number_peer).
Value number_pow_method(Value self, Value other, Value mod, bool reflected) {
  if (!number_peer(self, other)) return NotImplemented();
  return reflected ? number_pow(other, self, mod) : number_pow(self, other, mod);
}

// str.__mul__(n) and the other sequence repeats take only an index, where `s * x` would
// try x.__rmul__ first ("can't multiply sequence by non-int").
void check_repeat_count(Type* owner, Value n) {
  if (owner != &str_type && owner != &list_type && owner != &tuple_type) return;
  if (!int_check(n) && type_lookup(type_of(n), str_intern("__index__")).is_null()) {
    raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(n));
  }
}

// A comparison wrapper: the slot, except that int's compares only ints (its slot also takes
// floats, a shortcut for mixed comparisons), and object.__ne__ inverts __eq__.
Value wrapper_compare(Type* owner, Value s, Value other, CmpOp op) {
  if (owner == &int_type && !int_check(other)) return NotImplemented();
  if (owner == &object_type && op == CmpOp::Ne && type_of(s)->richcompare != nullptr) {
    Value eq = type_of(s)->richcompare(s, other, CmpOp::Eq);
    if (eq == NotImplemented()) return eq;
    Ref r = Ref::steal(eq);
    return from_bool(!truthy(r.get()));
  }
  return owner->richcompare(s, other, op);
}

Value slot_wrapper_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  SlotWrapper* w = self.as<SlotWrapper>();
  Type* o = w->owner;
  if (nargs == 0) {
    raise_fmt(&exc_TypeError, "descriptor '{}' of '{}' object needs an argument", w->name->view(), o->name);
  }
  Value s = args[0];
  if (!isinstance(s, o)) {
    raise_fmt(&exc_TypeError, "descriptor '{}' requires a '{}' object but received a '{}'", w->name->view(),
              o->name, type_name(s));
  }
  int arity = wrapper_arity(w->kind);
  if (w->kind != WK::Call) {
    no_kwargs(as_str(Value::from_obj(w->name))->data(), kwnames);
    if (arity == -2) {
      if (nargs < 2 || nargs > 3) {
        raise_fmt(&exc_TypeError, "expected at least 1 argument, got {}", nargs - 1);
      }
    } else if (nargs != size_t(arity) && !(nargs == 3 && is_pow_wrapper(w))) {
      raise_fmt(&exc_TypeError, "expected {} argument{}, got {}", arity - 1, arity == 2 ? "" : "s", nargs - 1);
    }
  }
  switch (w->kind) {
    case WK::Repr:
      return o->repr(s);
    case WK::Str:
      return o->str != nullptr ? o->str(s) : repr(s);
    case WK::Hash:
      return int_from_i64(o->hash(s));
    case WK::Cmp:
      return wrapper_compare(o, s, args[1], static_cast<CmpOp>(w->op));
    case WK::Bool:
      return from_bool(o->truthy(s));
    case WK::Len:
      return int_from_i64(o->len(s));
    case WK::Call:
      return o->call(s, args + 1, nargs - 1, kwnames);
    case WK::Iter:
      return o->iter(s);
    case WK::Next: {
      Value r = o->next(s);
      if (r.is_null()) raise(Value::from_obj(&exc_StopIteration));
      return r;
    }
    case WK::GetItem:
      return o->getitem(s, args[1]);
    case WK::SetItem:
      o->setitem(s, args[1], args[2]);
      return None();
    case WK::DelItem:
      o->setitem(s, args[1], Value::null());
      return None();
    case WK::Contains: {
      int r = o->contains(s, args[1]);
      if (r < 0) return from_bool(contains(s, args[1]));
      return from_bool(r != 0);
    }
    case WK::Binop:
      if (nargs == 3) return number_pow_method(s, args[1], args[2], false);
      if (w->op == int(BinOp::Mul)) check_repeat_count(o, args[1]);
      return o->binop(s, args[1], static_cast<BinOp>(w->op), false);
    case WK::RBinop:
      if (nargs == 3) return number_pow_method(s, args[1], args[2], true);
      if (w->op == int(BinOp::Mul)) check_repeat_count(o, args[1]);
      return o->binop(args[1], s, static_cast<BinOp>(w->op), false);
    case WK::IBinop:
      return o->binop(s, args[1], static_cast<BinOp>(w->op), true);
    case WK::Unary:
      return o->unary(s, static_cast<UnaryOp>(w->op));
    case WK::GetAttribute: {
      Str* name = attr_name_arg(args[1]);
      if (o == &object_type) return object_getattribute(s, name);
      Value r = o->getattr(s, name);
      if (r.is_null()) {
        raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", type_name(s), name->view());
      }
      return r;
    }
    case WK::SetAttr:
    case WK::DelAttr: {
      Str* name = attr_name_arg(args[1]);
      Value v = w->kind == WK::SetAttr ? args[2] : Value::null();
      if (o == &object_type) {
        object_setattribute(s, name, v);
      } else {
        o->setattr(s, name, v);
      }
      return None();
    }
    case WK::Get: {
      Value obj = args[1] == None() ? Value::null() : args[1];
      Value type = nargs > 2 && args[2] != None() ? args[2] : Value::null();
      if (obj.is_null() && type.is_null()) raise_msg(&exc_TypeError, "__get__(None, None) is invalid");
      return o->descr_get(s, obj, type);
    }
    case WK::Set:
      o->descr_set(s, args[1], args[2]);
      return None();
    case WK::Delete:
      o->descr_set(s, args[1], Value::null());
      return None();
  }
  return None();
}

// Fetched from an instance, a slot wrapper binds to it (a bound method); from the class it is
// itself.
Value slot_wrapper_get(Value descr, Value obj, Value) {
  if (obj.is_null()) {
    incref(descr);
    return descr;
  }
  return method_new(descr, obj);
}

Value slot_wrapper_repr(Value self) {
  SlotWrapper* w = self.as<SlotWrapper>();
  return str_value(fmt::format("<slot wrapper '{}' of '{}' objects>", w->name->view(), w->owner->name));
}

Value slot_wrapper_getattr(Value self, Str* name) {
  SlotWrapper* w = self.as<SlotWrapper>();
  std::string_view n = name->view();
  if (n == "__name__") {
    incref(w->name);
    return Value::from_obj(w->name);
  }
  if (n == "__qualname__") return str_value(fmt::format("{}.{}", w->owner->name, w->name->view()));
  if (n == "__objclass__") return Value::from_obj(w->owner);
  return generic_getattr(self, name);
}

// Stores a wrapper of [kind] for [owner]'s slot in its dict under [name] (unless the type
// already defines that name, e.g. a native __init__).
void put_wrapper(Type* owner, Str* name, WK kind, int op = 0) {
  if (owner->dict == nullptr) owner->dict = dict_new();
  if (!dict_get_str(owner->dict, name).is_null()) return;
  SlotWrapper* w = alloc_object<SlotWrapper>(&slot_wrapper_type);
  make_immortal(w);
  w->name = name;
  w->owner = owner;
  w->kind = kind;
  w->op = static_cast<uint8_t>(op);
  dict_set(owner->dict, Value::from_obj(name), Value::from_obj(w));
}

enum SlotBit : uint64_t {
  kBitRepr = 1 << 0, kBitStr = 1 << 1, kBitHash = 1 << 2, kBitCmp = 1 << 3, kBitBool = 1 << 4,
  kBitLen = 1 << 5, kBitCall = 1 << 6, kBitIter = 1 << 7, kBitNext = 1 << 8, kBitGetItem = 1 << 9,
  kBitSetItem = 1 << 10, kBitContains = 1 << 11, kBitBinop = 1 << 12, kBitUnary = 1 << 13,
  kBitGetAttr = 1 << 14, kBitSetAttr = 1 << 15, kBitGet = 1 << 16, kBitSet = 1 << 17,
};

// Which binary operators a built-in type's dict names, as CPython's (float has no __and__,
// str no __radd__): bit i of [op], [rop], [iop] for BinOp i of __op__, __rop__, __iop__.
// Types not listed get every operator but @, and no in-place forms.
struct BinopNames {
  const char* type;
  uint16_t op, rop, iop;
};
constexpr uint16_t bit(BinOp op) { return uint16_t(1u << int(op)); }
constexpr uint16_t kArith = bit(BinOp::Add) | bit(BinOp::Sub) | bit(BinOp::Mul) |
                            bit(BinOp::TrueDiv) | bit(BinOp::FloorDiv) | bit(BinOp::Mod) |
                            bit(BinOp::Pow);
constexpr uint16_t kLogic = bit(BinOp::And) | bit(BinOp::Or) | bit(BinOp::Xor);
constexpr uint16_t kSetOps = bit(BinOp::Sub) | kLogic;
constexpr uint16_t kConcat = bit(BinOp::Add) | bit(BinOp::Mul);
const BinopNames kTypeBinops[] = {
    {"bool", kLogic, kLogic, 0},
    {"float", kArith, kArith, 0},
    {"str", kConcat | bit(BinOp::Mod), bit(BinOp::Mul) | bit(BinOp::Mod), 0},
    {"list", kConcat, bit(BinOp::Mul), kConcat},
    {"tuple", kConcat, bit(BinOp::Mul), 0},
    {"collections.deque", kConcat, bit(BinOp::Mul), kConcat},
    {"dict", bit(BinOp::Or), bit(BinOp::Or), bit(BinOp::Or)},
    {"set", kSetOps, kSetOps, kSetOps},
    {"frozenset", kSetOps, kSetOps, 0},
    {"dict_keys", kSetOps, kSetOps, 0},
    {"dict_items", kSetOps, kSetOps, 0},
    {"dict_values", 0, 0, 0},
};

const BinopNames* binop_names(const Type* t) {
  for (const BinopNames& b : kTypeBinops)
    if (std::string_view(t->name) == b.type) return &b;
  return nullptr;
}

// Adds the wrappers for the slots in [own] to built-in type [t].
void add_wrappers_now(Type* t, uint64_t own) {
  if (own & kBitRepr) put_wrapper(t, N.repr, WK::Repr);
  if ((own & kBitStr) || t == &object_type) put_wrapper(t, N.str, WK::Str);
  if (own & kBitHash) put_wrapper(t, N.hash, WK::Hash);
  if ((own & kBitCmp) && t->hash == nullptr && dict_get_str(t->dict, N.hash).is_null()) {
    type_add_attr(t, "__hash__", None());
  }
  if (own & kBitCmp)
    for (int i = 0; i < 6; ++i) put_wrapper(t, N.cmp[i], WK::Cmp, i);
  if (own & kBitBool) put_wrapper(t, N.bool_, WK::Bool);
  if (own & kBitLen) put_wrapper(t, N.len, WK::Len);
  if (own & kBitCall) put_wrapper(t, N.call, WK::Call);
  if (own & kBitIter) put_wrapper(t, N.iter, WK::Iter);
  if (own & kBitNext) put_wrapper(t, N.next, WK::Next);
  if (own & kBitGetItem) put_wrapper(t, N.getitem, WK::GetItem);
  if (own & kBitSetItem) {
    put_wrapper(t, N.setitem, WK::SetItem);
    put_wrapper(t, N.delitem, WK::DelItem);
  }
  if (own & kBitContains) put_wrapper(t, N.contains, WK::Contains);
  if (own & kBitBinop) {
    const BinopNames* names = binop_names(t);
    uint16_t all = uint16_t((1u << (kNumBinops - 1)) - 1);
    uint16_t op = names ? names->op : all, rop = names ? names->rop : all;
    uint16_t iop = names ? names->iop : 0;
    for (int i = 0; i < kNumBinops - 1; ++i) {
      if (op & (1u << i)) put_wrapper(t, N.op[i], WK::Binop, i);
      if (rop & (1u << i)) put_wrapper(t, N.rop[i], WK::RBinop, i);
      if (iop & (1u << i)) put_wrapper(t, N.iop[i], WK::IBinop, i);
    }
  }
  if (own & kBitUnary)
    for (int i = 0; i < 3; ++i)
      if (t != &float_type || i != int(UnaryOp::Invert)) put_wrapper(t, N.unary[i], WK::Unary, i);
  if (own & kBitGetAttr) put_wrapper(t, N.getattribute, WK::GetAttribute);
  if ((own & kBitSetAttr) || t == &object_type) {
    put_wrapper(t, N.setattr, WK::SetAttr);
    put_wrapper(t, N.delattr, WK::DelAttr);
  }
  if (own & kBitGet) put_wrapper(t, N.get, WK::Get);
  if (own & kBitSet) {
    put_wrapper(t, N.set, WK::Set);
    put_wrapper(t, N.delete_, WK::Delete);
  }
  type_modified(t);
}

}  // namespace

// ---- calling dunder methods -------------------------------------------------------------

Value call_method_found(Value f, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* ft = type_of(f);
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  if (ft == &function_type || ft == &slot_wrapper_type || ft == &method_descr_type) {
    Value small[8];
    std::vector<Value> big;
    Value* buf = small;
    if (total + 1 > 8) {
      big.resize(total + 1);
      buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    if (ft == &function_type) return vm::call_function(f.as<Function>(), buf, nargs + 1, kwnames);
    return call(f, buf, nargs + 1, kwnames);
  }
  if (ft->descr_get != nullptr) {
    Ref bound = Ref::steal(ft->descr_get(f, self, Value::from_obj(type_of(self))));
    return call(bound.get(), args, nargs, kwnames);
  }
  return call(f, args, nargs, kwnames);
}

namespace {

inline Value call_found(Value f, Value self, const Value* args, size_t nargs, Tuple* kwnames = nullptr) {
  return call_method_found(f, self, args, nargs, kwnames);
}

// Looks [name] up on self's type and calls it; raises AttributeError([name]) if missing.
Value call_dunder(Value self, Str* name, const Value* args, size_t nargs) {
  Value f = type_lookup(type_of(self), name);
  if (f.is_null()) raise_msg(&exc_AttributeError, name->view());
  return call_found(f, self, args, nargs);
}

inline Value call_dunder0(Value self, Str* name) { return call_dunder(self, name, nullptr, 0); }
inline Value call_dunder1(Value self, Str* name, Value a) { return call_dunder(self, name, &a, 1); }

// ---- the slots of classes -------------------------------------------------------------

Value slot_repr(Value self) {
  Value r = call_dunder0(self, N.repr);
  if (!str_check(r)) {
    Ref owned = Ref::steal(r);
    raise_fmt(&exc_TypeError, "__repr__ returned non-string (type {})", type_name(r));
  }
  return r;
}

Value slot_str(Value self) {
  Value r = call_dunder0(self, N.str);
  if (!str_check(r)) {
    Ref owned = Ref::steal(r);
    raise_fmt(&exc_TypeError, "__str__ returned non-string (type {})", type_name(r));
  }
  return r;
}

int64_t slot_hash(Value self) {
  Ref r = Ref::steal(call_dunder0(self, N.hash));
  Value v = r.get();
  if (v.is_int()) {
    int64_t h = v.as_int();
    return h == -1 ? -2 : h;
  }
  if (!int_check(v)) raise_msg(&exc_TypeError, "__hash__ method should return an integer");
  // As CPython: a result that fits in 64 bits is the hash itself (hash(x) == hash("k") when
  // x.__hash__ returns hash("k")); a bigger one is hashed as an int.
  int64_t h;
  if (int_to_i64(v, &h)) return h == -1 ? -2 : h;
  return hash(v);
}

Value slot_richcompare(Value a, Value b, CmpOp op) {
  Type* t = type_of(a);
  Value f = type_lookup(t, N.cmp[int(op)]);
  if (f.is_null()) return NotImplemented();
  if (type_of(f) == &slot_wrapper_type) {
    Type* owner = f.as<SlotWrapper>()->owner;
    // object's __ne__ inverts __eq__ (unless NotImplemented).
    if (op == CmpOp::Ne && owner == &object_type) {
      Value r = t->richcompare(a, b, CmpOp::Eq);
      if (r == NotImplemented()) return r;
      Ref owned = Ref::steal(r);
      return from_bool(!truthy(r));
    }
    return owner->richcompare(a, b, op);
  }
  // compare(), the only caller, counted this comparison's level of recursion (CPython's
  // PyObject_RichCompare). CPython then calls the method by vectorcall, which counts no level
  // of its own, where a call from C++ into the VM counts one: the comparison's level is given
  // back while the method runs, so a Python __eq__ that compares recursively takes two levels
  // per round, as in CPython.
  struct GiveBackLevel {
    vm::ThreadState* ts = vm::current_thread();
    GiveBackLevel() { --ts->recursion_depth; }
    ~GiveBackLevel() { ++ts->recursion_depth; }
  } give_back;
  return call_found(f, a, &b, 1);
}

bool slot_truthy(Value self) {
  Ref r = Ref::steal(call_dunder0(self, N.bool_));
  if (r.get() == True()) return true;
  if (r.get() == False()) return false;
  raise_fmt(&exc_TypeError, "__bool__ should return bool, returned {}", type_name(r.get()));
}

int64_t slot_len(Value self) {
  Ref r = Ref::steal(call_dunder0(self, N.len));
  if (!int_check(r.get())) {
    raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(r.get()));
  }
  int64_t n;
  if (!int_to_i64(r.get(), &n)) raise_msg(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
  if (n < 0) raise_msg(&exc_ValueError, "__len__() should return >= 0");
  return n;
}

Value slot_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type_of(self), N.call);
  if (f.is_null()) raise_fmt(&exc_TypeError, "'{}' object is not callable", type_name(self));
  return call_found(f, self, args, nargs, kwnames);
}

Value slot_iter(Value self) {
  Value f = type_lookup(type_of(self), N.iter);
  if (f.is_null() || f == None()) raise_fmt(&exc_TypeError, "'{}' object is not iterable", type_name(self));
  Value r = call_found(f, self, nullptr, 0);
  if (type_of(r)->next == nullptr) {
    Ref owned = Ref::steal(r);
    raise_fmt(&exc_TypeError, "iter() returned non-iterator of type '{}'", type_name(r));
  }
  return r;
}

Value slot_next(Value self) {
  try {
    return call_dunder0(self, N.next);
  } catch (PyError& e) {
    if (!isinstance(e.exc(), &exc_StopIteration)) throw;
    stop_iteration_keep(e);
    return Value::null();
  }
}

Value slot_getitem(Value self, Value key) { return call_dunder1(self, N.getitem, key); }

void slot_setitem(Value self, Value key, Value v) {
  if (v.is_null()) {
    Ref r = Ref::steal(call_dunder1(self, N.delitem, key));
    return;
  }
  Value args[2] = {key, v};
  Ref r = Ref::steal(call_dunder(self, N.setitem, args, 2));
}

int slot_contains(Value self, Value item) {
  Value f = type_lookup(type_of(self), N.contains);
  if (f.is_null()) return -1;
  Ref r = Ref::steal(call_found(f, self, &item, 1));
  return truthy(r.get()) ? 1 : 0;
}

Value slot_binop(Value a, Value b, BinOp op, bool inplace);

// Calls the binary dunder [f] of [self] with [other]; a slot wrapper of a built-in type
// calls that type's slot directly.
Value call_binary(Value f, Value self, Value other) {
  if (type_of(f) == &slot_wrapper_type) {
    SlotWrapper* w = f.as<SlotWrapper>();
    if (w->kind == WK::Binop) return w->owner->binop(self, other, static_cast<BinOp>(w->op), false);
    if (w->kind == WK::RBinop) return w->owner->binop(other, self, static_cast<BinOp>(w->op), false);
    if (w->kind == WK::IBinop) return w->owner->binop(self, other, static_cast<BinOp>(w->op), true);
  }
  return call_found(f, self, &other, 1);
}

// CPython's SLOT1BINFULL: the left operand's __op__, the right's reflected __rop__ (first
// when its type is a subclass of the left's that overrides it); __iop__ first for x op= y.
Value slot_binop(Value a, Value b, BinOp op, bool inplace) {
  int i = static_cast<int>(op);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool a_is_self = ta->binop == slot_binop;
  if (inplace && a_is_self) {
    Value f = type_lookup(ta, N.iop[i]);
    if (!f.is_null()) {
      Value r = call_binary(f, a, b);
      if (r != NotImplemented()) return r;
    }
  }
  Value fb = Value::null();
  if (ta != tb && tb->binop == slot_binop) fb = type_lookup(tb, N.rop[i]);
  if (a_is_self) {
    if (!fb.is_null() && is_subtype(tb, ta) && fb != type_lookup(ta, N.rop[i])) {
      Value r = call_binary(fb, b, a);
      if (r != NotImplemented()) return r;
      fb = Value::null();
    }
    Value fa = type_lookup(ta, N.op[i]);
    if (!fa.is_null()) {
      Value r = call_binary(fa, a, b);
      if (r != NotImplemented() || ta == tb) return r;
    }
  }
  if (!fb.is_null()) return call_binary(fb, b, a);
  return NotImplemented();
}

Value slot_unary(Value a, UnaryOp op) {
  Value f = type_lookup(type_of(a), N.unary[static_cast<int>(op)]);
  if (f.is_null()) return NotImplemented();
  if (type_of(f) == &slot_wrapper_type) return f.as<SlotWrapper>()->owner->unary(a, op);
  return call_found(f, a, nullptr, 0);
}

Value slot_descr_get(Value descr, Value obj, Value type) {
  Value args[2] = {obj.is_null() ? None() : obj, type.is_null() ? None() : type};
  return call_dunder(descr, N.get, args, 2);
}

void slot_descr_set(Value descr, Value obj, Value v) {
  if (v.is_null()) {
    Ref r = Ref::steal(call_dunder1(descr, N.delete_, obj));
    return;
  }
  Value args[2] = {obj, v};
  Ref r = Ref::steal(call_dunder(descr, N.set, args, 2));
}

// An AttributeError leaving a user __getattribute__ or __getattr__ for [name] of [self] gets
// the name and obj attributes it lacks, as CPython's PyObject_GetAttr gives them, so that the
// traceback can suggest a close name.
void add_attribute_error_context(PyError& e, Value self, Str* name) {
  Value exc = e.exc();
  if (!isinstance(exc, &exc_AttributeError)) return;
  Dict* d = exc.as<BaseException>()->dict;
  if (d != nullptr && (!dict_get_str(d, str_intern("name")).is_null() ||
                       !dict_get_str(d, str_intern("obj")).is_null()))
    return;
  setattr(exc, str_intern("name"), Value::from_obj(name));
  setattr(exc, str_intern("obj"), self);
}

// A user __getattribute__.
Value slot_getattribute(Value self, Str* name) {
  try {
    return call_dunder1(self, N.getattribute, Value::from_obj(name));
  } catch (PyError& e) {
    add_attribute_error_context(e, self, name);
    throw;
  }
}

// The __getattr__ hook: the normal lookup, then __getattr__(self, name) when it finds nothing
// or raises AttributeError.
Value slot_getattr_hook(Value self, Str* name) {
  HeapType* t = static_cast<HeapType*>(type_of(self));
  try {
    Value v = t->inner_getattr(self, name);
    if (!v.is_null()) return v;
  } catch (PyError& e) {
    if (!isinstance(e.exc(), &exc_AttributeError)) throw;
  }
  try {
    return call_dunder1(self, N.getattr, Value::from_obj(name));
  } catch (PyError& e) {
    add_attribute_error_context(e, self, name);
    throw;
  }
}

void slot_setattr(Value self, Str* name, Value v) {
  if (v.is_null()) {
    Ref r = Ref::steal(call_dunder1(self, N.delattr, Value::from_obj(name)));
    return;
  }
  Value args[2] = {Value::from_obj(name), v};
  Ref r = Ref::steal(call_dunder(self, N.setattr, args, 2));
}

// ---- iteration through __getitem__ ----------------------------------------------------

struct SeqIter : Object {
  Value seq;  // null when exhausted
  int64_t index;
};
Type seq_iter_type;

Value seq_iter_new(Value seq) {
  SeqIter* it = alloc_object<SeqIter>(&seq_iter_type);
  incref(seq);
  it->seq = seq;
  return Value::from_obj(it);
}

void seq_iter_dealloc(Object* o) {
  decref(static_cast<SeqIter*>(o)->seq);
  object_free(o);
}

Value seq_iter_iter(Value self) {
  incref(self);
  return self;
}

// seq[0], seq[1], ... until IndexError or StopIteration.
Value seq_iter_next(Value self) {
  SeqIter* it = self.as<SeqIter>();
  if (it->seq.is_null()) return Value::null();
  try {
    Value v = getitem(it->seq, Value::from_int(it->index));
    ++it->index;
    return v;
  } catch (PyError& e) {
    if (!isinstance(e.exc(), &exc_IndexError) && !isinstance(e.exc(), &exc_StopIteration)) throw;
    Value s = it->seq;
    it->seq = Value::null();
    decref(s);
    return Value::null();
  }
}

// ---- computing a class's slots ----------------------------------------------------------

// The first class along [t]'s MRO whose dict has one of [names] (and the value found), or
// null.
Type* find_owner(Type* t, std::initializer_list<Str*> names, Value* found = nullptr) {
  Tuple* mro = t->mro;
  for (size_t i = 0; i < mro->size; ++i) {
    Type* k = mro->item(i).as<Type>();
    if (k->dict == nullptr) continue;
    for (Str* n : names) {
      Value v = dict_get_str(k->dict, n);
      if (!v.is_null()) {
        if (found) *found = v;
        return k;
      }
    }
  }
  return nullptr;
}

// The slot [field] of [t]: [owner]'s own slot for a built-in owner, [generic] for a class
// owner, null when no class defines it.
#define MINIPY_SLOT(field, generic, ...)                       \
  do {                                                         \
    Type* owner_ = find_owner(t, {__VA_ARGS__});               \
    if (owner_ == nullptr) t->field = nullptr;                 \
    else if (is_heap_type(owner_)) t->field = generic;         \
    else t->field = owner_->field;                             \
  } while (0)

void compute_slots(HeapType* t) {
  MINIPY_SLOT(repr, slot_repr, N.repr);
  MINIPY_SLOT(str, slot_str, N.str);
  {
    Value h = Value::null();
    Type* owner = find_owner(t, {N.hash}, &h);
    if (owner == nullptr || h == None()) t->hash = nullptr;
    else if (is_heap_type(owner)) t->hash = slot_hash;
    else t->hash = owner->hash;
  }
  MINIPY_SLOT(richcompare, slot_richcompare, N.cmp[0], N.cmp[1], N.cmp[2], N.cmp[3], N.cmp[4], N.cmp[5]);
  MINIPY_SLOT(truthy, slot_truthy, N.bool_);
  MINIPY_SLOT(len, slot_len, N.len);
  // list, tuple, dict, set and str have no nb_bool in CPython: their truth is their length,
  // so a class overriding __len__ over one of them is true by its __len__.
  if (t->truthy != nullptr && t->truthy != slot_truthy && t->len == slot_len) {
    Type* owner = find_owner(t, {N.bool_});
    if (owner != nullptr && !is_heap_type(owner) && owner->len != nullptr) t->truthy = nullptr;
  }
  MINIPY_SLOT(call, slot_call, N.call);
  MINIPY_SLOT(next, slot_next, N.next);
  MINIPY_SLOT(getitem, slot_getitem, N.getitem);
  MINIPY_SLOT(setitem, slot_setitem, N.setitem, N.delitem);
  MINIPY_SLOT(contains, slot_contains, N.contains);
  MINIPY_SLOT(unary, slot_unary, N.unary[0], N.unary[1], N.unary[2]);
  MINIPY_SLOT(descr_get, slot_descr_get, N.get);
  MINIPY_SLOT(descr_set, slot_descr_set, N.set, N.delete_);
  {
    Type* owner = find_owner(t, {N.iter});
    if (owner == nullptr) {
      t->iter = t->getitem == slot_getitem ? seq_iter_new : nullptr;
    } else if (is_heap_type(owner)) {
      t->iter = slot_iter;
    } else {
      t->iter = owner->iter;
    }
  }
  {
    Type* owner = nullptr;
    for (int i = 0; i < kNumBinops && owner == nullptr; ++i) {
      owner = find_owner(t, {N.op[i], N.rop[i], N.iop[i]});
      if (owner != nullptr && !is_heap_type(owner)) owner = nullptr;
    }
    t->binop = owner != nullptr ? slot_binop : t->solid->binop;
  }
  {
    Type* owner = find_owner(t, {N.getattribute});
    Value (*inner)(Value, Str*);
    if (owner != nullptr && is_heap_type(owner)) {
      inner = slot_getattribute;
    } else if (t->solid->getattr != nullptr && t->solid->getattr != generic_getattr) {
      inner = t->solid->getattr;
    } else {
      inner = t->dictoffset != 0 ? instance_getattr : generic_getattr;
    }
    t->inner_getattr = inner;
    t->getattr = find_owner(t, {N.getattr}) != nullptr ? slot_getattr_hook : inner;
  }
  {
    Type* owner = find_owner(t, {N.setattr, N.delattr});
    void (*inner)(Value, Str*, Value);
    if (t->solid->setattr != nullptr) {
      inner = t->solid->setattr;
    } else {
      inner = t->dictoffset != 0 ? instance_setattr : nullptr;
    }
    t->inner_setattr = inner;
    t->setattr = owner != nullptr && is_heap_type(owner) ? slot_setattr : inner;
  }
}

#undef MINIPY_SLOT

}  // namespace

// ---- the interface ----------------------------------------------------------------------

uint64_t slot_mask(const Type* t) {
  uint64_t m = 0;
  if (t->repr) m |= kBitRepr;
  if (t->str) m |= kBitStr;
  if (t->hash) m |= kBitHash;
  if (t->richcompare) m |= kBitCmp;
  if (t->truthy) m |= kBitBool;
  if (t->len) m |= kBitLen;
  if (t->call) m |= kBitCall;
  if (t->iter) m |= kBitIter;
  if (t->next) m |= kBitNext;
  if (t->getitem) m |= kBitGetItem;
  if (t->setitem) m |= kBitSetItem;
  if (t->contains) m |= kBitContains;
  if (t->binop) m |= kBitBinop;
  if (t->unary) m |= kBitUnary;
  if (t->getattr) m |= kBitGetAttr;
  if (t->setattr) m |= kBitSetAttr;
  if (t->descr_get) m |= kBitGet;
  if (t->descr_set) m |= kBitSet;
  return m;
}

void add_slot_wrappers(Type* t, uint64_t own) {
  if (is_heap_type(t)) return;
  if (!g_ready) {
    if (g_pending == nullptr) g_pending = new std::vector<Pending>();
    g_pending->push_back({t, own});
    return;
  }
  add_wrappers_now(t, own);
}

bool is_slot_dunder(Str* name) {
  std::string_view n = name->view();
  return n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__";
}

void update_slots(HeapType* t) {
  compute_slots(t);
  type_modified(t);
  for (Type* sub : subclasses_of(t)) update_slots(static_cast<HeapType*>(sub));
}

Value call_special(Value self, Str* name, const Value* args, size_t nargs) {
  Value f = type_lookup(type_of(self), name);
  if (f.is_null()) return Value::null();
  return call_found(f, self, args, nargs);
}

// Marks the end of start-up for slot wrappers: the queued built-in types get theirs.
void init_slot_wrappers() {
  init_names();
  type_init_static(&slot_wrapper_type, "wrapper_descriptor", nullptr, sizeof(SlotWrapper));
  slot_wrapper_type.call = slot_wrapper_call;
  slot_wrapper_type.descr_get = slot_wrapper_get;
  slot_wrapper_type.repr = slot_wrapper_repr;
  slot_wrapper_type.getattr = slot_wrapper_getattr;
  type_ready(&slot_wrapper_type);
  type_init_static(&seq_iter_type, "iterator", nullptr, sizeof(SeqIter));
  seq_iter_type.dealloc = seq_iter_dealloc;
  seq_iter_type.iter = seq_iter_iter;
  seq_iter_type.next = seq_iter_next;
  type_ready(&seq_iter_type);
  g_ready = true;
  if (g_pending != nullptr) {
    for (const Pending& p : *g_pending) add_wrappers_now(p.type, p.own);
    delete g_pending;
    g_pending = nullptr;
  }
}

}  // namespace rt
