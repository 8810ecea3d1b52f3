// The interpreter loop. Frames live on the thread's contiguous value stack (vm/frame.h); a
// Python-to-Python call pushes a frame and continues in the same loop (no C recursion), with
// the caller's argument slots becoming the callee's first locals.
//
// Dispatch is computed goto (a label table generated from MINIPY_OPCODES) or a switch, behind
// CASE(op)/DISPATCH(). The hot state (ip, sp, locals, consts) lives in C++ locals; runtime code
// reports errors by throwing rt::PyError, caught by the handler around the dispatch loop, which
// adds the traceback entry and unwinds through the code objects' exception tables; the loop is
// then re-entered at the handler. Python `raise` jumps to the same unwinding code directly.
// Stack discipline: every slot in [frame->stack(), sp) owns a reference (or is null) whenever
// something can throw, so unwinding can release them; operands stay on the stack until the
// operation that consumes them has succeeded.
#include "vm/interp.h"

#include <cmath>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/class.h"
#include "runtime/error.h"
#include "runtime/critical_section.h"
#include "runtime/format.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/qsbr.h"
#include "runtime/refcount.h"
#include "runtime/threads.h"
#include "vm/attr_cache.h"
#include "vm/frame.h"
#include "vm/suggestions.h"
#include "vm/generator.h"
#include "vm/gil.h"

namespace vm {

using rt::Dict;
using rt::Function;
using rt::List;
using rt::Ref;
using rt::Str;
using rt::Tuple;
using rt::Type;
using rt::Value;

namespace {

inline Value incref_v(Value v) {
  rt::incref(v);
  return v;
}

// The name of local slot [i] (varnames, then cellvars, then freevars).
Str* local_name(Code* co, uint32_t i) {
  if (i < co->nvarnames()) return co->varnames->item(i).as<Str>();
  i -= co->nvarnames();
  if (i < co->ncellvars()) return co->cellvars->item(i).as<Str>();
  return co->freevars->item(i - co->ncellvars()).as<Str>();
}

[[noreturn]] __attribute__((noinline)) void unbound_local(Code* co, uint32_t i) {
  rt::raise_fmt(&rt::exc_UnboundLocalError, "cannot access local variable '{}' where it is not associated with a value",
                local_name(co, i)->view());
}

[[noreturn]] __attribute__((noinline)) void unbound_deref(Code* co, uint32_t i) {
  if (i >= co->nvarnames() + co->ncellvars())
    rt::raise_fmt(&rt::exc_NameError,
                  "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                  local_name(co, i)->view());
  unbound_local(co, i);
}

[[noreturn]] __attribute__((noinline)) void name_error(Str* name) { raise_name_error(name); }

// Globals then builtins; a new reference.
inline Value lookup_global(Frame* f, Str* name) {
  Value v = rt::dict_get_str_ref(f->globals, name);
  if (v.is_null()) v = rt::dict_get_str_ref(f->builtins, name);
  if (v.is_null()) name_error(name);
  return v;
}

// The locals dict, then globals, then builtins; a new reference.
Value lookup_name(Frame* f, Str* name) {
  if (f->locals) {
    Value v = rt::dict_get_ref(f->locals, Value::from_obj(name));
    if (!v.is_null()) return v;
  }
  return lookup_global(f, name);
}

bool is_exception_class(Value v) {
  return v.is_obj() && rt::is_subtype(rt::type_of(v), &rt::type_type) &&
         rt::is_subtype(v.as<Type>(), &rt::exc_BaseException);
}

// Validates the type of an except clause (CheckExcMatch).
void check_except_type(Value t) {
  if (rt::type_of(t) == &rt::tuple_type) {
    Tuple* tt = t.as<Tuple>();
    for (size_t i = 0; i < tt->size; ++i)
      if (!is_exception_class(tt->item(i))) goto bad;
    return;
  }
  if (is_exception_class(t)) return;
bad:
  rt::raise_msg(&rt::exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

// The exception object for `raise X`: instantiates a class, rejects non-exceptions. New ref.
Value make_raisable(Value v) {
  if (is_exception_class(v)) {
    Value e = rt::call0(v);
    if (!rt::exception_check(e)) {
      rt::decref(e);
      rt::raise_fmt(&rt::exc_TypeError,
                    "calling {} should have returned an instance of BaseException, not {}",
                    rt::repr_string(v), rt::type_name(e));
    }
    return e;
  }
  if (rt::exception_check(v)) return incref_v(v);
  rt::raise_msg(&rt::exc_TypeError, "exceptions must derive from BaseException");
}

// Raise with a cause: `raise exc from cause`. Returns the exception to raise (new ref).
Value make_raise_from(Value exc_v, Value cause_v) {
  Ref exc = Ref::steal(make_raisable(exc_v));
  Value cause;
  if (cause_v == rt::None()) {
    cause = Value::null();
  } else if (is_exception_class(cause_v)) {
    cause = rt::call0(cause_v);
  } else if (rt::exception_check(cause_v)) {
    cause = incref_v(cause_v);
  } else {
    rt::raise_msg(&rt::exc_TypeError, "exception causes must derive from BaseException");
  }
  rt::BaseException* e = exc.as<rt::BaseException>();
  rt::decref(e->cause);
  e->cause = cause;
  e->suppress_context = true;
  return exc.release();
}

// Handles the eval-breaker bits at a safe point.
__attribute__((noinline)) void handle_eval_breaker(ThreadState* ts) {
  uint32_t bits = ts->eval_breaker.load(std::memory_order_relaxed);
  if (bits & kBreakGilDrop) gil_yield(ts);
  if (bits & kBreakStopWorld) thread_park(ts);
#if MINIPY_FREE_THREADED
  if (bits & kBreakMergeRefs) {
    ts->eval_breaker.fetch_and(~uint32_t(kBreakMergeRefs), std::memory_order_relaxed);
    rt::refcount_merge_queued();
    rt::threads_unshare_if_alone();
  }
  if (bits & kBreakQsbr) {
    ts->eval_breaker.fetch_and(~uint32_t(kBreakQsbr), std::memory_order_relaxed);
    rt::qsbr_quiescent();
  }
#endif
  if (bits & kBreakGcScheduled) {
    ts->eval_breaker.fetch_and(~uint32_t(kBreakGcScheduled), std::memory_order_relaxed);
    rt::gc_collect_scheduled();
  }
  if (bits & kBreakSignal) {
    ts->eval_breaker.fetch_and(~uint32_t(kBreakSignal), std::memory_order_relaxed);
    rt::raise(Value::from_obj(&rt::exc_KeyboardInterrupt));
  }
}

// The truth of a value that is not True/False.
inline bool truthy_slow(Value v) {
  if (v.is_int()) return v.as_int() != 0;
  if (v == rt::None()) return false;
  if (v.is_double()) return v.as_double() != 0.0;
  return rt::truthy(v);
}

inline double num_as_double(Value v) { return v.is_int() ? double(v.as_int()) : v.as_double(); }

// ascii(): repr with non-ASCII code points escaped.
std::string ascii_escape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out += char(c);
      ++i;
      continue;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    i += n;
    if (cp < 0x100) out += fmt::format("\\x{:02x}", cp);
    else if (cp < 0x10000) out += fmt::format("\\u{:04x}", cp);
    else out += fmt::format("\\U{:08x}", cp);
  }
  return out;
}

// FormatValue: conversion then format spec. New ref (a str).
Value format_value(Value v, uint32_t flags, Value spec) {
  Ref conv;
  switch (flags & 3) {
    case 1: conv = Ref::steal(rt::str(v)); break;
    case 2: conv = Ref::steal(rt::repr(v)); break;
    case 3: {
      Ref r = Ref::steal(rt::repr(v));
      conv = Ref::steal(rt::str_value(ascii_escape(r.as<Str>()->view())));
      break;
    }
    default: conv = Ref::borrow(v); break;
  }
  if (spec.is_null() && rt::type_of(conv.get()) == &rt::str_type) return conv.release();
  std::string_view sv = spec.is_null() ? std::string_view() : spec.as<Str>()->view();
  return rt::format_value(conv.get(), sv);
}

// Iterates [seq] into exactly [n] values (UnpackSequence's generic path).
std::vector<Ref> unpack_iterable(Value seq, size_t min, bool exact_max, size_t max) {
  Type* t = rt::type_of(seq);
  if (t->iter == nullptr && t->getitem == nullptr)
    rt::raise_fmt(&rt::exc_TypeError, "cannot unpack non-iterable {} object", t->name);
  Ref it = Ref::steal(rt::get_iter(seq));
  std::vector<Ref> items;
  for (;;) {
    Value v = rt::iter_next(it.get());
    if (v.is_null()) break;
    items.push_back(Ref::steal(v));
    if (exact_max && items.size() > max)
      rt::raise_fmt(&rt::exc_ValueError, "too many values to unpack (expected {})", max);
  }
  if (items.size() < min) {
    if (exact_max)
      rt::raise_fmt(&rt::exc_ValueError, "not enough values to unpack (expected {}, got {})", min, items.size());
    rt::raise_fmt(&rt::exc_ValueError, "not enough values to unpack (expected at least {}, got {})", min,
                  items.size());
  }
  return items;
}

// Releases [frame]'s evaluation stack below [sp], its locals and its callable slots.
inline void release_frame(Frame* frame, Value* sp) {
  Value* stack = frame->stack();
  while (sp > stack) rt::decref(*--sp);
  Value* p = frame->localsplus + frame->code->nlocalsplus;
  Value* base = frame->base;
  while (p > base) rt::decref(*--p);
}

// Links a frame record for [co] after the locals at [localsplus] and makes it the innermost.
inline Frame* link_frame(ThreadState* ts, Code* co, Function* fn, Dict* globals, Dict* builtins, Value* base,
                         Value* localsplus) {
  Frame* f = reinterpret_cast<Frame*>(localsplus + co->nlocalsplus);
  f->prev = ts->frame;
  f->code = co;
  f->func = fn;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = nullptr;
  f->base = base;
  f->localsplus = localsplus;
  f->ip = co->code.data();
  f->is_entry = 0;
  f->is_init = 0;
  ts->frame = f;
  ++ts->recursion_depth;
  return f;
}

// Raises RecursionError unless a frame of [co] with locals at [localsplus] fits.
inline void check_frame_room(ThreadState* ts, Code* co, Value* localsplus) {
  Value* end = localsplus + co->nlocalsplus + kFrameSlots + co->stacksize + Frame::kStackSlack;
  if (end > ts->stack_limit || ts->recursion_depth >= interp.recursion_limit) raise_recursion_error();
}

// The general call setup: binds borrowed [args] (positional then keyword values named by
// [kwnames]) into fresh locals at [localsplus] and links the frame.
Frame* push_frame_bound(ThreadState* ts, Function* fn, Value* base, Value* localsplus, const Value* args,
                        size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  check_frame_room(ts, co, localsplus);
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) localsplus[i] = Value::null();
  bind_arguments(fn, localsplus, args, nargs, kwnames);
  return link_frame(ts, co, fn, fn->globals, fn->builtins, base, localsplus);
}

// Owned values moved off the value stack while a call binds them.
struct MovedArgs {
  std::vector<Value> v;
  ~MovedArgs() {
    for (Value x : v) rt::decref(x);
  }
};

// ListExtend's error for a non-iterable: the call form f(*x) names the function.
[[noreturn]] void star_error(Value iterable, Value func_or_null) {
  if (!func_or_null.is_null())
    rt::raise_fmt(&rt::exc_TypeError, "{} argument after * must be an iterable, not {}", function_str(func_or_null),
                  rt::type_name(iterable));
  rt::raise_fmt(&rt::exc_TypeError, "Value after * must be an iterable, not {}", rt::type_name(iterable));
}

// DictMerge: merges mapping [src] into [dst], rejecting repeated keys (f(**a, **b)).
void dict_merge(Dict* dst, Value src, Value func) {
  if (rt::type_of(src) != &rt::dict_type && !(rt::type_of(src)->flags & rt::kTypeDictSubclass)) {
    Ref keys = Ref::steal(rt::getattr_opt(src, rt::str_intern("keys")));
    if (!keys)
      rt::raise_fmt(&rt::exc_TypeError, "{} argument after ** must be a mapping, not {}", function_str(func),
                    rt::type_name(src));
  }
  Ref tmp = Ref::steal(Value::from_obj(rt::dict_new()));
  rt::dict_update(tmp.as<Dict>(), src);
  size_t pos = 0;
  Value k, v;
  while (rt::dict_next(tmp.as<Dict>(), &pos, &k, &v)) {
    if (!rt::dict_get(dst, k).is_null()) {
      if (rt::str_check(k))
        rt::raise_fmt(&rt::exc_TypeError, "{} got multiple values for keyword argument '{}'", function_str(func),
                      k.as<Str>()->view());
      rt::raise_msg(&rt::exc_TypeError, "keywords must be strings");
    }
    rt::dict_set(dst, k, v);
  }
}

// Flattens CallFunctionEx's (tuple, dict) into borrowed args and a kwnames tuple.
Tuple* flatten_call_ex(Value args_tuple, Value kwargs, std::vector<Value>& flat) {
  Tuple* t = args_tuple.as<Tuple>();
  for (size_t i = 0; i < t->size; ++i) flat.push_back(t->item(i));
  if (kwargs.is_null()) return nullptr;
  Dict* d = kwargs.as<Dict>();
  if (d->used == 0) return nullptr;
  Tuple* names = rt::tuple_new(d->used);
  size_t pos = 0, i = 0;
  Value k, v;
  while (rt::dict_next(d, &pos, &k, &v)) {
    if (!rt::str_check(k)) {
      for (size_t j = i; j < d->used; ++j) names->items()[j] = rt::None();
      rt::decref(names);
      rt::raise_msg(&rt::exc_TypeError, "keywords must be strings");
    }
    names->items()[i++] = incref_v(k);
    flat.push_back(v);
  }
  return names;
}

Value make_generator(ThreadState* ts, Function* fn, Value* lp, const Value* args, size_t nargs, Tuple* kwnames);

// CallFunctionEx: [f, args_tuple(, kwargs_dict)] at [base]. For a Python function, binds
// and links its frame (returned); otherwise calls it and stores the result in [result].
Frame* call_ex(ThreadState* ts, Value* base, bool has_kw, Value* result) {
  Value f = base[0];
  Value targs = base[1];
  Value kwargs = has_kw ? base[2] : Value::null();
  Ref tuple_holder;
  if (rt::type_of(targs) != &rt::tuple_type) {
    Ref l = Ref::steal(Value::from_obj(rt::list_new(0)));
    rt::list_extend(l.as<List>(), targs);
    tuple_holder = Ref::steal(rt::list_as_tuple(l.as<List>()));
    targs = tuple_holder.get();
  }
  std::vector<Value> flat;
  Tuple* kwt = flatten_call_ex(targs, kwargs, flat);
  Ref kwnames = Ref::steal(kwt ? Value::from_obj(kwt) : Value::null());
  size_t npos = targs.as<Tuple>()->size;
  if (ts->eval_breaker.load(std::memory_order_relaxed)) handle_eval_breaker(ts);
  if (f.is_obj() && f.as_obj()->type == &rt::function_type) {
    // Keep the argument containers alive while binding: their stack slots become locals.
    Ref hold_args = Ref::steal(base[1]);
    Ref hold_kwargs = Ref::steal(kwargs);
    base[1] = Value::null();
    if (has_kw) base[2] = Value::null();
    if (f.as<Function>()->code->flags & kCoGenerator) {
      *result = make_generator(ts, f.as<Function>(), base + 1, flat.data(), npos, kwt);
      return nullptr;
    }
    return push_frame_bound(ts, f.as<Function>(), base, base + 1, flat.data(), npos, kwt);
  }
  *result = rt::call(f, flat.data(), npos, kwt);
  return nullptr;
}

// ---- generators (vm/generator.h) ----------------------------------------------------------

// Makes [g]'s handled exception current while it runs, keeping the resumer's in g->prev_exc
// (CPython's exc_info chain); without one of its own the resumer's stays visible.
inline void gen_enter_exc(ThreadState* ts, Generator* g) {
  g->prev_exc = ts->handled_exc;
  if (!g->exc_state.is_null()) {
    ts->handled_exc = g->exc_state;
    g->exc_state = Value::null();
  } else {
    ts->handled_exc = incref_v(g->prev_exc);
  }
}

// Restores the resumer's handled exception when [g] stops running; with [keep] (a yield) an
// exception its except block is handling is kept for the next resumption.
inline void gen_leave_exc(ThreadState* ts, Generator* g, bool keep) {
  Value cur = ts->handled_exc;
  if (keep && cur != g->prev_exc)
    g->exc_state = cur;
  else
    rt::decref(cur);
  ts->handled_exc = g->prev_exc;
  g->prev_exc = Value::null();
}

// Copies the saved frame of [g], claimed by the caller (gen_claim: [prev] is the state it
// had, created or suspended), onto the value stack at [base] and links it as the innermost
// frame; base[0] holds a reference to [g] while it runs. Pushes [sent] (borrowed) as the value
// of the yield unless the generator has not started. Returns the frame; [*sp_out] is its
// stack pointer.
Frame* gen_push_frame(ThreadState* ts, Generator* g, GenState prev, Value* base, Value sent, Value** sp_out) {
  Code* co = g->code;
  Value* lp = base + 1;
  try {
    check_frame_room(ts, co, lp);
  } catch (...) {
    gen_set_state(g, prev);  // not resumed after all
    throw;
  }
  Function* fn = g->func;
  base[0] = incref_v(Value::from_obj(g));
  uint32_t nl = co->nlocalsplus;
  Value* saved = g->saved();
  for (uint32_t i = 0; i < nl; ++i) lp[i] = saved[i];
  Frame* f = link_frame(ts, co, fn, fn->globals, fn->builtins, base, lp);
  f->ip = co->code.data() + g->ip;
  Value* sp = f->stack();
  for (uint32_t i = 0; i < g->nstack; ++i) *sp++ = saved[nl + i];
  if (prev != GenState::Created) *sp++ = incref_v(sent);
  gen_enter_exc(ts, g);
  *sp_out = sp;
  return f;
}

// A yield: moves generator frame [f]'s locals and evaluation stack (up to [sp]) back into its
// generator, suspended before instruction index [ip], and unlinks the frame. The caller
// releases the frame's reference to the generator (returned).
inline Generator* gen_save_frame(ThreadState* ts, Frame* f, Value* sp, uint32_t ip) {
  Generator* g = f->base[0].as<Generator>();
  uint32_t nl = f->code->nlocalsplus;
  Value* saved = g->saved();
  for (uint32_t i = 0; i < nl; ++i) saved[i] = f->localsplus[i];
  Value* stack = f->stack();
  uint32_t n = static_cast<uint32_t>(sp - stack);
  for (uint32_t i = 0; i < n; ++i) saved[nl + i] = stack[i];
  g->nstack = n;
  g->ip = ip;
  gen_leave_exc(ts, g, true);
  tls_gen_returned = false;
  gen_set_state(g, GenState::Suspended);  // last: from here on another thread may claim it
  ts->frame = f->prev;
  --ts->recursion_depth;
  return g;
}

// Generator frame [f] finishes (return or exception): the generator is closed.
inline void gen_finish(ThreadState* ts, Frame* f) {
  Generator* g = f->base[0].as<Generator>();
  g->nstack = 0;
  gen_leave_exc(ts, g, false);
  tls_gen_returned = true;
  gen_set_state(g, GenState::Closed);
}

// PEP 479: a StopIteration leaving a generator frame becomes "RuntimeError: generator raised
// StopIteration" caused by it. Takes and returns an owned exception.
__attribute__((noinline)) Value gen_stop_iteration_to_runtime_error(Value exc) {
  if (!rt::exception_matches(exc, Value::from_obj(&rt::exc_StopIteration))) return exc;
  Value r = rt::new_exception(&rt::exc_RuntimeError, "generator raised StopIteration");
  rt::BaseException* be = r.as<rt::BaseException>();
  be->cause = exc;
  be->context = incref_v(exc);
  be->suppress_context = true;
  return r;
}

// Send's generic path: [it].send([v]) (next(it) when [v] is None). Returns true with the
// yielded value in [*out], or false with the return value when the iterator is exhausted.
bool send_generic(Value it, Value v, Value* out) {
  try {
    Value r;
    Type* t = rt::type_of(it);
    if (v == rt::None() && t->next) {
      rt::stop_iteration_clear();
      r = t->next(it);
      if (r.is_null()) {  // the value of the StopIteration that ended it, if one did
        Ref kept = Ref::steal(rt::stop_iteration_take());
        *out = kept ? rt::getattr(kept.get(), rt::str_intern("value")) : rt::None();
        return false;
      }
    } else {
      Ref meth = Ref::steal(rt::getattr(it, rt::str_intern("send")));
      r = rt::call1(meth.get(), v);
    }
    *out = r;
    return true;
  } catch (rt::PyError& e) {
    if (!rt::exception_matches(e.exc(), Value::from_obj(&rt::exc_StopIteration))) throw;
    *out = rt::getattr(e.exc(), rt::str_intern("value"));
    return false;
  }
}

// A call of generator function [fn] from C++ or CallFunctionEx: binds the arguments on the
// value stack at [lp] and returns the new generator.
Value make_generator(ThreadState* ts, Function* fn, Value* lp, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  check_frame_room(ts, co, lp);
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) lp[i] = Value::null();
  bind_arguments(fn, lp, args, nargs, kwnames);
  return Value::from_obj(generator_new(fn, lp));
}

// ---- with ----------------------------------------------------------------------------------

// CPython 3.14's LOAD_SPECIAL: [name] on the type of [obj] (a new reference; null if missing).
// A function or method descriptor is returned as it is, to be called with [obj] first, as
// LoadMethod leaves a method ([*unbound] true: no bound method is built); anything else is
// what its descriptor returned.
Value lookup_special(Value obj, Str* name, bool* unbound) {
  Type* t = rt::type_of(obj);
  Value d = rt::type_lookup(t, name);
  *unbound = false;
  if (d.is_null()) return d;
  Type* dt = rt::type_of(d);
  if (dt == &rt::function_type || dt == &rt::method_descr_type) {
    *unbound = true;
    return incref_v(d);
  }
  return dt->descr_get ? dt->descr_get(d, obj, Value::from_obj(t)) : incref_v(d);
}

// Calls [callable] as CallMethod does: with [self] first unless it is null; args[0] is free.
// rt::call, except that a method descriptor whose self fits (a built-in method of the
// object's type: list.append, lock.__enter__) runs its function directly.
inline Value call_direct(Value callable, const Value* args, size_t nargs, rt::Tuple* kwnames) {
  if (callable.is_obj() && callable.as_obj()->type == &rt::method_descr_type && nargs > 0 &&
      rt::is_subtype(rt::type_of(args[0]), callable.as<rt::MethodDescr>()->owner))
    return callable.as<rt::MethodDescr>()->fn(args, nargs, kwnames);
  return rt::call(callable, args, nargs, kwnames);
}

Value call_method_args(Value callable, Value self, Value* args, size_t nargs) {
  if (self.is_null()) return rt::call(callable, args + 1, nargs);
  args[0] = self;
  return call_direct(callable, args, nargs + 1, nullptr);
}

Value eval(ThreadState* ts, Frame* frame, Value* sp0 = nullptr, Value throw_exc = Value::null());

}  // namespace

// ---- the loop ----------------------------------------------------------------------------

// A handler must not reach DISPATCH with an RAII object (Ref, CriticalSection, vector) alive
// in an enclosing scope: the computed goto leaves that scope without running its destructor.
// Such objects live in an inner block that ends before DISPATCH.
#define ARG (word >> 8)
#if MINIPY_COMPUTED_GOTO
#define CASE(op) L_##op:
#define DISPATCH()                  \
  do {                              \
    word = *ip++;                   \
    goto* kLabels[word & 0xFF];     \
  } while (0)
#else
#define CASE(op) case Op::op:
#define DISPATCH() goto dispatch
#endif

#define LOAD_FRAME()                  \
  do {                                \
    co = frame->code;                 \
    code_start = co->code.data();     \
    locals = frame->localsplus;       \
    consts = co->consts->items();     \
  } while (0)
#define JUMP_TO(target) (ip = code_start + (target))
#define CHECK_BREAKER()                                                            \
  do {                                                                             \
    if (__builtin_expect(ts->eval_breaker.load(std::memory_order_relaxed) != 0, 0)) \
      handle_eval_breaker(ts);                                                     \
  } while (0)
#define NAME(i) (co->names->items()[i].as<Str>())

// Binary operator instruction bodies: [a, b] -> [a op b].
#define BINARY_SLOW(op)                                      \
  do {                                                       \
    Value r_ = rt::binary_op(a, b, rt::BinOp::op, ARG != 0); \
    rt::decref(a);                                           \
    rt::decref(b);                                           \
    sp[-2] = r_;                                             \
    --sp;                                                    \
    DISPATCH();                                              \
  } while (0)
#define BINARY_RESULT(v) \
  do {                   \
    sp[-2] = (v);        \
    --sp;                \
    DISPATCH();          \
  } while (0)
#define BOTH_NUMBERS(a, b) (!(a).is_obj_or_null() && !(b).is_obj_or_null())

#define COMPARE_OP(name, cop, expr)                                   \
  CASE(name) {                                                        \
    Value b = sp[-1], a = sp[-2];                                     \
    if (a.is_int() && b.is_int()) {                                   \
      int64_t x = a.as_int(), y = b.as_int();                         \
      BINARY_RESULT(rt::from_bool(expr));                             \
    }                                                                 \
    if (BOTH_NUMBERS(a, b)) {                                         \
      double x = num_as_double(a), y = num_as_double(b);              \
      BINARY_RESULT(rt::from_bool(expr));                             \
    }                                                                 \
    Value r = rt::compare(a, b, rt::CmpOp::cop);                      \
    rt::decref(a);                                                    \
    rt::decref(b);                                                    \
    sp[-2] = r;                                                       \
    --sp;                                                             \
    DISPATCH();                                                       \
  }

namespace {

// The MemoryError (new reference) for a C++ allocation failure caught by the interpreter
// loop, with its context set as a raised exception's.
Value memory_error_from_cpp(ThreadState* ts) {
  try {
    rt::raise_memory_error();
  } catch (rt::PyError& e) {
    Value exc = e.take();
    set_exception_context(ts, exc);
    return exc;
  }
}

// Runs [frame] until its entry frame returns (or a generator entry frame yields). [sp0] is
// the stack pointer of a resumed generator frame (null: an empty stack); [throw_exc]
// (stolen) is raised at the frame's current instruction first (generator throw()).
Value eval(ThreadState* ts, Frame* frame, Value* sp0, Value throw_exc) {
#if MINIPY_COMPUTED_GOTO
  static const void* const kLabels[256] = {
#define MINIPY_OP_LABEL(name, pops, pushes, jpops, jpushes, flags, doc) &&L_##name,
      MINIPY_OPCODES(MINIPY_OP_LABEL)
#undef MINIPY_OP_LABEL
  };
#endif
  Code* co;
  const uint32_t* code_start;
  Value* locals;
  Value* consts;
  const uint32_t* ip = frame->ip;
  Value* sp = sp0 ? sp0 : frame->stack();
  uint32_t word = 0;
  Value exc = Value::null();  // the exception being unwound (owned)
  bool add_tb = true;
  // Operands of the shared call path (do_call).
  Value* call_base = nullptr;
  Value* call_args = nullptr;
  size_t call_nargs = 0;
  Tuple* call_kw = nullptr;
  LOAD_FRAME();
  if (!throw_exc.is_null()) {
    exc = throw_exc;
    set_exception_context(ts, exc);
    goto error;
  }

  for (;;) {
    try {
#if MINIPY_COMPUTED_GOTO
      DISPATCH();
#else
    dispatch:
      word = *ip++;
      switch (op_of(word)) {
#endif

      CASE(Nop) { DISPATCH(); }
      CASE(PopTop) {
        rt::decref(*--sp);
        DISPATCH();
      }
      CASE(Copy) {
        Value v = sp[-int(ARG)];
        rt::incref(v);
        *sp++ = v;
        DISPATCH();
      }
      CASE(Swap) {
        Value t = sp[-1];
        sp[-1] = sp[-int(ARG)];
        sp[-int(ARG)] = t;
        DISPATCH();
      }
      CASE(LoadConst) {
        Value v = consts[ARG];
        rt::incref(v);
        *sp++ = v;
        DISPATCH();
      }

      // ---- variables
      CASE(LoadFast) {
        Value v = locals[ARG];
        if (__builtin_expect(v.is_null(), 0)) unbound_local(co, ARG);
        rt::incref(v);
        *sp++ = v;
        DISPATCH();
      }
      CASE(StoreFast) {
        Value old = locals[ARG];
        locals[ARG] = *--sp;
        rt::decref(old);
        DISPATCH();
      }
      CASE(DeleteFast) {
        Value old = locals[ARG];
        if (old.is_null()) unbound_local(co, ARG);
        locals[ARG] = Value::null();
        rt::decref(old);
        DISPATCH();
      }
      CASE(LoadGlobal) {
        GlobalCache& c = global_cache_at(co, ip - code_start - 1);
        Value v = global_cache_get(c, frame->globals, frame->builtins);
        if (__builtin_expect(!v.is_null(), 1)) {
          rt::incref(v);
          *sp++ = v;
          DISPATCH();
        }
        uint64_t gv = rt::dict_version(frame->globals), bv = rt::dict_version(frame->builtins);
        v = lookup_global(frame, NAME(ARG));
        global_cache_fill(c, frame->globals, frame->builtins, gv, bv, v);
        *sp++ = v;
        DISPATCH();
      }
      CASE(StoreGlobal) {
        rt::dict_set(frame->globals, Value::from_obj(NAME(ARG)), sp[-1]);
        rt::decref(*--sp);
        DISPATCH();
      }
      CASE(DeleteGlobal) {
        if (!rt::dict_del(frame->globals, Value::from_obj(NAME(ARG)))) name_error(NAME(ARG));
        DISPATCH();
      }
      CASE(LoadName) {
        *sp++ = lookup_name(frame, NAME(ARG));
        DISPATCH();
      }
      CASE(StoreName) {
        Dict* d = frame->locals ? frame->locals : frame->globals;
        rt::dict_set(d, Value::from_obj(NAME(ARG)), sp[-1]);
        rt::decref(*--sp);
        DISPATCH();
      }
      CASE(DeleteName) {
        Dict* d = frame->locals ? frame->locals : frame->globals;
        if (!rt::dict_del(d, Value::from_obj(NAME(ARG)))) name_error(NAME(ARG));
        DISPATCH();
      }
      CASE(MakeCell) {
        Value v = locals[ARG];
        rt::Cell* c = rt::cell_new(v);
        rt::decref(v);
        locals[ARG] = Value::from_obj(c);
        DISPATCH();
      }
      CASE(CopyFreeVars) {
        Tuple* closure = frame->func->closure;
        uint32_t off = co->nlocalsplus - ARG;
        for (uint32_t i = 0; i < ARG; ++i) locals[off + i] = incref_v(closure->item(i));
        DISPATCH();
      }
      CASE(LoadDeref) {
        rt::Cell* c = locals[ARG].as<rt::Cell>();
        Value v;
        {
          rt::LeafCriticalSection cs(c);  // another thread may replace (and free) the value
          v = c->value;
          rt::incref(v);
        }
        if (v.is_null()) unbound_deref(co, ARG);
        *sp++ = v;
        DISPATCH();
      }
      CASE(StoreDeref) {
        rt::Cell* c = locals[ARG].as<rt::Cell>();
        Value old;
        {
          rt::LeafCriticalSection cs(c);
          old = c->value;
          c->value = *--sp;
        }
        rt::decref(old);
        DISPATCH();
      }
      CASE(DeleteDeref) {
        rt::Cell* c = locals[ARG].as<rt::Cell>();
        Value old = c->value;
        if (old.is_null()) unbound_deref(co, ARG);
        c->value = Value::null();
        rt::decref(old);
        DISPATCH();
      }
      CASE(LoadClosure) {
        *sp++ = incref_v(locals[ARG]);
        DISPATCH();
      }
      CASE(LoadClassDeref) {
        Value v = frame->locals ? rt::dict_get_str(frame->locals, local_name(co, ARG)) : Value::null();
        if (v.is_null()) {
          v = locals[ARG].as<rt::Cell>()->value;
          if (v.is_null()) unbound_deref(co, ARG);
        }
        *sp++ = incref_v(v);
        DISPATCH();
      }
      CASE(SetupAnnotations) {
        Dict* d = frame->locals ? frame->locals : frame->globals;
        Str* key = rt::str_intern("__annotations__");
        if (rt::dict_get_str(d, key).is_null()) {
          Ref ann = Ref::steal(Value::from_obj(rt::dict_new()));
          rt::dict_set(d, Value::from_obj(key), ann.get());
        }
        DISPATCH();
      }

      // ---- attributes and items
      CASE(LoadAttr) {
        Value obj = sp[-1];
        AttrCache& c = attr_cache_at(co, ip - code_start - 1);
        AttrCacheEntry e;
        bool type_hit = obj.is_obj() && attr_cache_hit(c, obj.as_obj()->type, &e);
        if (type_hit) {
          Dict* d = rt::instance_dict_load(rt::instance_dict_slot(obj));
          if (d != nullptr) {
            Value v = Value::null();
            {
              rt::LeafCriticalSection cs(d);
              if (e.index < d->nentries && d->entries[e.index].key == co->names->items()[ARG])
                v = incref_v(d->entries[e.index].value);
            }
            if (!v.is_null()) {
              rt::decref(obj);
              sp[-1] = v;
              DISPATCH();
            }
          }
        }
        Value r = rt::getattr(obj, NAME(ARG));
        if (!type_hit && obj.is_obj() && (obj.as_obj()->type->flags & rt::kTypeHeapType))
          attr_cache_fill_dict(c, obj, NAME(ARG));
        rt::decref(obj);
        sp[-1] = r;
        DISPATCH();
      }
      CASE(StoreAttr) {
        Value obj = sp[-1];
        AttrCache& c = attr_cache_at(co, ip - code_start - 1);
        AttrCacheEntry e;
        bool type_hit = obj.is_obj() && attr_cache_hit(c, obj.as_obj()->type, &e);
        if (type_hit) {
          Dict* d = rt::instance_dict_load(rt::instance_dict_slot(obj));
          if (d != nullptr) {
            Value old = Value::null();
            bool stored = false;
            {
              rt::LeafCriticalSection cs(d);
              if (e.index < d->nentries && d->entries[e.index].key == co->names->items()[ARG]) {
                old = d->entries[e.index].value;
                d->entries[e.index].value = sp[-2];
                rt::dict_bump_version(d);
                stored = true;
              }
            }
            if (stored) {
              sp -= 2;
              rt::decref(old);
              rt::decref(obj);
              DISPATCH();
            }
          }
        }
        rt::setattr(obj, NAME(ARG), sp[-2]);
        if (!type_hit && obj.is_obj() && (obj.as_obj()->type->flags & rt::kTypeHeapType))
          attr_cache_fill_dict(c, obj, NAME(ARG));
        rt::decref(obj);
        rt::decref(sp[-2]);
        sp -= 2;
        DISPATCH();
      }
      CASE(DeleteAttr) {
        rt::delattr(sp[-1], NAME(ARG));
        rt::decref(*--sp);
        DISPATCH();
      }
      CASE(LoadMethod) {
        Value obj = sp[-1];
        Type* t = rt::type_of(obj);
        Str* name = NAME(ARG);
        if (!(t->flags & rt::kTypeHeapType) && t->getattr == rt::generic_getattr) {
          Value d = rt::type_lookup(t, name);
          if (!d.is_null()) {
            Type* dt = d.as_obj()->type;
            if (dt == &rt::method_descr_type || dt == &rt::function_type) {
              sp[-1] = incref_v(d);
              *sp++ = obj;
              DISPATCH();
            }
          }
        } else if (t->getattr == rt::instance_getattr) {
          // A method of a class: [function, self] without a bound method, unless the
          // instance dict shadows it. The inline cache remembers the function.
          AttrCache& c = attr_cache_at(co, ip - code_start - 1);
          AttrCacheEntry e;
          Value d = attr_cache_hit(c, t, &e) ? e.descr : attr_cache_fill_method(c, obj, name);
          if (!d.is_null()) {
            Dict* idict = rt::instance_dict_load(rt::instance_dict_slot(obj));
            if (idict == nullptr || rt::dict_get_str(idict, name).is_null()) {
              sp[-1] = incref_v(d);
              *sp++ = obj;
              DISPATCH();
            }
          }
        }
        Value r = rt::getattr(obj, name);
        if (r.is_obj() && r.as_obj()->type == &rt::method_type &&
            rt::type_of(r.as<rt::Method>()->func) == &rt::function_type) {
          rt::Method* m = r.as<rt::Method>();
          sp[-1] = incref_v(m->func);
          *sp++ = incref_v(m->self);
          rt::decref(obj);
          rt::decref(r);
          DISPATCH();
        }
        sp[-1] = r;
        rt::decref(obj);
        *sp++ = Value::null();
        DISPATCH();
      }
      CASE(BinarySubscr) {
        Value key = sp[-1], c = sp[-2];
        if (key.is_int() && c.is_obj()) {
          Type* t = c.as_obj()->type;
          int64_t i = key.as_int();
          if (t == &rt::list_type) {
            List* l = c.as<List>();
            Value v = Value::null();
            {
              rt::LeafCriticalSection cs(l);
              if (i < 0) i += int64_t(l->size);
              if (uint64_t(i) < l->size) v = incref_v(l->items[i]);
            }
            if (!v.is_null()) {
              rt::decref(c);
              BINARY_RESULT(v);
            }
          } else if (t == &rt::tuple_type) {
            Tuple* tu = c.as<Tuple>();
            if (i < 0) i += int64_t(tu->size);
            if (uint64_t(i) < tu->size) {
              Value v = incref_v(tu->item(i));
              rt::decref(c);
              BINARY_RESULT(v);
            }
          }
        }
        Value r = rt::getitem(c, key);
        rt::decref(c);
        rt::decref(key);
        BINARY_RESULT(r);
      }
      CASE(StoreSubscr) {
        Value key = sp[-1], c = sp[-2], v = sp[-3];
        if (key.is_int() && c.is_obj() && c.as_obj()->type == &rt::list_type) {
          List* l = c.as<List>();
          int64_t i = key.as_int();
          Value old = Value::null();
          bool stored = false;
          {
            rt::LeafCriticalSection cs(l);
            if (i < 0) i += int64_t(l->size);
            if (uint64_t(i) < l->size) {
              old = l->items[i];
              l->items[i] = v;
              stored = true;
            }
          }
          if (stored) {
            sp -= 3;
            rt::decref(old);
            rt::decref(c);
            DISPATCH();
          }
        }
        rt::setitem(c, key, v);
        sp -= 3;
        rt::decref(v);
        rt::decref(c);
        rt::decref(key);
        DISPATCH();
      }
      CASE(DeleteSubscr) {
        rt::delitem(sp[-2], sp[-1]);
        rt::decref(sp[-1]);
        rt::decref(sp[-2]);
        sp -= 2;
        DISPATCH();
      }
      CASE(BuildSlice) {
        Value step = ARG == 3 ? sp[-1] : rt::None();
        Value* first = sp - ARG;
        Value s = rt::slice_new(first[0], first[1], step);
        while (sp > first) rt::decref(*--sp);
        *sp++ = s;
        DISPATCH();
      }

      // ---- operators
      CASE(BinaryAdd) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int()) {
          int64_t r = a.as_int() + b.as_int();
          if (Value::fits_small_int(r)) BINARY_RESULT(Value::from_int(r));
        } else if (BOTH_NUMBERS(a, b)) {
          BINARY_RESULT(Value::from_double(num_as_double(a) + num_as_double(b)));
        }
        BINARY_SLOW(Add);
      }
      CASE(BinarySub) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int()) {
          int64_t r = a.as_int() - b.as_int();
          if (Value::fits_small_int(r)) BINARY_RESULT(Value::from_int(r));
        } else if (BOTH_NUMBERS(a, b)) {
          BINARY_RESULT(Value::from_double(num_as_double(a) - num_as_double(b)));
        }
        BINARY_SLOW(Sub);
      }
      CASE(BinaryMul) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int()) {
          int64_t r;
          if (!__builtin_mul_overflow(a.as_int(), b.as_int(), &r) && Value::fits_small_int(r))
            BINARY_RESULT(Value::from_int(r));
        } else if (BOTH_NUMBERS(a, b)) {
          BINARY_RESULT(Value::from_double(num_as_double(a) * num_as_double(b)));
        }
        BINARY_SLOW(Mul);
      }
      CASE(BinaryTrueDiv) {
        Value b = sp[-1], a = sp[-2];
        if (BOTH_NUMBERS(a, b)) {
          double y = num_as_double(b);
          if (y != 0.0) BINARY_RESULT(Value::from_double(num_as_double(a) / y));
        }
        BINARY_SLOW(TrueDiv);
      }
      CASE(BinaryFloorDiv) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int() && b.as_int() != 0) {
          int64_t x = a.as_int(), y = b.as_int();
          int64_t q = x / y;
          if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
          if (Value::fits_small_int(q)) BINARY_RESULT(Value::from_int(q));
        }
        BINARY_SLOW(FloorDiv);
      }
      CASE(BinaryMod) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int() && b.as_int() != 0) {
          int64_t x = a.as_int(), y = b.as_int();
          int64_t r = x % y;
          if (r != 0 && ((r < 0) != (y < 0))) r += y;
          BINARY_RESULT(Value::from_int(r));
        }
        BINARY_SLOW(Mod);
      }
      CASE(BinaryPow) {
        Value b = sp[-1], a = sp[-2];
        BINARY_SLOW(Pow);
      }
      CASE(BinaryLShift) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int() && b.as_int() >= 0 && b.as_int() < 50) {
          int64_t r;
          if (!__builtin_mul_overflow(a.as_int(), int64_t(1) << b.as_int(), &r) && Value::fits_small_int(r))
            BINARY_RESULT(Value::from_int(r));
        }
        BINARY_SLOW(LShift);
      }
      CASE(BinaryRShift) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int() && b.as_int() >= 0) {
          int64_t s = b.as_int() > 63 ? 63 : b.as_int();
          BINARY_RESULT(Value::from_int(a.as_int() >> s));
        }
        BINARY_SLOW(RShift);
      }
      CASE(BinaryAnd) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int()) BINARY_RESULT(Value::from_int(a.as_int() & b.as_int()));
        BINARY_SLOW(And);
      }
      CASE(BinaryOr) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int()) BINARY_RESULT(Value::from_int(a.as_int() | b.as_int()));
        BINARY_SLOW(Or);
      }
      CASE(BinaryXor) {
        Value b = sp[-1], a = sp[-2];
        if (a.is_int() && b.is_int()) BINARY_RESULT(Value::from_int(a.as_int() ^ b.as_int()));
        BINARY_SLOW(Xor);
      }
      CASE(UnaryNeg) {
        Value a = sp[-1];
        if (a.is_int() && a.as_int() != Value::kIntMin) {
          sp[-1] = Value::from_int(-a.as_int());
          DISPATCH();
        }
        if (a.is_double()) {
          sp[-1] = Value::from_double(-a.as_double());
          DISPATCH();
        }
        Value r = rt::unary_op(a, rt::UnaryOp::Neg);
        rt::decref(a);
        sp[-1] = r;
        DISPATCH();
      }
      CASE(UnaryPos) {
        Value a = sp[-1];
        if (!a.is_obj_or_null()) DISPATCH();
        Value r = rt::unary_op(a, rt::UnaryOp::Pos);
        rt::decref(a);
        sp[-1] = r;
        DISPATCH();
      }
      CASE(UnaryInvert) {
        Value a = sp[-1];
        if (a.is_int()) {
          sp[-1] = Value::from_int(~a.as_int());
          DISPATCH();
        }
        Value r = rt::unary_op(a, rt::UnaryOp::Invert);
        rt::decref(a);
        sp[-1] = r;
        DISPATCH();
      }
      CASE(UnaryNot) {
        Value a = sp[-1];
        bool t = a == rt::True() ? true : a == rt::False() ? false : truthy_slow(a);
        rt::decref(a);
        sp[-1] = rt::from_bool(!t);
        DISPATCH();
      }
      COMPARE_OP(CompareLt, Lt, x < y)
      COMPARE_OP(CompareLe, Le, x <= y)
      COMPARE_OP(CompareEq, Eq, x == y)
      COMPARE_OP(CompareNe, Ne, x != y)
      COMPARE_OP(CompareGt, Gt, x > y)
      COMPARE_OP(CompareGe, Ge, x >= y)
      CASE(IsOp) {
        Value b = sp[-1], a = sp[-2];
        bool r = (a == b) != (ARG != 0);
        rt::decref(a);
        rt::decref(b);
        BINARY_RESULT(rt::from_bool(r));
      }
      CASE(ContainsOp) {
        Value b = sp[-1], a = sp[-2];
        bool r = rt::contains(b, a) != (ARG != 0);
        rt::decref(a);
        rt::decref(b);
        BINARY_RESULT(rt::from_bool(r));
      }

      // ---- control flow
      CASE(Jump) {
        JUMP_TO(ARG);
        DISPATCH();
      }
      CASE(JumpBackward) {
        CHECK_BREAKER();
        JUMP_TO(ARG);
        DISPATCH();
      }
      CASE(PopJumpIfFalse) {
        Value v = sp[-1];
        if (v == rt::False()) {
          --sp;
          JUMP_TO(ARG);
          DISPATCH();
        }
        if (v == rt::True()) {
          --sp;
          DISPATCH();
        }
        bool t = truthy_slow(v);
        --sp;
        rt::decref(v);
        if (!t) JUMP_TO(ARG);
        DISPATCH();
      }
      CASE(PopJumpIfTrue) {
        Value v = sp[-1];
        if (v == rt::True()) {
          --sp;
          JUMP_TO(ARG);
          DISPATCH();
        }
        if (v == rt::False()) {
          --sp;
          DISPATCH();
        }
        bool t = truthy_slow(v);
        --sp;
        rt::decref(v);
        if (t) JUMP_TO(ARG);
        DISPATCH();
      }
      CASE(JumpIfFalseOrPop) {
        Value v = sp[-1];
        bool t = v == rt::True() ? true : v == rt::False() ? false : truthy_slow(v);
        if (!t) {
          JUMP_TO(ARG);
        } else {
          --sp;
          rt::decref(v);
        }
        DISPATCH();
      }
      CASE(JumpIfTrueOrPop) {
        Value v = sp[-1];
        bool t = v == rt::True() ? true : v == rt::False() ? false : truthy_slow(v);
        if (t) {
          JUMP_TO(ARG);
        } else {
          --sp;
          rt::decref(v);
        }
        DISPATCH();
      }
      CASE(GetIter) {
        Value v = sp[-1];
        Value it = rt::get_iter(v);
        rt::decref(v);
        sp[-1] = it;
        DISPATCH();
      }
      CASE(ForIter) {
        Value it = sp[-1];
        Type* t = rt::type_of(it);
        if (t == &generator_type && gen_state(it.as<Generator>()) < GenState::Running) {
          // Resume the generator in this loop: it yields [it, value] back to the next
          // instruction, or returns to the ForIter's target (see ReturnValue). One that
          // another thread closed meanwhile ends the loop through the generic path.
          Generator* g = it.as<Generator>();
          GenState prev = gen_claim(g);
          if (prev != GenState::Closed) {
            frame->ip = ip;
            Value* nsp;
            frame = gen_push_frame(ts, g, prev, sp, rt::None(), &nsp);
            LOAD_FRAME();
            ip = frame->ip;
            sp = nsp;
            DISPATCH();
          }
        }
        if (t == &rt::list_iterator_type) {
          // list_iter_next inline; the exhausted iterator lets go of its list there.
          rt::ListIter* li = it.as<rt::ListIter>();
          Value v = Value::null();
          if (List* l = li->list) {
            rt::LeafCriticalSection cs(l);
            if (li->index < l->size) v = incref_v(l->items[li->index++]);
          }
          if (!v.is_null()) {
            *sp++ = v;
            DISPATCH();
          }
        }
        Value nx = t->next ? t->next(it) : rt::iter_next(it);
        if (nx.is_null()) {
          --sp;
          rt::decref(it);
          JUMP_TO(ARG);
          DISPATCH();
        }
        *sp++ = nx;
        DISPATCH();
      }
      CASE(ReturnValue) {
        Value r = *--sp;
        Value* base = frame->base;
        bool gen_frame = (co->flags & kCoGenerator) != 0;
        if (gen_frame) gen_finish(ts, frame);
        uint32_t init_frame = frame->is_init;
        Value instance = base[0];
        if (init_frame) base[0] = Value::null();
        release_frame(frame, sp);
        ts->frame = frame->prev;
        ts->recursion_depth -= 1 + init_frame;
        if (frame->is_entry) return r;
        frame = frame->prev;
        LOAD_FRAME();
        ip = frame->ip;
        sp = base;
        if (__builtin_expect(init_frame != 0, 0)) {
          // Construction fast path: the call's result is the instance; __init__ must have
          // returned None (the error is raised at the caller's call).
          if (r != rt::None()) {
            rt::decref(instance);
            rt::check_init_result(r);
          }
          r = instance;
        }
        if (__builtin_expect(gen_frame, 0)) {
          // A generator resumed by ForIter (pop the iterator, leave the loop) or by Send
          // ([iter] -> [value]) returned.
          uint32_t w = ip[-1];
          rt::decref(*--sp);
          if (op_of(w) == Op::ForIter)
            rt::decref(r);
          else
            *sp++ = r;
          JUMP_TO(arg_of(w));
          DISPATCH();
        }
        *sp++ = r;
        DISPATCH();
      }
      CASE(YieldValue) {
        Value v = *--sp;
        Frame* f = frame;
        Value* base = f->base;
        Generator* g = gen_save_frame(ts, f, sp, static_cast<uint32_t>(ip - code_start));
        if (f->is_entry) {
          rt::decref(g);
          return v;
        }
        frame = f->prev;
        LOAD_FRAME();
        ip = frame->ip;
        sp = base;
        *sp++ = v;
        rt::decref(g);
        DISPATCH();
      }
      CASE(Send) {
        Value v = sp[-1], it = sp[-2];
        if (rt::type_of(it) == &generator_type && gen_state(it.as<Generator>()) < GenState::Running) {
          Generator* g = it.as<Generator>();
          GenState prev = gen_claim(g);
          if (prev != GenState::Closed) {  // closed meanwhile: send_generic raises StopIteration
            if (prev == GenState::Created && v != rt::None()) {
              gen_set_state(g, prev);
              rt::raise_msg(&rt::exc_TypeError, "can't send non-None value to a just-started generator");
            }
            frame->ip = ip;
            Value* nsp;
            frame = gen_push_frame(ts, g, prev, sp - 1, v, &nsp);
            rt::decref(v);
            LOAD_FRAME();
            ip = frame->ip;
            sp = nsp;
            DISPATCH();
          }
        }
        Value r;
        bool yielded = send_generic(it, v, &r);
        rt::decref(v);
        --sp;
        if (yielded) {
          *sp++ = r;
          DISPATCH();
        }
        rt::decref(it);
        sp[-1] = r;
        JUMP_TO(ARG);
        DISPATCH();
      }

      // ---- calls
      CASE(Call) {
        uint32_t n = ARG;
        Value* base = sp - n - 1;
        Value c = *base;
        if (c.is_obj() && c.as_obj()->type == &rt::method_type) {
          rt::Method* m = c.as<rt::Method>();
          if (rt::type_of(m->func) == &rt::function_type) {
            for (Value* p = sp; p > base + 1; --p) *p = p[-1];
            base[1] = incref_v(m->self);
            base[0] = incref_v(m->func);
            ++sp;
            ++n;
            rt::decref(c);
          }
        }
        call_base = base;
        call_args = base + 1;
        call_nargs = n;
        call_kw = nullptr;
        goto do_call;
      }
      CASE(CallMethod) {
        uint32_t n = ARG;
        Value* args = sp - n;
        call_base = args - 2;
        if (args[-1].is_null()) {
          call_args = args;
          call_nargs = n;
        } else {
          call_args = args - 1;
          call_nargs = n + 1;
        }
        call_kw = nullptr;
        goto do_call;
      }
      CASE(CallKw) {
        uint32_t n = ARG;
        Tuple* kw = sp[-1].as<Tuple>();
        Value* base = sp - n - 2;
        Value c = *base;
        if (c.is_obj() && c.as_obj()->type == &rt::method_type) {
          rt::Method* m = c.as<rt::Method>();
          if (rt::type_of(m->func) == &rt::function_type) {
            for (Value* p = sp; p > base + 1; --p) *p = p[-1];
            base[1] = incref_v(m->self);
            base[0] = incref_v(m->func);
            ++sp;
            ++n;
            rt::decref(c);
          }
        }
        call_base = base;
        call_args = base + 1;
        call_nargs = n - kw->size;
        call_kw = kw;
        goto do_call;
      }
      CASE(CallFunctionEx) {
        Value* base = sp - 2 - (ARG & 1);
        Value r;
        frame->ip = ip;
        Frame* nf = call_ex(ts, base, ARG & 1, &r);
        if (nf) {
          frame = nf;
          LOAD_FRAME();
          ip = code_start;
          sp = frame->stack();
          DISPATCH();
        }
        while (sp > base) rt::decref(*--sp);
        *sp++ = r;
        DISPATCH();
      }
      CASE(LoadBuildClass) {
        Value bc = rt::dict_get_str(frame->builtins, rt::str_intern("__build_class__"));
        if (bc.is_null()) rt::raise_msg(&rt::exc_NameError, "__build_class__ not found");
        *sp++ = incref_v(bc);
        DISPATCH();
      }
      CASE(MakeFunction) {
        uint32_t flags = ARG;
        Value code = *--sp;
        Function* fn = function_new(code.as<Code>(), frame->globals, frame->builtins);
        rt::decref(code);
        if (flags & 1) {
          Value d = *--sp;
          fn->defaults = d == rt::None() ? (rt::decref(d), nullptr) : d.as<Tuple>();
        }
        if (flags & 2) {
          Value d = *--sp;
          fn->kwdefaults = d == rt::None() ? (rt::decref(d), nullptr) : d.as<Dict>();
        }
        if (flags & 8) fn->closure = (*--sp).as<Tuple>();
        if (co->flags & kCoModule) rt::defer_function_refcount(fn);  // module or class level
        *sp++ = Value::from_obj(fn);
        DISPATCH();
      }

      // ---- builders
      CASE(BuildTuple) {
        uint32_t n = ARG;
        Tuple* t = rt::tuple_new(n);
        sp -= n;
        for (uint32_t i = 0; i < n; ++i) t->items()[i] = sp[i];
        *sp++ = Value::from_obj(t);
        DISPATCH();
      }
      CASE(BuildList) {
        uint32_t n = ARG;
        List* l = rt::list_new(n);
        sp -= n;
        for (uint32_t i = 0; i < n; ++i) l->items[i] = sp[i];
        *sp++ = Value::from_obj(l);
        DISPATCH();
      }
      CASE(BuildSet) {
        uint32_t n = ARG;
        Value* first = sp - n;
        Value r;
        {
          Ref s = Ref::steal(Value::from_obj(rt::set_new()));
          for (uint32_t i = 0; i < n; ++i) rt::set_add(s.as<rt::Set>(), first[i]);
          r = s.release();
        }
        while (sp > first) rt::decref(*--sp);
        *sp++ = r;
        DISPATCH();
      }
      CASE(BuildMap) {
        uint32_t n = ARG;
        Value* first = sp - 2 * n;
        Value r;
        {
          Ref d = Ref::steal(Value::from_obj(rt::dict_new()));
          for (uint32_t i = 0; i < n; ++i) rt::dict_set(d.as<Dict>(), first[2 * i], first[2 * i + 1]);
          r = d.release();
        }
        while (sp > first) rt::decref(*--sp);
        *sp++ = r;
        DISPATCH();
      }
      CASE(BuildString) {
        uint32_t n = ARG;
        Value* first = sp - n;
        Value r;
        {
          std::string s;
          for (uint32_t i = 0; i < n; ++i) s += first[i].as<Str>()->view();
          r = rt::str_value(s);
        }
        while (sp > first) rt::decref(*--sp);
        *sp++ = r;
        DISPATCH();
      }
      CASE(ListAppend) {
        Value v = sp[-1];
        rt::list_append(sp[-1 - int(ARG)].as<List>(), v);
        --sp;
        rt::decref(v);
        DISPATCH();
      }
      CASE(SetAdd) {
        Value v = sp[-1];
        rt::set_add(sp[-1 - int(ARG)].as<rt::Set>(), v);
        --sp;
        rt::decref(v);
        DISPATCH();
      }
      CASE(MapAdd) {
        rt::dict_set(sp[-2 - int(ARG)].as<Dict>(), sp[-2], sp[-1]);
        rt::decref(sp[-1]);
        rt::decref(sp[-2]);
        sp -= 2;
        DISPATCH();
      }
      CASE(ListExtend) {
        Value v = sp[-1];
        Type* t = rt::type_of(v);
        if (t->iter == nullptr && t->getitem == nullptr) {
          bool call_form = op_of(ip[0]) == Op::ListToTuple &&
                           (op_of(ip[1]) == Op::CallFunctionEx || op_of(ip[1]) == Op::BuildMap);
          star_error(v, call_form ? sp[-2 - int(ARG)] : Value::null());
        }
        rt::list_extend(sp[-1 - int(ARG)].as<List>(), v);
        --sp;
        rt::decref(v);
        DISPATCH();
      }
      CASE(SetUpdate) {
        Value v = sp[-1];
        {
          Ref it = Ref::steal(rt::get_iter(v));
          rt::Set* s = sp[-1 - int(ARG)].as<rt::Set>();
          for (;;) {
            Value x = rt::iter_next(it.get());
            if (x.is_null()) break;
            Ref xr = Ref::steal(x);
            rt::set_add(s, x);
          }
        }
        --sp;
        rt::decref(v);
        DISPATCH();
      }
      CASE(DictUpdate) {
        Value v = sp[-1];
        if (!(rt::type_of(v)->flags & rt::kTypeDictSubclass) &&
            !Ref::steal(rt::getattr_opt(v, rt::str_intern("keys"))))
          rt::raise_fmt(&rt::exc_TypeError, "'{}' object is not a mapping", rt::type_name(v));
        rt::dict_update(sp[-1 - int(ARG)].as<Dict>(), v);
        --sp;
        rt::decref(v);
        DISPATCH();
      }
      CASE(DictMerge) {
        Value v = sp[-1];
        dict_merge(sp[-1 - int(ARG)].as<Dict>(), v, sp[-3 - int(ARG)]);
        --sp;
        rt::decref(v);
        DISPATCH();
      }
      CASE(ListToTuple) {
        Value l = sp[-1];
        sp[-1] = rt::list_as_tuple(l.as<List>());
        rt::decref(l);
        DISPATCH();
      }
      CASE(UnpackSequence) {
        uint32_t n = ARG;
        Value seq = sp[-1];
        Type* t = rt::type_of(seq);
        bool unpacked = false;
        if (t == &rt::tuple_type) {
          Tuple* tu = seq.as<Tuple>();
          if (tu->size == n) {
            for (uint32_t i = 0; i < n; ++i) sp[int(n) - 2 - int(i)] = incref_v(tu->item(i));
            unpacked = true;
          }
        } else if (t == &rt::list_type) {
          List* l = seq.as<List>();
          rt::LeafCriticalSection cs(l);
          if (l->size == n) {
            for (uint32_t i = 0; i < n; ++i) sp[int(n) - 2 - int(i)] = incref_v(l->items[i]);
            unpacked = true;
          }
        }
        if (unpacked) {
          sp += int(n) - 1;
          rt::decref(seq);
          DISPATCH();
        }
        {
          std::vector<Ref> vals = unpack_iterable(seq, n, true, n);
          --sp;
          for (uint32_t i = 0; i < n; ++i) sp[n - 1 - i] = vals[i].release();
          sp += n;
        }
        rt::decref(seq);
        DISPATCH();
      }
      CASE(UnpackEx) {
        uint32_t before = ARG & 0xFF, after = ARG >> 8;
        Value seq = sp[-1];
        {
          std::vector<Ref> vals = unpack_iterable(seq, before + after, false, 0);
          List* star = rt::list_new(vals.size() - before - after);
          for (size_t i = before; i < vals.size() - after; ++i) star->items[i - before] = vals[i].release();
          --sp;
          rt::decref(seq);
          for (uint32_t i = 0; i < after; ++i) *sp++ = vals[vals.size() - 1 - i].release();
          *sp++ = Value::from_obj(star);
          for (uint32_t i = 0; i < before; ++i) *sp++ = vals[before - 1 - i].release();
        }
        DISPATCH();
      }
      CASE(FormatValue) {
        uint32_t flags = ARG;
        if (flags & 4) {
          Value r = format_value(sp[-2], flags, sp[-1]);
          rt::decref(sp[-1]);
          rt::decref(sp[-2]);
          sp[-2] = r;
          --sp;
        } else {
          Value r = format_value(sp[-1], flags, Value::null());
          rt::decref(sp[-1]);
          sp[-1] = r;
        }
        DISPATCH();
      }

      // ---- exceptions
      CASE(Raise) {
        switch (ARG) {
          case 0:
            if (ts->handled_exc.is_null())
              rt::raise_msg(&rt::exc_RuntimeError, "No active exception to reraise");
            exc = incref_v(ts->handled_exc);
            add_tb = false;
            goto error;
          case 1:
            exc = make_raisable(sp[-1]);
            rt::decref(*--sp);
            break;
          default:
            exc = make_raise_from(sp[-2], sp[-1]);
            rt::decref(*--sp);
            rt::decref(*--sp);
            break;
        }
        set_exception_context(ts, exc);
        add_tb = true;
        goto error;
      }
      CASE(PushExcInfo) {
        Value e = sp[-1];
        sp[-1] = ts->handled_exc;
        *sp++ = e;
        ts->handled_exc = incref_v(e);
        DISPATCH();
      }
      CASE(PopExcept) {
        Value old = ts->handled_exc;
        ts->handled_exc = *--sp;
        rt::decref(old);
        DISPATCH();
      }
      CASE(CheckExcMatch) {
        Value t = sp[-1];
        check_except_type(t);
        Value e = sp[-2];
        bool m = rt::exception_matches(e, t);
        rt::decref(t);
        rt::decref(e);
        BINARY_RESULT(rt::from_bool(m));
      }
      CASE(Reraise) {
        exc = *--sp;
        add_tb = false;
        goto error;
      }
      CASE(LoadAssertionError) {
        *sp++ = Value::from_obj(&rt::exc_AssertionError);
        DISPATCH();
      }
      CASE(BeforeWith) {
        // The Ref must die before DISPATCH: a computed goto leaves the scope without running
        // destructors (tests/with/no_leak).
        {
          static Str* const s_enter = rt::str_intern("__enter__");
          static Str* const s_exit = rt::str_intern("__exit__");
          Value mgr = sp[-1];
          bool enter_unbound, exit_unbound;
          Ref enter = Ref::steal(lookup_special(mgr, s_enter, &enter_unbound));
          if (!enter)
            rt::raise_fmt(&rt::exc_TypeError, "'{}' object does not support the context manager protocol",
                          rt::type_name(mgr));
          Value exit = lookup_special(mgr, s_exit, &exit_unbound);
          if (exit.is_null())
            rt::raise_fmt(&rt::exc_TypeError,
                          "'{}' object does not support the context manager protocol (missed __exit__ method)",
                          rt::type_name(mgr));
          // The stack's reference to mgr becomes __exit__'s self, or is dropped after __enter__.
          Ref dropped = exit_unbound ? Ref() : Ref::steal(mgr);
          sp[-1] = exit;
          *sp++ = exit_unbound ? mgr : Value::null();
          Value args[1];
          *sp = call_method_args(enter.get(), enter_unbound ? mgr : Value::null(), args, 0);
          ++sp;
        }
        DISPATCH();
      }
      CASE(WithExceptStart) {
        Value e = sp[-1];
        rt::BaseException* be = rt::exception_check(e) ? e.as<rt::BaseException>() : nullptr;
        Value args[4] = {Value::null(), Value::from_obj(rt::type_of(e)), e,
                         be && be->traceback ? Value::from_obj(be->traceback) : rt::None()};
        *sp = call_method_args(sp[-4], sp[-3], args, 3);
        ++sp;
        DISPATCH();
      }

      // ---- modules
      CASE(ImportName) {
        *sp++ = import_module(NAME(ARG));
        DISPATCH();
      }
      CASE(ImportFrom) {
        Value v = import_from(sp[-1], NAME(ARG));
        *sp++ = v;
        DISPATCH();
      }
      CASE(PrintExpr) {
        Value v = sp[-1];
        if (v != rt::None()) {
          Value print = rt::dict_get_str(frame->builtins, rt::str_intern("print"));
          {
            Ref r = Ref::steal(rt::repr(v));
            Value pr = r.get();
            if (!print.is_null()) rt::decref(rt::call(print, &pr, 1));
          }
          Value builtins_mod = Value::from_obj(frame->builtins);
          rt::dict_set(builtins_mod.as<Dict>(), Value::from_obj(rt::str_intern("_")), v);
        }
        rt::decref(*--sp);
        DISPATCH();
      }

#if !MINIPY_COMPUTED_GOTO
      case Op::Count:
        break;
      }
      rt::raise_fmt(&rt::exc_SystemError, "unknown opcode {}", word & 0xFF);
#endif

    // The shared call path: the callable at call_base[0], the arguments at call_args (and a
    // kwnames tuple on top of the stack for CallKw).
    do_call : {
      Value callable = call_base[0];
      if (callable.is_obj()) {
        Type* ct = callable.as_obj()->type;
        uint32_t is_init = 0;
        if (ct == &rt::type_type && callable.as<Type>()->construct == rt::class_construct) {
          // Constructing an instance of a class whose __init__ is a Python function: the
          // instance replaces the class in the callable slot, and __init__ runs as a
          // frame of this loop (no C++ recursion) with the instance as self.
          Type* t = callable.as<Type>();
          Value init = rt::class_simple_init(t);
          if (!init.is_null()) {
            CHECK_BREAKER();
            Value inst = rt::instance_alloc(t);
            if (call_args != call_base + 2) {
              for (Value* p = sp; p > call_args; --p) *p = p[-1];
              ++sp;
            }
            call_base[1] = incref_v(inst);
            call_base[0] = inst;
            call_args = call_base + 1;
            ++call_nargs;
            callable = init;
            ct = &rt::function_type;
            is_init = 1;
          }
        }
        if (ct == &rt::function_type) {
          Function* fn = callable.as<Function>();
          Code* nco = fn->code;
          CHECK_BREAKER();
          Value* lp = call_args;
          if (is_init) {
            // CPython checks the C-level type call, then the __init__ frame.
            if (ts->recursion_depth >= interp.recursion_limit)
              rt::raise_msg(&rt::exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
            if (ts->recursion_depth + 1 >= interp.recursion_limit) raise_recursion_error();
          }
          check_frame_room(ts, nco, lp);
          uint32_t nlp = nco->nlocalsplus;
          uint32_t argc = nco->argcount;
          if (call_kw == nullptr && (nco->flags & (kCoVarargs | kCoVarkeywords | kCoGenerator)) == 0 &&
              nco->kwonlyargcount == 0 && call_nargs <= argc &&
              call_nargs + (fn->defaults ? fn->defaults->size : 0) >= argc) {
            // Fast path: positional arguments (and trailing defaults) only.
            if (call_nargs < argc) {
              Tuple* defs = fn->defaults;
              size_t off = defs->size - (argc - call_nargs);
              for (size_t i = call_nargs; i < argc; ++i) lp[i] = incref_v(defs->item(off + i - call_nargs));
            }
            for (uint32_t i = argc; i < nlp; ++i) lp[i] = Value::null();
          } else {
            MovedArgs moved;
            moved.v.assign(call_args, sp);
            for (Value* p = call_args; p < sp; ++p) *p = Value::null();
            for (uint32_t i = 0; i < nlp; ++i) lp[i] = Value::null();
            bind_arguments(fn, lp, moved.v.data(), call_nargs, call_kw);
            if (nco->flags & kCoGenerator) {
              Value g = Value::from_obj(generator_new(fn, lp));
              // A computed goto leaves this scope without running destructors: release the
              // moved arguments here (they leaked, keeping generator cycles alive).
              for (Value x : moved.v) rt::decref(x);
              moved.v.clear();
              while (sp > call_base) rt::decref(*--sp);
              *sp++ = g;
              DISPATCH();
            }
          }
          frame->ip = ip;
          frame = link_frame(ts, nco, fn, fn->globals, fn->builtins, call_base, lp);
          // As in CPython, where type.__call__ is a C call: construction counts two levels.
          frame->is_init = is_init;
          ts->recursion_depth += is_init;
          LOAD_FRAME();
          ip = code_start;
          sp = frame->stack();
          DISPATCH();
        }
        Value r;
        if (ct == &rt::builtin_function_type && callable.as<rt::BuiltinFunction>()->self.is_null()) {
          r = callable.as<rt::BuiltinFunction>()->fn(call_args, call_nargs, call_kw);
        } else {
          r = call_direct(callable, call_args, call_nargs, call_kw);
        }
        while (sp > call_base) rt::decref(*--sp);
        *sp++ = r;
        DISPATCH();
      }
      Value r = rt::call(callable, call_args, call_nargs, call_kw);
      while (sp > call_base) rt::decref(*--sp);
      *sp++ = r;
      DISPATCH();
    }
    } catch (rt::PyError& e) {
      exc = e.take();
      rt::BaseException* be = rt::exception_check(exc) ? exc.as<rt::BaseException>() : nullptr;
      if (be && be->context.is_null()) set_exception_context(ts, exc);
      add_tb = true;
    } catch (const std::bad_alloc&) {
      // A C++ container (std::string, std::vector) that could not grow: MemoryError, as
      // alloc_bytes raises for objects.
      exc = memory_error_from_cpp(ts);
      add_tb = true;
    } catch (const std::length_error&) {
      exc = memory_error_from_cpp(ts);
      add_tb = true;
    }

  error:
    // Unwinds [exc] to the innermost handler, popping frames that have none.
    for (;;) {
      uint32_t idx = static_cast<uint32_t>(ip - code_start) - 1;
      if (add_tb) add_traceback(exc, co, idx);
      add_tb = true;
      const ExceptionEntry* handler = nullptr;
      for (const ExceptionEntry& en : co->exception_table) {
        if (en.start <= idx && idx < en.end) {
          handler = &en;
          break;
        }
      }
      if (handler) {
        Value* target = frame->stack() + handler->depth;
        while (sp > target) rt::decref(*--sp);
        *sp++ = exc;
        exc = Value::null();
        JUMP_TO(handler->handler);
        break;
      }
      Value* base = frame->base;
      if (co->flags & kCoGenerator) {
        gen_finish(ts, frame);
        exc = gen_stop_iteration_to_runtime_error(exc);
      }
      release_frame(frame, sp);
      ts->frame = frame->prev;
      ts->recursion_depth -= 1 + frame->is_init;
      if (frame->is_entry) throw rt::PyError(exc);
      frame = frame->prev;
      LOAD_FRAME();
      ip = frame->ip;
      sp = base;
    }
  }
}

}  // namespace

#undef ARG
#undef CASE
#undef DISPATCH

// ---- entry points ------------------------------------------------------------------------

namespace {

// The first free value-stack slot above every running frame.
Value* stack_top(ThreadState* ts) { return ts->frame ? ts->frame->end() : ts->stack_base; }

// Raises RecursionError when the C stack is nearly exhausted (C++ re-entry into the VM).
inline void check_c_stack(ThreadState* ts) {
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) < ts->c_stack_limit) raise_recursion_error();
}

}  // namespace

Value run_module_code(Code* code, Dict* globals) {
  ThreadState* ts = current_thread();
  check_c_stack(ts);
  Value* base = stack_top(ts);
  Value* lp = base + 1;
  check_frame_room(ts, code, lp);
  base[0] = Value::null();
  for (uint32_t i = 0; i < code->nlocalsplus; ++i) lp[i] = Value::null();
  Dict* builtins = interp.builtins ? interp.builtins : globals;
  Frame* f = link_frame(ts, code, nullptr, globals, builtins, base, lp);
  f->locals = globals;
  f->is_entry = 1;
  return eval(ts, f);
}

Value call_function(Function* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  ThreadState* ts = current_thread();
  check_c_stack(ts);
  // The C++ level between the caller's frame and this one counts as one level of recursion.
  struct DepthLevel {
    ThreadState* ts;
    explicit DepthLevel(ThreadState* t) : ts(t) { ++ts->recursion_depth; }
    ~DepthLevel() { --ts->recursion_depth; }
  } level(ts);
  Value* base = stack_top(ts);
  if (fn->code->flags & kCoGenerator) return make_generator(ts, fn, base + 1, args, nargs, kwnames);
  base[0] = incref_v(Value::from_obj(fn));
  Frame* f;
  try {
    f = push_frame_bound(ts, fn, base, base + 1, args, nargs, kwnames);
  } catch (...) {
    rt::decref(base[0]);
    throw;
  }
  f->is_entry = 1;
  return eval(ts, f);
}

Value generator_resume(Generator* g, Value sent, Value throw_exc) {
  ThreadState* ts = current_thread();
  Ref thrown = Ref::steal(throw_exc);
  check_c_stack(ts);
  GenState prev = gen_claim(g);
  if (prev == GenState::Closed) {  // another thread finished it since the caller looked
    if (thrown) rt::raise(thrown.release());
    tls_gen_returned = true;
    return incref_v(rt::None());
  }
  Value* base = stack_top(ts);
  Value* sp;
  Frame* f = gen_push_frame(ts, g, prev, base, sent, &sp);
  f->is_entry = 1;
  return eval(ts, f, sp, thrown.release());
}

Value call_function_with_locals(Function* fn, Dict* locals) {
  ThreadState* ts = current_thread();
  check_c_stack(ts);
  struct DepthLevel {
    ThreadState* ts;
    explicit DepthLevel(ThreadState* t) : ts(t) { ++ts->recursion_depth; }
    ~DepthLevel() { --ts->recursion_depth; }
  } level(ts);
  Value* base = stack_top(ts);
  base[0] = incref_v(Value::from_obj(fn));
  Frame* f;
  try {
    f = push_frame_bound(ts, fn, base, base + 1, nullptr, 0, nullptr);
  } catch (...) {
    rt::decref(base[0]);
    throw;
  }
  f->locals = locals;
  f->is_entry = 1;
  return eval(ts, f);
}

Dict* current_globals() {
  ThreadState* ts = current_thread();
  return ts->frame ? ts->frame->globals : nullptr;
}

Dict* current_locals() {
  Frame* f = current_thread()->frame;
  if (f == nullptr) return rt::dict_new();
  if (f->locals != nullptr || (f->code->flags & kCoModule)) {
    Dict* d = f->locals != nullptr ? f->locals : f->globals;
    rt::incref(d);
    return d;
  }
  Code* co = f->code;
  // Parameters that closures capture hold cells in their varnames slots: the prologue's
  // MakeCell instructions name them.
  uint32_t nv = co->nvarnames();
  std::vector<bool> cell(co->nlocalsplus, false);
  for (uint32_t i = nv; i < co->nlocalsplus; ++i) cell[i] = true;
  for (uint32_t word : co->code) {
    Op op = op_of(word);
    if (op == Op::MakeCell) cell[arg_of(word)] = true;
    else if (op != Op::CopyFreeVars) break;
  }
  Ref d = Ref::steal(Value::from_obj(rt::dict_new()));
  uint32_t ncell = co->ncellvars();
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) {
    Value v = f->localsplus[i];
    if (v.is_null()) continue;
    Ref hold;
    if (cell[i]) {
      rt::Cell* c = v.as<rt::Cell>();
      rt::LeafCriticalSection cs(c);
      hold = Ref::borrow(c->value);
    } else {
      hold = Ref::borrow(v);
    }
    if (!hold) continue;
    Tuple* names = i < nv ? co->varnames : i < nv + ncell ? co->cellvars : co->freevars;
    uint32_t k = i < nv ? i : i < nv + ncell ? i - nv : i - nv - ncell;
    rt::dict_set(d.as<Dict>(), names->item(k), hold.get());
  }
  return d.release().as<Dict>();
}

}  // namespace vm
