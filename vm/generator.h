// Generator objects: calling a generator function binds its arguments and returns a
// Generator holding the suspended frame's slots (locals, then the evaluation stack). Resuming
// copies them onto the thread's value stack and runs the frame there (vm/interp.cpp); a yield
// copies them back. Ordinary calls stay unchanged and generator resumption allocates nothing.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/critical_section.h"
#include "vm/frame.h"

namespace vm {

enum class GenState : uint8_t { Created, Suspended, Running, Closed };

struct Generator : rt::Object {
  rt::Function* func;    // the generator function (its code, globals, builtins, closure)
  Code* code;
  rt::Str* name;
  rt::Str* qualname;
  rt::Value exc_state;   // while suspended: the exception its except block was handling
  rt::Value prev_exc;    // while running: the handled exception of whoever resumed it
  uint32_t ip;           // index of the instruction to resume at
  uint32_t nstack;       // saved evaluation-stack depth
  GenState state;
  // Saved slots: code->nlocalsplus locals, then up to code->stacksize stack values. Only the
  // first nlocalsplus + nstack are owned (while not running).
  rt::Value* saved() { return reinterpret_cast<rt::Value*>(this + 1); }
};

extern rt::Type generator_type;

// The state, read and written atomically in the free-threaded build, where threads sharing a
// generator may try to resume it at once. What a yield saves is published by the store of
// Suspended (release) and seen by the next thread that claims the generator (acquire).
inline GenState gen_state(const Generator* g) {
#if MINIPY_FREE_THREADED
  return std::atomic_ref<const GenState>(g->state).load(std::memory_order_acquire);
#else
  return g->state;
#endif
}
inline void gen_set_state(Generator* g, GenState s) {
#if MINIPY_FREE_THREADED
  std::atomic_ref<GenState>(g->state).store(s, std::memory_order_release);
#else
  g->state = s;
#endif
}
// Takes [g] from created or suspended to running for the calling thread and returns the state
// it had, or returns Closed and changes nothing. Raises ValueError ("generator already
// executing") if it is running, in this thread or another: the free-threaded build makes the
// change with a compare-and-swap, so two threads never run one generator together (as
// CPython 3.14t's gen_try_set_executing).
GenState gen_claim_slow(Generator* g);
inline GenState gen_claim(Generator* g) {
  GenState s = gen_state(g);
  // While one thread runs (always, in the GIL build), nobody can claim it meanwhile.
  if (s == GenState::Running || s == GenState::Closed || rt::object_locks_active()) [[unlikely]]
    return gen_claim_slow(g);
  gen_set_state(g, GenState::Running);
  return s;
}

// A new generator for [fn] whose bound arguments are the [fn->code->nlocalsplus] owned values
// at [localsplus]; they are moved into the generator (and the slots nulled).
Generator* generator_new(rt::Function* fn, rt::Value* localsplus);

// Resumes [g] from C++ with [sent] (borrowed) as the value of its yield, or by raising
// [throw_exc] (stolen; null for none) at the yield. Returns the yielded value, or the return
// value when the generator finished (its state is then Closed). Exceptions propagate.
// Defined in vm/interp.cpp; it claims [g] (gen_claim): one another thread closed meanwhile
// raises [throw_exc], or StopIteration.
rt::Value generator_resume(Generator* g, rt::Value sent, rt::Value throw_exc);
// Whether the generator_resume (or generator_throw) that just returned on this thread ended
// with the generator finishing, rather than yielding. Not gen_state(g) == Closed: another
// thread may resume the generator, and finish it, as soon as this one has yielded.
inline thread_local bool tls_gen_returned = false;
inline bool generator_returned() { return tls_gen_returned; }

// g.send(v): the yielded value; StopIteration(value) when it returns. Raises CPython's
// errors for a running generator or a non-None value sent to a just-started one.
rt::Value generator_send(Generator* g, rt::Value v);

// The subiterator [g] delegates to while suspended in `yield from` (borrowed), or null.
rt::Value generator_yieldfrom(Generator* g);

// Readies generator_type (called from init_vm_types).
void init_generator_type();

}  // namespace vm
