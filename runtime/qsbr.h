// Quiescent-state-based reclamation (free-threaded build): references that a thread may still
// be about to use without holding a lock are dropped only once every thread has passed a safe
// point since they became unreachable. CPython 3.13t frees list and dict storage this way.
//
// minipy-ft uses it for the values of module dicts: LoadGlobal's inline cache hands out a
// module global without locking the module dict, and counts it afterwards (vm/attr_cache.h).
// A thread that replaces or deletes that global meanwhile must not free the old value under
// the reader's feet, so the dict's reference is released through qsbr_decref.
//
//   - A global write sequence [wr_seq] is incremented by every deferral; the deferred reference
//     waits for goal = the new sequence.
//   - Each thread records the sequence it saw at its last quiescent state (a safe point of the
//     interpreter loop, where it holds no borrowed reference); a detached thread (blocked in a
//     call) is offline and holds none either.
//   - A deferred reference is released once every online thread has seen its goal.
// The deferring thread asks the others for a quiescent state through their eval-breaker bit,
// and releases its ready references at its own safe points.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/object.h"

namespace rt {

#if MINIPY_FREE_THREADED
// Registers the calling thread; [breaker_bit] in [eval_breaker] asks it for a quiescent state.
void qsbr_thread_start(std::atomic<uint32_t>* eval_breaker, uint32_t breaker_bit);
// At thread exit (still attached): its pending references go to the other threads.
void qsbr_thread_exit();
// Attach and detach (vm/gil.cpp): a detached thread holds no borrowed reference.
void qsbr_online();
void qsbr_offline();
// At a safe point whose eval breaker had [breaker_bit]: reports the quiescent state and
// releases the calling thread's references that every thread has now passed.
void qsbr_quiescent();
// Drops one reference to [o] once every thread has passed a quiescent state (at once when
// only one thread runs).
void qsbr_decref(Object* o);
// How many references wait (tests).
size_t qsbr_pending();
#else
inline void qsbr_decref(Object* o) { decref(o); }
#endif

}  // namespace rt
