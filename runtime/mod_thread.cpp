// The _thread module (start_new_thread, allocate_lock, LockType, RLock, get_ident,
// get_native_id, _count) and the native-thread machinery behind every threading module:
// spawning OS threads with their own thread state, blocking waits that release the GIL, and
// waiting for non-daemon threads at exit.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/gc.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "runtime/refcount.h"
#include "runtime/threads.h"
#include "vm/gil.h"
#include "vm/interp.h"

namespace rt {

Type lock_type, rlock_type;

namespace {

// Threads started and not finished: non-daemon ones keep the process alive.
std::mutex g_threads_mutex;
std::condition_variable g_threads_cv;
int g_nondaemon = 0;
int g_daemon = 0;
int g_running = 0;  // every thread started here, for _thread._count()

}  // namespace

bool wait_released(std::condition_variable& cv, std::unique_lock<std::mutex>& lock, Seconds timeout,
                   const std::function<bool()>& ready) {
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(timeout < 0 ? 0 : timeout));
  // Another thread may take what became ready between the wake-up and retaking [lock] (the
  // GIL first): then wait again, until the deadline.
  while (!ready()) {
    if (timeout >= 0 && std::chrono::steady_clock::now() >= deadline) return false;
    lock.unlock();
    {
      vm::GilRelease released;
      lock.lock();
      if (timeout < 0)
        cv.wait(lock, ready);
      else
        cv.wait_until(lock, deadline, ready);
      lock.unlock();
    }
    // Retake [lock] only once the GIL is back, so no thread holds it while waiting for the GIL.
    lock_released(lock);
  }
  return true;
}

void lock_released(std::unique_lock<std::mutex>& lock) {
  while (!lock.try_lock()) {
    vm::GilRelease released;
    lock.lock();
    lock.unlock();
  }
}

bool NativeLock::acquire(Seconds timeout) {
  // Held briefly by another thread (a `with lock:` around a few operations): spin first,
  // reading the word until it looks free, so the spinning does not take its cache line away
  // from the holder.
  for (int i = 0; i < 200; ++i) {
    if (state_.load(std::memory_order_relaxed) == kUnlocked && try_acquire()) return true;
    __builtin_ia32_pause();
  }
  if (timeout == 0) return false;
  std::unique_lock<std::mutex> lock(m_);
  // Marks the lock contended while trying to take it, so that its holder's release wakes us.
  // wait_released evaluates the predicate more than once: remember the success.
  bool taken = false;
  return wait_released(cv_, lock, timeout, [this, &taken] {
    if (!taken) taken = state_.exchange(kContended, std::memory_order_acquire) == kUnlocked;
    return taken;
  });
}

bool NativeLock::release() {
  int prev = state_.exchange(kUnlocked, std::memory_order_release);
  if (prev == kUnlocked) return false;
  if (prev == kContended) {
    // A waiter checks the state and sleeps while holding [m_]: taking it here means the waiter
    // is either asleep (and gets the notification) or has not looked yet (and will see it).
    { std::lock_guard<std::mutex> g(m_); }
    cv_.notify_all();
  }
  return true;
}

Seconds timeout_arg(Value v) {
  if (v.is_null() || v == None()) return -1;
  double t = float_from_value(v);
  if (t < 0) raise_msg(&exc_ValueError, "timeout value must be a non-negative number");
  return t;
}

Seconds lock_timeout_seconds(Value v) {
  if (v.is_double()) {
    double d = v.as_double();
    if (std::isnan(d)) raise_msg(&exc_ValueError, "Invalid value NaN (not a number)");
    if (!(std::fabs(d * 1e9) < 9.2233720368547758e18))
      raise_msg(&exc_OverflowError, "timestamp out of range for platform time_t");
    return d;
  }
  int64_t n = 0;
  bool fits = int_check(v) ? int_to_i64(v, &n) : (n = int_arg(v), true);
  if (!fits || n > INT64_MAX / 1000000000 || n < INT64_MIN / 1000000000)
    raise_msg(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
  return double(n);
}

Seconds timeout_number(Value v, CmpOp op, bool zero_left) {
  if (!v.is_double() && !int_check(v)) {
    Value zero = Value::from_int(0);
    decref(zero_left ? compare(zero, v, op) : compare(v, zero, op));
  }
  return float_from_value(v);
}

Value call_with_kwargs(Value f, Value args, Value kwargs) {
  Tuple* a = args.as<Tuple>();
  if (kwargs.is_null() || kwargs == None() || kwargs.as<Dict>()->used == 0)
    return call(f, a->items(), a->size);
  Dict* kw = kwargs.as<Dict>();
  std::vector<Value> flat(a->items(), a->items() + a->size);
  Ref names = Ref::steal(Value::from_obj(tuple_new(kw->used)));
  size_t pos = 0, i = 0;
  Value k, v;
  while (dict_next(kw, &pos, &k, &v)) {
    if (!str_check(k)) raise_msg(&exc_TypeError, "keywords must be strings");
    incref(k);
    names.as<Tuple>()->items()[i++] = k;
    flat.push_back(v);
  }
  return call(f, flat.data(), a->size, names.as<Tuple>());
}

uint64_t current_ident() {
  return vm::current_thread()->ident;
}

#if MINIPY_FREE_THREADED
// Whether module globals are counted per thread (refcount_share) and whether the last thread
// has exited since; guarded by g_threads_mutex.
bool g_globals_shared = false;
bool g_unshare_requested = false;

// When a program that had one thread starts a second: the values of module globals (the
// __main__ module's first) are counted per thread from now on, since threads load them all
// the time. Called with g_threads_mutex held, by the only thread running.
static void share_module_globals() {
  if (g_globals_shared || vm::gil_enabled()) return;
  g_globals_shared = true;
  std::vector<Dict*> dicts;
  Value main = dict_get_str(vm::interp.modules, str_intern("__main__"));
  if (!main.is_null() && main.as_obj()->type == &module_type) dicts.push_back(main.as<Module>()->dict);
  size_t pos = 0;
  Value k, v;
  while (dict_next(vm::interp.modules, &pos, &k, &v))
    if (v.is_obj() && v.as_obj()->type == &module_type && v != main) dicts.push_back(v.as<Module>()->dict);
  for (Dict* d : dicts) {
    pos = 0;
    while (dict_next(d, &pos, &k, &v))
      if (v.is_obj() && !refcount_share(v.as_obj()) && refcount_shared_full()) return;
  }
}

// g_threads_mutex held.
static void threads_unshare_locked() {
  if (!g_globals_shared || g_running != 0) return;
  refcount_unshare_all();
  g_globals_shared = false;
  g_unshare_requested = false;
}

void threads_unshare_if_alone() {
  if (vm::current_thread() != vm::main_thread_state()) return;
  std::lock_guard<std::mutex> g(g_threads_mutex);
  if (g_unshare_requested) threads_unshare_locked();
}
#endif

void spawn_thread(std::function<void()> body, bool daemon, std::function<void()> after_exit) {
#if MINIPY_FREE_THREADED
  gc_immortalize_deferred();  // from now on threads share functions and modules
#endif
  {
    std::lock_guard<std::mutex> g(g_threads_mutex);
#if MINIPY_FREE_THREADED
    if (g_running == 0) {  // the caller is alone: the previous threads' sharing can end here
      threads_unshare_locked();
      share_module_globals();
    }
#endif
    ++(daemon ? g_daemon : g_nondaemon);
    ++g_running;
    object_locks_enable();  // runtime/critical_section.h: from now on sections lock
  }
  auto run = [body = std::move(body), daemon, after_exit = std::move(after_exit)]() {
    vm::ThreadState* ts = vm::thread_state_init();
    vm::trace_thread_begin();
    vm::thread_attach(ts);
    body();
    vm::trace_thread_end();
    vm::thread_state_exit();  // detaches
    std::lock_guard<std::mutex> g(g_threads_mutex);
    --(daemon ? g_daemon : g_nondaemon);
    if (--g_running == 0) {  // the main thread is alone again
      object_locks_disable();
#if MINIPY_FREE_THREADED
      if (g_globals_shared) {
        g_unshare_requested = true;  // done by the main thread at its next safe point
        vm::main_thread_state()->eval_breaker.fetch_or(vm::kBreakMergeRefs, std::memory_order_relaxed);
      }
#endif
    }
    g_threads_cv.notify_all();
    if (after_exit) after_exit();
  };
  try {
    std::thread(std::move(run)).detach();
  } catch (const std::system_error&) {
    std::lock_guard<std::mutex> g(g_threads_mutex);
    --(daemon ? g_daemon : g_nondaemon);
    if (--g_running == 0) object_locks_disable();
    raise_msg(&exc_RuntimeError, "can't start new thread");
  }
}

bool wait_for_threads() {
  std::unique_lock<std::mutex> lock(g_threads_mutex);
  wait_released(g_threads_cv, lock, -1, [] { return g_nondaemon == 0; });
  return g_daemon > 0;
}

void report_thread_exception(std::string_view name, Value exc) {
  if (isinstance(exc, &exc_SystemExit)) return;
  try {
    io_flush_all();
    io_write(io_stderr(), fmt::format("Exception in thread {}:\n", name));
    vm::print_exception(exc);
    io_flush_all();
  } catch (PyError&) {
  }
}

namespace {

// ---- _thread.lock -------------------------------------------------------------------------

struct LockObj : Object {
  NativeLock* lock;
};

LockObj* as_lock(Value v) {
  return v.as<LockObj>();
}

void lock_dealloc(Object* o) {
  delete static_cast<LockObj*>(o)->lock;
  object_free(o);
}

// acquire(blocking=True, timeout=-1) as Lock.acquire and RLock.acquire parse them.
Seconds acquire_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0 && (kwnames == nullptr || kwnames->size == 0)) return -1;  // `with lock:`
  Value a[2];
  parse_args(fname, args, nargs, kwnames, {"blocking", "timeout"}, 0, a);
  bool blocking = a[0].is_null() || int_arg(a[0]) != 0;
  double timeout = -1;
  if (!a[1].is_null()) timeout = lock_timeout_seconds(a[1]);
  if (!blocking) {
    if (timeout != -1)
      raise_msg(&exc_ValueError, "can't specify a timeout for a non-blocking call");
    return 0;
  }
  if (timeout < 0 && timeout != -1) raise_msg(&exc_ValueError, "timeout value must be positive");
  return timeout;
}

Value lock_acquire(const Value* args, size_t nargs, Tuple* kwnames) {
  Seconds t = acquire_args("acquire", args + 1, nargs - 1, kwnames);
  NativeLock* l = as_lock(args[0])->lock;
  if (l->try_acquire()) return True();
  if (t == 0) return False();
  return from_bool(l->acquire(t));
}

Value lock_release(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("lock.release", nargs - 1, kwnames);
  if (!as_lock(args[0])->lock->release()) raise_msg(&exc_RuntimeError, "release unlocked lock");
  return None();
}

Value lock_exit(const Value* args, size_t nargs, Tuple* kwnames) {
  if (!as_lock(args[0])->lock->release()) raise_msg(&exc_RuntimeError, "release unlocked lock");
  return None();
}

Value lock_locked(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("lock.locked", nargs - 1, kwnames);
  return from_bool(as_lock(args[0])->lock->locked());
}

Value lock_repr(Value self) {
  return str_value(fmt::format("<{} _thread.lock object at {}>",
                               as_lock(self)->lock->locked() ? "locked" : "unlocked",
                               static_cast<const void*>(self.as_obj())));
}

Value lock_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  raise_msg(&exc_TypeError, "cannot create '_thread.lock' instances");
}

// ---- _thread.RLock ------------------------------------------------------------------------

// A reentrant lock: [owner] is the ident of the holding thread, [count] its depth. Only the
// owner reads or writes [owner]/[count] while it holds [lock], so they need no extra guard
// beyond being atomic for the "is it mine?" check.
struct RLockObj : Object {
  NativeLock* lock;
  std::atomic<uint64_t>* owner;
  uint64_t count;
};

RLockObj* as_rlock(Value v) {
  return v.as<RLockObj>();
}

void rlock_dealloc(Object* o) {
  auto* r = static_cast<RLockObj*>(o);
  delete r->lock;
  delete r->owner;
  object_free(o);
}

// Only the owner reads or writes [count]: other threads see the owner change first.
bool rlock_owned(RLockObj* r) {
  return r->owner->load(std::memory_order_relaxed) == current_ident() && r->count > 0;
}

Value rlock_acquire(const Value* args, size_t nargs, Tuple* kwnames) {
  Seconds t = acquire_args("acquire", args + 1, nargs - 1, kwnames);
  RLockObj* r = as_rlock(args[0]);
  if (rlock_owned(r)) {
    ++r->count;
    return True();
  }
  bool ok = r->lock->try_acquire() || (t != 0 && r->lock->acquire(t));
  if (!ok) return False();
  r->owner->store(current_ident(), std::memory_order_relaxed);
  r->count = 1;
  return True();
}

void rlock_release_one(RLockObj* r) {
  if (!rlock_owned(r)) raise_msg(&exc_RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner->store(0, std::memory_order_relaxed);
    r->lock->release();
  }
}

Value rlock_release(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("RLock.release", nargs - 1, kwnames);
  rlock_release_one(as_rlock(args[0]));
  return None();
}

Value rlock_exit(const Value* args, size_t nargs, Tuple* kwnames) {
  rlock_release_one(as_rlock(args[0]));
  return None();
}

// _release_save(): releases completely (for Condition.wait); returns (count, owner).
Value rlock_release_save(const Value* args, size_t nargs, Tuple* kwnames) {
  RLockObj* r = as_rlock(args[0]);
  if (!rlock_owned(r)) raise_msg(&exc_RuntimeError, "cannot release un-acquired lock");
  Tuple* t = tuple_new(2);
  t->items()[0] = int_from_i64(int64_t(r->count));
  t->items()[1] = int_from_i64(int64_t(r->owner->load(std::memory_order_relaxed)));
  r->count = 0;
  r->owner->store(0, std::memory_order_relaxed);
  r->lock->release();
  return Value::from_obj(t);
}

// _acquire_restore((count, owner)): the inverse of _release_save.
Value rlock_acquire_restore(const Value* args, size_t nargs, Tuple* kwnames) {
  RLockObj* r = as_rlock(args[0]);
  if (nargs != 2 || type_of(args[1]) != &tuple_type || args[1].as<Tuple>()->size != 2)
    raise_msg(&exc_TypeError, "_acquire_restore() argument must be a (count, owner) tuple");
  int64_t count = int_arg(args[1].as<Tuple>()->item(0));
  if (!r->lock->try_acquire()) r->lock->acquire(-1);
  r->owner->store(current_ident(), std::memory_order_relaxed);
  r->count = uint64_t(count);
  return None();
}

Value rlock_is_owned(const Value* args, size_t nargs, Tuple* kwnames) {
  return from_bool(rlock_owned(as_rlock(args[0])));
}

Value rlock_repr(Value self) {
  RLockObj* r = as_rlock(self);
  bool locked = r->count > 0;
  return str_value(fmt::format("<{} _thread.RLock object owner={} count={} at {}>",
                               locked ? "locked" : "unlocked", locked ? r->owner->load() : 0,
                               r->count, static_cast<const void*>(self.as_obj())));
}

Value rlock_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return rlock_new();  // as CPython's, ignores its arguments
}

// ---- module functions ---------------------------------------------------------------------

// start_new_thread(function, args[, kwargs]): runs function(*args, **kwargs) in a new thread
// (which, as in CPython, does not keep the process alive) and returns its ident, which the
// new thread publishes as soon as it runs.
Value t_start_new_thread(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("start_new_thread", kwnames);
  check_positional("start_new_thread", nargs, 2, 3);
  if (!callable_check(args[0])) raise_msg(&exc_TypeError, "first arg must be callable");
  if (type_of(args[1]) != &tuple_type) raise_msg(&exc_TypeError, "2nd arg must be a tuple");
  if (nargs == 3 && type_of(args[2]) != &dict_type)
    raise_msg(&exc_TypeError, "optional 3rd arg must be a dictionary");
  Ref f = Ref::borrow(args[0]);
  Ref a = Ref::borrow(args[1]);
  Ref kw = nargs == 3 ? Ref::borrow(args[2]) : Ref();
  auto ident =
      std::make_shared<std::pair<std::mutex, std::pair<std::condition_variable, uint64_t>>>();
  spawn_thread(
      [f, a, kw, ident]() mutable {
        {
          std::lock_guard<std::mutex> g(ident->first);
          ident->second.second = current_ident();
        }
        ident->second.first.notify_all();
        try {
          Ref r = Ref::steal(call_with_kwargs(f.get(), a.get(), kw.get()));
        } catch (PyError& e) {
          Ref exc = Ref::steal(e.take());
          if (!isinstance(exc.get(), &exc_SystemExit)) {
            try {
              io_write(io_stderr(), fmt::format("Unhandled exception in thread started by {}\n",
                                                repr_string(f.get())));
            } catch (PyError&) {
            }
            report_thread_exception("", exc.get());
          }
        }
        f = Ref();
        a = Ref();
        kw = Ref();
      },
      true);
  std::unique_lock<std::mutex> lock(ident->first);
  wait_released(ident->second.first, lock, -1, [&] { return ident->second.second != 0; });
  return int_from_i64(int64_t(ident->second.second));
}

Value t_allocate_lock(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_thread.allocate_lock", nargs, kwnames);
  return lock_new();
}

Value t_get_ident(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_thread.get_ident", nargs, kwnames);
  return int_from_i64(int64_t(current_ident()));
}

Value t_get_native_id(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_thread.get_native_id", nargs, kwnames);
  return int_from_i64(vm::current_thread()->native_id);
}

Value t_count(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_count", nargs, kwnames);
  std::lock_guard<std::mutex> g(g_threads_mutex);
  return Value::from_int(g_running);
}

Module* create_thread_module() {
  Module* m = module_new("_thread");
  Dict* d = m->dict;
  add_function(d, "start_new_thread", t_start_new_thread);
  add_function(d, "allocate_lock", t_allocate_lock);
  add_function(d, "get_ident", t_get_ident);
  add_function(d, "get_native_id", t_get_native_id);
  add_function(d, "_count", t_count);
  dict_set(d, Value::from_obj(str_intern("LockType")), Value::from_obj(&lock_type));
  dict_set(d, Value::from_obj(str_intern("lock")), Value::from_obj(&lock_type));
  dict_set(d, Value::from_obj(str_intern("RLock")), Value::from_obj(&rlock_type));
  dict_set(d, Value::from_obj(str_intern("error")), Value::from_obj(&exc_RuntimeError));
  dict_set(d, Value::from_obj(str_intern("TIMEOUT_MAX")), Value::from_double(9223372036.0));
  return m;
}

}  // namespace

Value lock_new() {
  LockObj* l = alloc_object<LockObj>(&lock_type);
  l->lock = new NativeLock();
  return Value::from_obj(l);
}

Value rlock_new() {
  RLockObj* r = alloc_object<RLockObj>(&rlock_type);
  r->lock = new NativeLock();
  r->owner = new std::atomic<uint64_t>(0);
  return Value::from_obj(r);
}

void init_threading_module();
void init_queue_module();

void init_thread_modules() {
  type_init_static(&lock_type, "_thread.lock", nullptr, sizeof(LockObj));
  lock_type.dealloc = lock_dealloc;
  lock_type.repr = lock_repr;
  lock_type.construct = lock_construct;
  type_ready(&lock_type);
  type_add_method(&lock_type, "acquire", lock_acquire);
  type_add_method(&lock_type, "acquire_lock", lock_acquire);
  type_add_method(&lock_type, "release", lock_release);
  type_add_method(&lock_type, "release_lock", lock_release);
  type_add_method(&lock_type, "locked", lock_locked);
  type_add_method(&lock_type, "__enter__", lock_acquire);
  type_add_method(&lock_type, "__exit__", lock_exit);

  type_init_static(&rlock_type, "_thread.RLock", nullptr, sizeof(RLockObj), kTypeBaseType);
  rlock_type.dealloc = rlock_dealloc;
  rlock_type.repr = rlock_repr;
  rlock_type.construct = rlock_construct;
  type_ready(&rlock_type);
  type_add_method(&rlock_type, "acquire", rlock_acquire);
  type_add_method(&rlock_type, "release", rlock_release);
  type_add_method(&rlock_type, "__enter__", rlock_acquire);
  type_add_method(&rlock_type, "__exit__", rlock_exit);
  type_add_method(&rlock_type, "_release_save", rlock_release_save);
  type_add_method(&rlock_type, "_acquire_restore", rlock_acquire_restore);
  type_add_method(&rlock_type, "_is_owned", rlock_is_owned);

  register_builtin_module("_thread", create_thread_module);
  init_threading_module();
  init_queue_module();
}

}  // namespace rt
