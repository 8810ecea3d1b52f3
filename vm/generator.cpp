// The generator type: creation from a bound call, send/throw/close (with `yield from`
// delegation of throw and close), the iterator slots, repr and attributes, and closing a
// suspended generator when it is collected. Running the frame is vm/interp.cpp's job
// (generator_resume and the in-loop resumption by ForIter and Send).
#include "vm/generator.h"

#include <fmt/format.h>

#include <cstring>

#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "vm/interp.h"

namespace vm {

using rt::Ref;
using rt::Str;
using rt::Value;

rt::Type generator_type;

namespace {

Value new_ref(Value v) {
  rt::incref(v);
  return v;
}

[[noreturn]] void already_executing() { rt::raise_msg(&rt::exc_ValueError, "generator already executing"); }

// Raises StopIteration for a generator that returned [value] (stolen).
[[noreturn]] void raise_stop(Value value) {
  Ref v = Ref::steal(value);
  if (v.get() == rt::None()) rt::raise(Value::from_obj(&rt::exc_StopIteration));
  rt::raise(rt::call1(Value::from_obj(&rt::exc_StopIteration), v.get()));
}

// Releases the slots a created or suspended generator owns.
void release_saved(Generator* g) {
  Value* s = g->saved();
  size_t n = g->code->nlocalsplus + g->nstack;
  for (size_t i = 0; i < n; ++i) {
    Value v = s[i];
    s[i] = Value::null();
    rt::decref(v);
  }
  g->nstack = 0;
}

bool matches(Value exc, rt::Type* t) { return rt::exception_matches(exc, Value::from_obj(t)); }

// The subiterator a suspended (or claimed) [g] delegates to in `yield from`, or null.
Value yieldfrom_of(Generator* g) {
  if (g->ip < 2 || g->nstack == 0) return Value::null();
  uint32_t word = g->code->code[g->ip - 1];
  if (op_of(word) != Op::YieldValue || arg_of(word) != 1) return Value::null();
  return g->saved()[g->code->nlocalsplus + g->nstack - 1];
}

// The StopIteration's value (new reference): args[0], or None.
Value stop_value(Value exc) { return rt::getattr(exc, rt::str_intern("value")); }

// Closes a subiterator of `yield from`: close() for generators, else its close method if any.
void close_iter(Value it);

// g.throw(exc) with [exc] an exception instance (stolen): delegates to the subiterator of a
// `yield from` first, as CPython's _gen_throw.
Value generator_throw(Generator* g, Value exc_in) {
  Ref exc = Ref::steal(exc_in);
  GenState prev = gen_claim(g);
  if (prev == GenState::Closed) rt::raise(exc.release());
  Value yf = prev == GenState::Suspended ? yieldfrom_of(g) : Value::null();
  if (!yf.is_null()) {
    Ref sub = Ref::borrow(yf);
    Ref err, returned;
    try {
      if (matches(exc.get(), &rt::exc_GeneratorExit)) {
        close_iter(sub.get());
        gen_set_state(g, GenState::Suspended);
        return generator_resume(g, rt::None(), exc.release());
      }
      Value r;
      if (rt::type_of(sub.get()) == &generator_type) {
        r = generator_throw(sub.as<Generator>(), new_ref(exc.get()));
        if (generator_returned()) returned = Ref::steal(r);
      } else {
        Ref meth = Ref::steal(rt::getattr_opt(sub.get(), rt::str_intern("throw")));
        if (!meth) {
          gen_set_state(g, GenState::Suspended);
          return generator_resume(g, rt::None(), exc.release());
        }
        rt::BaseException* be = exc.as<rt::BaseException>();
        Value args[3] = {Value::from_obj(rt::type_of(exc.get())), exc.get(),
                         be->traceback ? Value::from_obj(be->traceback) : rt::None()};
        r = rt::call(meth.get(), args, 3);
      }
      gen_set_state(g, GenState::Suspended);
      if (!returned) return r;
    } catch (rt::PyError& e) {
      if (gen_state(g) != GenState::Running) throw;
      gen_set_state(g, GenState::Suspended);
      err = Ref::steal(e.take());
    }
    // The subiterator finished: pop it and continue the outer frame after `yield from` with
    // its value, or raise its exception there.
    Value* top = g->saved() + g->code->nlocalsplus + g->nstack - 1;
    Value old = *top;
    *top = Value::null();
    --g->nstack;
    rt::decref(old);
    if (returned || matches(err.get(), &rt::exc_StopIteration)) {
      Ref v = returned ? returned : Ref::steal(stop_value(err.get()));
      g->ip = arg_of(g->code->code[g->ip - 2]);
      return generator_resume(g, v.get(), Value::null());
    }
    return generator_resume(g, rt::None(), err.release());
  }
  gen_set_state(g, prev);  // generator_resume claims it again
  return generator_resume(g, rt::None(), exc.release());
}

// Whether the yield [g] is suspended at is covered by an exception handler (try, with).
bool in_try_region(Generator* g) {
  uint32_t idx = g->ip - 1;
  for (const ExceptionEntry& e : g->code->exception_table)
    if (e.start <= idx && idx < e.end) return true;
  return false;
}

// g.close(): raises GeneratorExit at the yield; RuntimeError if the generator yields again.
void generator_close(Generator* g) {
  GenState prev = gen_claim(g);
  if (prev == GenState::Closed) return;
  if (prev == GenState::Created) {
    release_saved(g);
    gen_set_state(g, GenState::Closed);
    return;
  }
  Ref err;
  Value yf = yieldfrom_of(g);
  if (!yf.is_null()) {
    Ref sub = Ref::borrow(yf);
    try {
      close_iter(sub.get());
    } catch (rt::PyError& e) {
      err = Ref::steal(e.take());
    }
  }
  if (!err && !in_try_region(g)) {
    // GeneratorExit would leave the frame at once: finish it without running it (as
    // CPython 3.12 does), which matters for genexps abandoned by any() and all().
    release_saved(g);
    gen_set_state(g, GenState::Closed);
    return;
  }
  gen_set_state(g, GenState::Suspended);  // generator_resume claims it again
  Value exc = err ? err.release() : rt::call0(Value::from_obj(&rt::exc_GeneratorExit));
  Value r;
  try {
    r = generator_resume(g, rt::None(), exc);
  } catch (rt::PyError& e) {
    if (matches(e.exc(), &rt::exc_StopIteration) || matches(e.exc(), &rt::exc_GeneratorExit)) return;
    throw;
  }
  rt::decref(r);
  if (!generator_returned()) rt::raise_msg(&rt::exc_RuntimeError, "generator ignored GeneratorExit");
}

void close_iter(Value it) {
  if (rt::type_of(it) == &generator_type) {
    generator_close(it.as<Generator>());
    return;
  }
  Ref meth = Ref::steal(rt::getattr_opt(it, rt::str_intern("close")));
  if (meth) rt::decref(rt::call0(meth.get()));
}

// The exception instance for throw(typ[, val[, tb]]), as CPython's _gen_throw normalises it.
Value make_throw_exception(const Value* args, size_t nargs) {
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : rt::None();
  if (rt::type_of(typ)->flags & rt::kTypeTypeSubclass || rt::type_of(typ) == &rt::type_type) {
    rt::Type* t = typ.as<rt::Type>();
    if (rt::is_subtype(t, &rt::exc_BaseException)) {
      if (rt::isinstance(val, t)) return new_ref(val);
      if (val == rt::None()) return rt::call0(typ);
      if (rt::type_of(val) == &rt::tuple_type) {
        rt::Tuple* tu = val.as<rt::Tuple>();
        return rt::call(typ, tu->items(), tu->size);
      }
      return rt::call1(typ, val);
    }
  } else if (rt::exception_check(typ)) {
    if (val != rt::None())
      rt::raise_msg(&rt::exc_TypeError, "instance exception may not have a separate value");
    return new_ref(typ);
  }
  rt::raise_fmt(&rt::exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not {}",
                rt::type_name(typ));
}

Generator* self_gen(const Value* args, size_t nargs, const char* name) {
  if (nargs == 0 || rt::type_of(args[0]) != &generator_type)
    rt::raise_fmt(&rt::exc_TypeError, "descriptor '{}' requires a 'generator' object", name);
  return args[0].as<Generator>();
}

void check_nargs(const char* name, size_t given, size_t lo, size_t hi) {
  if (given >= lo && given <= hi) return;
  if (lo == hi)
    rt::raise_fmt(&rt::exc_TypeError, "{}() takes exactly one argument ({} given)", name, given);
  rt::raise_fmt(&rt::exc_TypeError, "{} expected at least {} argument{}, got {}", name, lo, lo == 1 ? "" : "s",
                given);
}

Value m_send(const Value* args, size_t nargs, rt::Tuple* kwnames) {
  rt::no_kwargs("send", kwnames);
  Generator* g = self_gen(args, nargs, "send");
  check_nargs("send", nargs - 1, 1, 1);
  return generator_send(g, args[1]);
}

Value m_throw(const Value* args, size_t nargs, rt::Tuple* kwnames) {
  rt::no_kwargs("throw", kwnames);
  Generator* g = self_gen(args, nargs, "throw");
  if (nargs < 2 || nargs > 4) check_nargs("throw", nargs - 1, 1, 3);
  Value r = generator_throw(g, make_throw_exception(args + 1, nargs - 1));
  if (generator_returned()) raise_stop(r);
  return r;
}

Value m_close(const Value* args, size_t nargs, rt::Tuple* kwnames) {
  rt::no_kwargs("close", kwnames);
  Generator* g = self_gen(args, nargs, "close");
  if (nargs != 1) rt::raise_fmt(&rt::exc_TypeError, "generator.close() takes no arguments ({} given)", nargs - 1);
  generator_close(g);
  return rt::None();
}

Value m_next(const Value* args, size_t nargs, rt::Tuple* kwnames) {
  rt::no_kwargs("__next__", kwnames);
  Generator* g = self_gen(args, nargs, "__next__");
  return generator_send(g, rt::None());
}

Value m_iter(const Value* args, size_t nargs, rt::Tuple* kwnames) {
  rt::no_kwargs("__iter__", kwnames);
  return new_ref(Value::from_obj(self_gen(args, nargs, "__iter__")));
}

// Prints an exception raised while a collected generator was closed, as CPython's
// unraisable hook: "Exception ignored in: <generator object ...>" and the traceback.
void write_unraisable(Value exc, Generator* g) {
  Ref e = Ref::steal(exc);
  std::string where;
  try {
    where = rt::repr_string(Value::from_obj(g));
  } catch (rt::PyError& err) {
    rt::decref(err.take());
  }
  print_unraisable(e.get(), where);
}

void gen_dealloc(rt::Object* o) {
  Generator* g = static_cast<Generator*>(o);
  if (gen_state(g) == GenState::Suspended) {
    rt::resurrect(o);
    try {
      generator_close(g);
    } catch (rt::PyError& e) {
      write_unraisable(e.take(), g);
    }
    if (!rt::unresurrect(o)) return;
  }
  if (gen_state(g) == GenState::Created || gen_state(g) == GenState::Suspended) release_saved(g);
  rt::decref(g->exc_state);
  rt::decref(g->func);
  rt::decref(g->code);
  rt::decref(g->name);
  rt::decref(g->qualname);
  rt::object_free(o);
}

// The cycle collector's slots. While running, the frame's slots live on the value stack (and
// the frame holds the generator), so only a created or suspended generator's are visited;
// clearing one drops them without running its finally blocks.
void gen_traverse(rt::Object* o, rt::GcVisitFn visit, void* arg) {
  Generator* g = static_cast<Generator*>(o);
  visit(Value::from_obj(g->func), arg);
  visit(g->exc_state, arg);
  if (gen_state(g) == GenState::Created || gen_state(g) == GenState::Suspended) {
    Value* s = g->saved();
    size_t n = g->code->nlocalsplus + g->nstack;
    for (size_t i = 0; i < n; ++i) visit(s[i], arg);
  }
}

void gen_clear(rt::Object* o) {
  Generator* g = static_cast<Generator*>(o);
  if (gen_state(g) == GenState::Running) return;
  if (gen_state(g) != GenState::Closed) {
    gen_set_state(g, GenState::Closed);
    release_saved(g);
  }
  Value e = g->exc_state;
  g->exc_state = Value::null();
  rt::decref(e);
}

Value gen_repr(Value self) {
  Generator* g = self.as<Generator>();
  return rt::str_value(fmt::format("<generator object {} at {}>", g->qualname->view(), static_cast<const void*>(g)));
}

Value gen_iter(Value self) { return new_ref(self); }

// The next slot: null when the generator returns (its value is dropped, as a for loop does).
Value gen_iternext(Value self) {
  Generator* g = self.as<Generator>();
  if (gen_state(g) == GenState::Closed) return Value::null();
  Value r = generator_resume(g, rt::None(), Value::null());  // raises if it is running
  if (generator_returned()) {
    rt::decref(r);
    return Value::null();
  }
  return r;
}

Value gen_getattr(Value self, Str* name) {
  Generator* g = self.as<Generator>();
  std::string_view n = name->view();
  if (n == "__name__") return new_ref(Value::from_obj(g->name));
  if (n == "__qualname__") return new_ref(Value::from_obj(g->qualname));
  if (n == "gi_running") return rt::from_bool(gen_state(g) == GenState::Running);
  if (n == "gi_suspended") return rt::from_bool(gen_state(g) == GenState::Suspended);
  if (n == "gi_code") return new_ref(Value::from_obj(g->code));
  if (n == "gi_yieldfrom") {
    Value yf = generator_yieldfrom(g);
    return yf.is_null() ? rt::None() : new_ref(yf);
  }
  return rt::generic_getattr(self, name);
}

}  // namespace

Generator* generator_new(rt::Function* fn, Value* localsplus) {
  Code* co = fn->code;
  size_t nslots = size_t(co->nlocalsplus) + co->stacksize;
  Generator* g = rt::alloc_object<Generator>(&generator_type, nslots * sizeof(Value));
  rt::incref(fn);
  g->func = fn;
  rt::incref(co);
  g->code = co;
  rt::incref(fn->name);
  g->name = fn->name;
  rt::incref(fn->qualname);
  g->qualname = fn->qualname;
  g->exc_state = Value::null();
  g->prev_exc = Value::null();
  gen_set_state(g, GenState::Created);
  std::memcpy(static_cast<void*>(g->saved()), localsplus, co->nlocalsplus * sizeof(Value));
  for (uint32_t i = 0; i < co->nlocalsplus; ++i) localsplus[i] = Value::null();
  for (size_t i = co->nlocalsplus; i < nslots; ++i) g->saved()[i] = Value::null();
  return g;
}

Value generator_yieldfrom(Generator* g) {
  return gen_state(g) == GenState::Suspended ? yieldfrom_of(g) : Value::null();
}

GenState gen_claim_slow(Generator* g) {
  GenState s = gen_state(g);
#if MINIPY_FREE_THREADED
  for (;;) {
    if (s == GenState::Running) already_executing();
    if (s == GenState::Closed) return s;
    if (std::atomic_ref<GenState>(g->state).compare_exchange_weak(s, GenState::Running, std::memory_order_acquire,
                                                                  std::memory_order_acquire))
      return s;
  }
#else
  if (s == GenState::Running) already_executing();
  return s;  // closed
#endif
}

Value generator_send(Generator* g, Value v) {
  if (gen_state(g) == GenState::Closed) rt::raise(Value::from_obj(&rt::exc_StopIteration));
  if (gen_state(g) == GenState::Created && v != rt::None())
    rt::raise_msg(&rt::exc_TypeError, "can't send non-None value to a just-started generator");
  Value r = generator_resume(g, v, Value::null());
  if (generator_returned()) raise_stop(r);
  return r;
}

void init_generator_type() {
  rt::Type* t = &generator_type;
  rt::type_init_static(t, "generator", &rt::object_type, sizeof(Generator));
  t->dealloc = gen_dealloc;
  t->repr = gen_repr;
  t->iter = gen_iter;
  t->next = gen_iternext;
  t->getattr = gen_getattr;
  t->traverse = gen_traverse;
  t->clear = gen_clear;
  rt::type_ready(t);
  rt::type_add_method(t, "send", m_send);
  rt::type_add_method(t, "throw", m_throw);
  rt::type_add_method(t, "close", m_close);
  rt::type_add_method(t, "__next__", m_next);
  rt::type_add_method(t, "__iter__", m_iter);
}

}  // namespace vm
