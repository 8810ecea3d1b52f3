// The thread hooks of biased reference counting (free-threaded build; runtime/refcount.cpp).
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/object.h"

namespace rt {

#if MINIPY_FREE_THREADED
// Registers the calling thread (id [id], now tls_thread_id) as an owner: decrements other
// threads cannot apply are queued to it, and [breaker_bit] is set in [eval_breaker] so that it
// merges them (refcount_merge_queued) at its next safe point.
void refcount_thread_start(uint32_t id, std::atomic<uint32_t>* eval_breaker, uint32_t breaker_bit);
// Merges the objects queued to the calling thread (freeing those whose count reaches zero).
void refcount_merge_queued();
// At thread exit: merges the queue and unregisters the thread (later merges of its objects
// are done by the threads that queue them).
void refcount_thread_exit();
// Before the first thread starts (the caller is the only thread): [o], a module global, is
// counted per thread from now on (kOwnerPerThread, runtime/object.h), so that threads using
// it do not all write one count. False when the 255 slots are taken or [o] does not qualify.
bool refcount_share(Object* o);
bool refcount_shared_full();  // all 255 slots are taken
// When the caller is the only thread left (every other one has exited, adding its counts):
// the shared objects become the caller's again, counted exactly, and those no reference is
// left to are freed now.
void refcount_unshare_all();
// With the world stopped (cycle collector): adds every thread's counts of the shared objects
// into their [shared] count and frees those no reference is left to.
void refcount_fold_shared();
#endif

}  // namespace rt
