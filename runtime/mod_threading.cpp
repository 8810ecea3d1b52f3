// The threading module, native: Thread, Event, Condition, Semaphore, BoundedSemaphore,
// Barrier, local, Lock/RLock (from _thread), current_thread, main_thread, get_ident,
// get_native_id, active_count, enumerate, _register_atexit. Every wait releases the GIL
// (runtime/threads.h). No native mutex is ever held while Python code runs, so a GIL switch
// cannot deadlock.
#include <fmt/format.h>

#include <deque>
#include <memory>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/class.h"
#include "runtime/containers.h"
#include "runtime/core.h"
#include "runtime/io.h"
#include "runtime/ops.h"
#include "runtime/threads.h"
#include "vm/interp.h"
#include "vm/thread_state.h"
#include "vm/trace.h"

namespace rt {

Type thread_type, event_type, condition_type, semaphore_type, bounded_semaphore_type, barrier_type,
    local_type, exc_BrokenBarrierError;

namespace {

Str* intern(const char* s) {
  return str_intern(s);
}

// ---- Thread -------------------------------------------------------------------------------

// What a Thread shares with its OS thread: started/finished flags, ident, native id.
struct ThreadCtl {
  std::mutex m;
  std::condition_variable cv;
  bool started = false;
  bool finished = false;
  uint64_t ident = 0;
  int64_t native_id = 0;
};

struct ThreadObj : Object {
  Dict* dict;  // instance attributes, created on demand
  Value target, args, kwargs, name;
  bool daemon;
  bool start_called;
  bool initialized;  // Thread.__init__ ran (a subclass's __init__ may not call it)
  std::shared_ptr<ThreadCtl>* ctl;
};

ThreadObj* as_thread(Value v) {
  return v.as<ThreadObj>();
}
ThreadCtl& ctl_of(ThreadObj* t) {
  return **t->ctl;
}

// The running Thread objects by ident (threading._active), and the main thread's.
std::mutex g_active_mutex;
Dict* g_active = nullptr;
ThreadObj* g_main = nullptr;
int64_t g_counter = 0;  // Thread-N numbering
int64_t g_dummy_counter = 0;

void thread_dealloc(Object* o) {
  ThreadObj* t = static_cast<ThreadObj*>(o);
  if (t->dict) decref(t->dict);
  decref(t->target);
  decref(t->args);
  decref(t->kwargs);
  decref(t->name);
  delete t->ctl;
  object_free(o);
}

ThreadObj* thread_alloc(Type* type, Value name, bool daemon) {
  size_t size = type->basicsize < sizeof(ThreadObj) ? sizeof(ThreadObj) : type->basicsize;
  ThreadObj* t = alloc_object<ThreadObj>(type, size - sizeof(ThreadObj));
  t->target = Value::null();
  t->args = Value::null();
  t->kwargs = Value::null();
  t->name = name;
  t->daemon = daemon;
  t->initialized = true;
  t->ctl = new std::shared_ptr<ThreadCtl>(std::make_shared<ThreadCtl>());
  return t;
}

// "module.Qualname" of [self]'s class, as the reprs of threading's classes show it.
std::string class_path(Value self) {
  Value cls = Value::from_obj(type_of(self));
  Ref mod = Ref::steal(getattr(cls, intern("__module__")));
  Ref qual = Ref::steal(getattr(cls, intern("__qualname__")));
  return fmt::format("{}.{}", str_string(mod.get()), str_string(qual.get()));
}

void active_set(uint64_t ident, Value thread) {
  std::lock_guard<std::mutex> g(g_active_mutex);
  Ref key = Ref::steal(int_from_i64(int64_t(ident)));
  if (thread.is_null())
    dict_del(g_active, key.get());
  else
    dict_set(g_active, key.get(), thread);
}

// The Thread object of the calling thread (a dummy one for threads _thread started). New ref.
Value current_thread_obj() {
  uint64_t ident = current_ident();
  {
    std::lock_guard<std::mutex> g(g_active_mutex);
    Ref key = Ref::steal(int_from_i64(int64_t(ident)));
    Value t = dict_get(g_active, key.get());
    if (!t.is_null()) {
      incref(t);
      return t;
    }
  }
  ThreadObj* t =
      thread_alloc(&thread_type, str_value(fmt::format("Dummy-{}", ++g_dummy_counter)), true);
  t->start_called = true;
  ThreadCtl& c = ctl_of(t);
  c.started = true;
  c.ident = ident;
  c.native_id = vm::current_thread()->native_id;
  active_set(ident, Value::from_obj(t));
  return Value::from_obj(t);
}

bool current_is_daemon() {
  Ref cur = Ref::steal(current_thread_obj());
  return as_thread(cur.get())->daemon;
}

// Thread.__init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
// daemon=None)
void thread_set_up(ThreadObj* t, const Value* args, size_t nargs, Tuple* kwnames) {
  if (t->start_called) raise_msg(&exc_RuntimeError, "threads can only be started once");
  Value a[6];
  py_method_args("Thread.__init__", args, nargs, kwnames, {"group", "target", "name", "args", "kwargs", "daemon"},
                 0, a, 1);
  if (!a[0].is_null() && a[0] != None())
    raise_msg(&exc_AssertionError, "group argument must be None for now");
  Value target = a[1].is_null() ? None() : a[1];
  Ref name;
  if (!a[2].is_null() && a[2] != None()) {
    name = Ref::steal(str(a[2]));
  } else {
    std::string n = fmt::format("Thread-{}", ++g_counter);
    if (target != None()) {
      Ref tn = Ref::steal(getattr_opt(target, intern("__name__")));
      if (tn && str_check(tn.get())) n += fmt::format(" ({})", as_str(tn.get())->view());
    }
    name = Ref::steal(str_value(n));
  }
  bool daemon = (a[5].is_null() || a[5] == None()) ? current_is_daemon() : truthy(a[5]);
  Ref old_target = Ref::steal(t->target), old_args = Ref::steal(t->args);
  Ref old_kwargs = Ref::steal(t->kwargs), old_name = Ref::steal(t->name);
  t->name = name.release();
  t->daemon = daemon;
  t->target = target;
  incref(target);
  t->args = a[3].is_null() ? Value::from_obj(tuple_empty()) : a[3];
  incref(t->args);
  t->kwargs = a[4].is_null() ? None() : a[4];
  incref(t->kwargs);
  t->initialized = true;
}

// Thread(...) builds and sets up the thread. A subclass's instance is set up by __init__,
// the subclass's own (which calls Thread.__init__ with arguments of its choosing) or this
// one: built for a subclass, the thread is left uninitialized.
Value thread_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Ref self = Ref::steal(Value::from_obj(thread_alloc(type, str_value("Thread"), false)));
  ThreadObj* t = as_thread(self.get());
  t->initialized = false;
  if (type == &thread_type) thread_set_up(t, args, nargs, kwnames);
  return self.release();
}

Value thread_init(const Value* args, size_t nargs, Tuple* kwnames) {
  thread_set_up(as_thread(args[0]), args + 1, nargs - 1, kwnames);
  return None();
}

// run(): calls the target, then drops the references to it and its arguments.
Value thread_run(const Value* args, size_t nargs, Tuple* kwnames) {
  py_method_args("Thread.run", args + 1, nargs - 1, kwnames, {}, 0, nullptr);
  ThreadObj* t = as_thread(args[0]);
  Ref target = Ref::steal(t->target), targs = Ref::steal(t->args), tkw = Ref::steal(t->kwargs);
  t->target = None();
  t->args = Value::from_obj(tuple_empty());
  t->kwargs = None();
  // self._target(*self._args, **self._kwargs)
  if (target && target.get() != None()) decref(vm::call_star(target.get(), targs.get(), tkw.get()));
  return None();
}

// The body of a started thread: registers it, runs self.run(), reports an uncaught exception.
void thread_bootstrap(Ref self) {
  ThreadObj* t = as_thread(self.get());
  std::shared_ptr<ThreadCtl> ctl = *t->ctl;
  uint64_t ident = current_ident();
  {
    std::lock_guard<std::mutex> g(ctl->m);
    ctl->ident = ident;
    ctl->native_id = vm::current_thread()->native_id;
    ctl->started = true;
  }
  ctl->cv.notify_all();
  active_set(ident, self.get());
  vm::trace_thread_name(as_str(t->name)->view());
  try {
    Ref run = Ref::steal(getattr(self.get(), intern("run")));
    decref(call0(run.get()));
  } catch (PyError& e) {
    Ref exc = Ref::steal(e.take());
    report_thread_exception(as_str(t->name)->view(), exc.get());
  }
  vm::trace_thread_name(as_str(t->name)->view());  // it may have been renamed
  active_set(ident, Value::null());
  self = Ref();
}

Value thread_start(const Value* args, size_t nargs, Tuple* kwnames) {
  py_method_args("Thread.start", args + 1, nargs - 1, kwnames, {}, 0, nullptr);
  ThreadObj* t = as_thread(args[0]);
  if (!t->initialized) raise_msg(&exc_RuntimeError, "thread.__init__() not called");
  if (t->start_called) raise_msg(&exc_RuntimeError, "threads can only be started once");
  t->start_called = true;
  Ref self = Ref::borrow(args[0]);
  // join() returns once the thread has left the VM entirely (as CPython's waits for its
  // thread state to be deleted): a program that joined all its threads runs alone again.
  std::shared_ptr<ThreadCtl> ctl = *t->ctl;
  spawn_thread([self]() mutable { thread_bootstrap(std::move(self)); }, t->daemon, [ctl] {
    {
      std::lock_guard<std::mutex> g(ctl->m);
      ctl->finished = true;
    }
    ctl->cv.notify_all();
  });
  ThreadCtl& c = ctl_of(t);
  std::unique_lock<std::mutex> lock(c.m);
  wait_released(c.cv, lock, -1, [&] { return c.started; });
  return None();
}

Value thread_join(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Thread.join", args + 1, nargs - 1, kwnames, {"timeout"}, 0, a);
  ThreadObj* t = as_thread(args[0]);
  if (!t->initialized) raise_msg(&exc_RuntimeError, "Thread.__init__() not called");
  if (!t->start_called) raise_msg(&exc_RuntimeError, "cannot join thread before it is started");
  ThreadCtl& c = ctl_of(t);
  if (c.ident == current_ident() && !c.finished)
    raise_msg(&exc_RuntimeError, "cannot join current thread");
  Seconds timeout = -1;
  if (!a[0].is_null() && a[0] != None()) {
    timeout = std::max(0.0, timeout_number(a[0], CmpOp::Gt, true));  // max(timeout, 0)
  }
  {
    std::unique_lock<std::mutex> lock(c.m);
    wait_released(c.cv, lock, timeout, [&] { return c.finished; });
  }
#if MINIPY_FREE_THREADED
  threads_unshare_if_alone();  // the last thread joined: module globals counted exactly again
#endif
  return None();
}

// CPython's assertion in the accessors of a Thread whose __init__ did not run (a subclass's
// __init__ that does not call it).
void check_initialized(ThreadObj* t) {
  if (!t->initialized) raise_msg(&exc_AssertionError, "Thread.__init__() not called");
}

bool thread_alive(ThreadObj* t) {
  ThreadCtl& c = ctl_of(t);
  std::lock_guard<std::mutex> g(c.m);
  return c.started && !c.finished;
}

Value thread_is_alive(const Value* args, size_t nargs, Tuple* kwnames) {
  py_method_args("Thread.is_alive", args + 1, nargs - 1, kwnames, {}, 0, nullptr);
  check_initialized(as_thread(args[0]));
  return from_bool(thread_alive(as_thread(args[0])));
}

Value thread_getname(const Value* args, size_t nargs, Tuple* kwnames) {
  incref(as_thread(args[0])->name);
  return as_thread(args[0])->name;
}

Value thread_isdaemon(const Value* args, size_t nargs, Tuple* kwnames) {
  return from_bool(as_thread(args[0])->daemon);
}

Value thread_getattr(Value self, Str* name) {
  ThreadObj* t = as_thread(self);
  std::string_view n = name->view();
  if (n == "name" || n == "daemon" || n == "ident" || n == "native_id") check_initialized(t);
  if (n == "name") {
    incref(t->name);
    return t->name;
  }
  if (n == "daemon") return from_bool(t->daemon);
  if (n == "ident" || n == "native_id") {
    ThreadCtl& c = ctl_of(t);
    std::lock_guard<std::mutex> g(c.m);
    if (!c.started) return None();
    return int_from_i64(n == "ident" ? int64_t(c.ident) : c.native_id);
  }
  return generic_getattr_dict(self, name, t->dict);
}

void thread_setattr(Value self, Str* name, Value v) {
  ThreadObj* t = as_thread(self);
  std::string_view n = name->view();
  if (n == "name" && !v.is_null()) {
    Value s = str(v);
    decref(t->name);
    t->name = s;
    return;
  }
  if (n == "daemon" && !v.is_null()) {
    if (t->start_called) raise_msg(&exc_RuntimeError, "cannot set daemon status of active thread");
    t->daemon = truthy(v);
    return;
  }
  if (!t->dict) t->dict = dict_new();
  if (v.is_null()) {
    if (!dict_del(t->dict, Value::from_obj(name)))
      raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", type_name(self), n);
    return;
  }
  dict_set(t->dict, Value::from_obj(name), v);
}

Value thread_repr(Value self) {
  ThreadObj* t = as_thread(self);
  if (!t->initialized) raise_msg(&exc_AssertionError, "Thread.__init__() was not called");
  ThreadCtl& c = ctl_of(t);
  std::string status = "initial";
  bool has_ident;
  {
    std::lock_guard<std::mutex> g(c.m);
    if (c.started) status = "started";
    if (c.finished) status = "stopped";
    has_ident = c.started;
  }
  if (t->daemon) status += " daemon";
  if (has_ident) status += fmt::format(" {}", c.ident);
  std::string cls = t == g_main ? "_MainThread" : type_of(self)->name;
  return str_value(fmt::format("<{}({}, {})>", cls, as_str(t->name)->view(), status));
}

// A timeout as Condition.wait takes it (`if timeout > 0:`, else a non-blocking try).
Seconds wait_timeout(Value v) {
  if (v.is_null() || v == None()) return -1;
  return std::max(0.0, timeout_number(v, CmpOp::Gt));
}

// ---- Event --------------------------------------------------------------------------------

struct EventObj : Object {
  struct State {
    std::mutex m;
    std::condition_variable cv;
    bool flag = false;
  } * st;
};

void event_dealloc(Object* o) {
  delete static_cast<EventObj*>(o)->st;
  object_free(o);
}

// The types below are built by their construct slot, for themselves and for subclasses
// (sized for the subclass's instance dict). Arguments are taken by __init__, which a subclass
// may call with arguments of its own choosing: construct parses them only for the type itself.
Value event_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &event_type && (nargs != 0 || kw_count(kwnames) != 0))
    raise_fmt(&exc_TypeError, "Event.__init__() takes 1 positional argument but {} were given", nargs + 1);
  EventObj* e = alloc_instance<EventObj>(type);
  e->st = new EventObj::State();
  return Value::from_obj(e);
}

Value event_init(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1 || kw_count(kwnames) != 0)
    raise_fmt(&exc_TypeError, "Event.__init__() takes 1 positional argument but {} were given", nargs);
  auto& s = *args[0].as<EventObj>()->st;
  std::lock_guard<std::mutex> g(s.m);
  s.flag = false;
  return None();
}

Value event_repr(Value self) {
  auto& s = *self.as<EventObj>()->st;
  bool flag;
  {
    std::lock_guard<std::mutex> g(s.m);
    flag = s.flag;
  }
  return str_value(fmt::format("<{} at {}: {}>", class_path(self), static_cast<const void*>(self.as_obj()),
                               flag ? "set" : "unset"));
}

EventObj::State& ev(Value v) {
  return *v.as<EventObj>()->st;
}

Value event_set(const Value* args, size_t nargs, Tuple* kwnames) {
  auto& s = ev(args[0]);
  {
    std::lock_guard<std::mutex> g(s.m);
    s.flag = true;
  }
  s.cv.notify_all();
  return None();
}

Value event_clear(const Value* args, size_t nargs, Tuple* kwnames) {
  auto& s = ev(args[0]);
  std::lock_guard<std::mutex> g(s.m);
  s.flag = false;
  return None();
}

Value event_is_set(const Value* args, size_t nargs, Tuple* kwnames) {
  auto& s = ev(args[0]);
  std::lock_guard<std::mutex> g(s.m);
  return from_bool(s.flag);
}

Value event_wait(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Event.wait", args + 1, nargs - 1, kwnames, {"timeout"}, 0, a);
  auto& s = ev(args[0]);
  {
    // As CPython's: the timeout is looked at only when the event is not set.
    std::lock_guard<std::mutex> lock(s.m);
    if (s.flag) return True();
  }
  Seconds timeout = wait_timeout(a[0]);
  std::unique_lock<std::mutex> lock(s.m);
  return from_bool(wait_released(s.cv, lock, timeout, [&] { return s.flag; }));
}

// ---- Condition ----------------------------------------------------------------------------

// CPython's algorithm: each waiter blocks on its own lock, which notify() releases. The
// waiter list is protected by the condition's lock, which wait/notify require to be held.
struct ConditionObj : Object {
  Value lock;
  std::deque<std::shared_ptr<NativeLock>>* waiters;
};

ConditionObj* as_cond(Value v) {
  return v.as<ConditionObj>();
}

void condition_dealloc(Object* o) {
  ConditionObj* c = static_cast<ConditionObj*>(o);
  decref(c->lock);
  delete c->waiters;
  object_free(o);
}

// Condition.__init__(self, lock=None)
void condition_set_up(ConditionObj* c, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Condition.__init__", args, nargs, kwnames, {"lock"}, 0, a);
  if (!a[0].is_null() && a[0] != None()) {
    decref(getattr(a[0], intern("acquire")));  // CPython takes the lock's methods here
    decref(getattr(a[0], intern("release")));
  }
  Value lock = (a[0].is_null() || a[0] == None()) ? rlock_new() : (incref(a[0]), a[0]);
  Ref old = Ref::steal(c->lock);
  c->lock = lock;
}

Value condition_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  ConditionObj* c = alloc_instance<ConditionObj>(type);
  c->waiters = new std::deque<std::shared_ptr<NativeLock>>();
  c->lock = Value::null();
  Ref self = Ref::steal(Value::from_obj(c));
  condition_set_up(c, type == &condition_type ? args : nullptr, type == &condition_type ? nargs : 0,
                   type == &condition_type ? kwnames : nullptr);
  return self.release();
}

Value condition_init(const Value* args, size_t nargs, Tuple* kwnames) {
  condition_set_up(as_cond(args[0]), args + 1, nargs - 1, kwnames);
  return None();
}

Value condition_repr(Value self) {
  ConditionObj* c = as_cond(self);
  std::string lock = repr_string(c->lock);
  return str_value(fmt::format("<Condition({}, {})>", lock, c->waiters->size()));
}

Value call_method(Value obj, const char* name, const Value* args = nullptr, size_t nargs = 0) {
  Ref m = Ref::steal(getattr(obj, intern(name)));
  return call(m.get(), args, nargs);
}

// Whether the calling thread holds the condition's lock (CPython's Condition._is_owned).
bool cond_owned(ConditionObj* c) {
  if (type_of(c->lock) == &rlock_type)
    return truthy(Ref::steal(call_method(c->lock, "_is_owned")).get());
  Value f = False();
  Ref got = Ref::steal(call_method(c->lock, "acquire", &f, 1));
  if (truthy(got.get())) {
    decref(call_method(c->lock, "release"));
    return false;
  }
  return true;
}

Value cond_delegate(const Value* args, size_t nargs, Tuple* kwnames, const char* name) {
  Ref m = Ref::steal(getattr(as_cond(args[0])->lock, intern(name)));
  return call(m.get(), args + 1, nargs - 1, kwnames);
}
Value condition_acquire(const Value* args, size_t nargs, Tuple* kwnames) {
  return cond_delegate(args, nargs, kwnames, "acquire");
}
Value condition_release(const Value* args, size_t nargs, Tuple* kwnames) {
  return cond_delegate(args, nargs, kwnames, "release");
}
Value condition_exit(const Value* args, size_t nargs, Tuple* kwnames) {
  return call_method(as_cond(args[0])->lock, "release");
}

// Waits for a notification with the lock released; true unless it timed out.
bool cond_wait(ConditionObj* c, Seconds timeout) {
  if (!cond_owned(c)) raise_msg(&exc_RuntimeError, "cannot wait on un-acquired lock");
  auto waiter = std::make_shared<NativeLock>();
  waiter->try_acquire();
  c->waiters->push_back(waiter);
  bool rlock = type_of(c->lock) == &rlock_type;
  Ref saved = Ref::steal(call_method(c->lock, rlock ? "_release_save" : "release"));
  bool got = waiter->try_acquire() || (timeout != 0 && waiter->acquire(timeout));
  Value s = saved.get();
  decref(rlock ? call_method(c->lock, "_acquire_restore", &s, 1) : call_method(c->lock, "acquire"));
  if (!got) {
    auto& w = *c->waiters;
    for (auto it = w.begin(); it != w.end(); ++it) {
      if (*it == waiter) {
        w.erase(it);
        break;
      }
    }
  }
  return got;
}

Value condition_wait(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Condition.wait", args + 1, nargs - 1, kwnames, {"timeout"}, 0, a);
  return from_bool(cond_wait(as_cond(args[0]), wait_timeout(a[0])));
}

// wait_for(predicate, timeout=None): waits until predicate() is true; returns its last value.
Value condition_wait_for(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  py_method_args("Condition.wait_for", args + 1, nargs - 1, kwnames, {"predicate", "timeout"}, 1, a);
  Seconds timeout = wait_timeout(a[1]);
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout < 0 ? 0 : timeout);
  Ref result = Ref::steal(call0(a[0]));
  while (!truthy(result.get())) {
    Seconds left = -1;
    if (timeout >= 0) {
      left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) break;
    }
    cond_wait(as_cond(args[0]), left);
    result = Ref::steal(call0(a[0]));
  }
  return result.release();
}

Value condition_notify(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Condition.notify", args + 1, nargs - 1, kwnames, {"n"}, 0, a);
  ConditionObj* c = as_cond(args[0]);
  if (!cond_owned(c)) raise_msg(&exc_RuntimeError, "cannot notify on un-acquired lock");
  if (c->waiters->empty()) return None();  // CPython looks at n only when a thread waits
  int64_t n = a[0].is_null() ? 1 : int_arg(a[0]);
  while (n-- > 0 && !c->waiters->empty()) {
    c->waiters->front()->release();
    c->waiters->pop_front();
  }
  return None();
}

Value condition_notify_all(const Value* args, size_t nargs, Tuple* kwnames) {
  ConditionObj* c = as_cond(args[0]);
  if (!cond_owned(c)) raise_msg(&exc_RuntimeError, "cannot notify on un-acquired lock");
  for (auto& w : *c->waiters) w->release();
  c->waiters->clear();
  return None();
}

// ---- Semaphore, BoundedSemaphore ----------------------------------------------------------

struct SemaphoreObj : Object {
  struct State {
    std::mutex m;
    std::condition_variable cv;
    int64_t value = 0;
    int64_t initial = 0;
  } * st;
};

void semaphore_dealloc(Object* o) {
  delete static_cast<SemaphoreObj*>(o)->st;
  object_free(o);
}

bool is_bounded(Value self) {
  return is_subtype(type_of(self), &bounded_semaphore_type);
}

// Semaphore.__init__(self, value=1)
void semaphore_set_up(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args(is_bounded(self) ? "BoundedSemaphore.__init__" : "Semaphore.__init__", args, nargs, kwnames,
                 {"value"}, 0, a);
  if (!a[0].is_null() && !int_check(a[0]))
    decref(compare(a[0], Value::from_int(0), CmpOp::Lt));  // CPython's `if value < 0:` raises first
  int64_t value = a[0].is_null() ? 1 : int_arg(a[0]);
  if (value < 0) raise_msg(&exc_ValueError, "semaphore initial value must be >= 0");
  auto& s = *self.as<SemaphoreObj>()->st;
  std::lock_guard<std::mutex> g(s.m);
  s.value = s.initial = value;
}

Value semaphore_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  SemaphoreObj* s = alloc_instance<SemaphoreObj>(type);
  s->st = new SemaphoreObj::State();
  Ref self = Ref::steal(Value::from_obj(s));
  bool own = type == &semaphore_type || type == &bounded_semaphore_type;
  semaphore_set_up(self.get(), own ? args : nullptr, own ? nargs : 0, own ? kwnames : nullptr);
  return self.release();
}

Value semaphore_init(const Value* args, size_t nargs, Tuple* kwnames) {
  semaphore_set_up(args[0], args + 1, nargs - 1, kwnames);
  return None();
}

Value semaphore_repr(Value self) {
  auto& s = *self.as<SemaphoreObj>()->st;
  std::string value;
  {
    std::lock_guard<std::mutex> g(s.m);
    value = is_bounded(self) ? fmt::format("{}/{}", s.value, s.initial) : fmt::format("{}", s.value);
  }
  return str_value(
      fmt::format("<{} at {}: value={}>", class_path(self), static_cast<const void*>(self.as_obj()), value));
}

Value semaphore_acquire(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  py_method_args("Semaphore.acquire", args + 1, nargs - 1, kwnames, {"blocking", "timeout"}, 0, a);
  bool blocking = a[0].is_null() || truthy(a[0]);
  Seconds timeout = wait_timeout(a[1]);
  if (!blocking && timeout >= 0)
    raise_msg(&exc_ValueError, "can't specify timeout for non-blocking acquire");
  auto& s = *args[0].as<SemaphoreObj>()->st;
  std::unique_lock<std::mutex> lock(s.m);
  bool ok = wait_released(s.cv, lock, blocking ? timeout : 0, [&] { return s.value > 0; });
  if (ok) --s.value;
  return from_bool(ok);
}

Value semaphore_release(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args(is_bounded(args[0]) ? "BoundedSemaphore.release" : "Semaphore.release", args + 1, nargs - 1,
                 kwnames, {"n"}, 0, a);
  int64_t n = a[0].is_null() ? 1 : int_arg(a[0]);
  if (n < 1) raise_msg(&exc_ValueError, "n must be one or more");
  auto& s = *args[0].as<SemaphoreObj>()->st;
  {
    std::lock_guard<std::mutex> g(s.m);
    if (is_bounded(args[0]) && s.value + n > s.initial)
      raise_msg(&exc_ValueError, "Semaphore released too many times");
    s.value += n;
  }
  s.cv.notify_all();
  return None();
}

Value semaphore_exit(const Value* args, size_t nargs, Tuple* kwnames) {
  return semaphore_release(args, 1, nullptr);
}

// ---- Barrier ------------------------------------------------------------------------------

struct BarrierObj : Object {
  struct State {
    std::mutex m;
    std::condition_variable cv;
    int64_t parties = 0;
    int64_t count = 0;  // threads waiting in the current round
    // The current round's outcome, shared with its waiters: 0 while it fills, 1 once it has
    // tripped, 2 if reset() ended it (its waiters raise BrokenBarrierError, as CPython's).
    std::shared_ptr<int> round = std::make_shared<int>(0);
    bool draining = false;    // the last thread is running the action
    bool broken = false;
  } * st;
  Value action;
  double timeout;  // default wait timeout, -1: none
};

void barrier_dealloc(Object* o) {
  BarrierObj* b = static_cast<BarrierObj*>(o);
  delete b->st;
  decref(b->action);
  object_free(o);
}

// Barrier.__init__(self, parties, action=None, timeout=None)
void barrier_set_up(BarrierObj* b, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  py_method_args("Barrier.__init__", args, nargs, kwnames, {"parties", "action", "timeout"}, 1, a);
  int64_t parties = int_arg(a[0]);  // CPython 3.11 accepts parties < 1: wait() never trips
  double timeout = wait_timeout(a[2]);
  {
    std::lock_guard<std::mutex> g(b->st->m);
    b->st->parties = parties;
  }
  Value action = a[1].is_null() ? None() : a[1];
  incref(action);
  Ref old = Ref::steal(b->action);
  b->action = action;
  b->timeout = timeout;
}

Value barrier_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  BarrierObj* b = alloc_instance<BarrierObj>(type);
  b->st = new BarrierObj::State();
  b->action = None();
  b->timeout = -1;
  Ref self = Ref::steal(Value::from_obj(b));
  if (type == &barrier_type) barrier_set_up(b, args, nargs, kwnames);
  return self.release();
}

Value barrier_init(const Value* args, size_t nargs, Tuple* kwnames) {
  barrier_set_up(args[0].as<BarrierObj>(), args + 1, nargs - 1, kwnames);
  return None();
}

Value barrier_repr(Value self) {
  auto& s = *self.as<BarrierObj>()->st;
  std::string state;
  {
    std::lock_guard<std::mutex> g(s.m);
    state = s.broken ? "broken" : fmt::format("waiters={}/{}", s.draining ? 0 : s.count, s.parties);
  }
  return str_value(fmt::format("<{} at {}: {}>", class_path(self), static_cast<const void*>(self.as_obj()), state));
}

[[noreturn]] void raise_broken() {
  raise(Value::from_obj(&exc_BrokenBarrierError));
}

void barrier_break(BarrierObj::State& s) {
  {
    std::lock_guard<std::mutex> g(s.m);
    s.broken = true;
  }
  s.cv.notify_all();
}

Value barrier_wait(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Barrier.wait", args + 1, nargs - 1, kwnames, {"timeout"}, 0, a);
  BarrierObj* b = args[0].as<BarrierObj>();
  Seconds timeout =
      a[0].is_null() || a[0] == None() ? b->timeout : std::max(0.0, float_from_value(a[0]));
  auto& s = *b->st;
  std::unique_lock<std::mutex> lock(s.m);
  wait_released(s.cv, lock, -1, [&] { return !s.draining || s.broken; });
  if (s.broken) raise_broken();
  int64_t index = s.count++;
  std::shared_ptr<int> round = s.round;
  if (s.count == s.parties) {
    s.draining = true;
    lock.unlock();
    if (b->action != None()) {
      try {
        decref(call0(b->action));
      } catch (PyError&) {
        barrier_break(s);
        throw;
      }
    }
    lock.lock();
    s.count = 0;
    s.draining = false;
    *s.round = 1;
    s.round = std::make_shared<int>(0);
    lock.unlock();
    s.cv.notify_all();
    return Value::from_int(index);
  }
  bool tripped = wait_released(s.cv, lock, timeout, [&] { return *round != 0 || s.broken; });
  if (!tripped) {
    s.broken = true;
    lock.unlock();
    s.cv.notify_all();
    raise_broken();
  }
  if (*round == 0) {
    --s.count;
    raise_broken();
  }
  if (*round == 2) raise_broken();
  return Value::from_int(index);
}

Value barrier_abort(const Value* args, size_t nargs, Tuple* kwnames) {
  barrier_break(*args[0].as<BarrierObj>()->st);
  return None();
}

Value barrier_reset(const Value* args, size_t nargs, Tuple* kwnames) {
  auto& s = *args[0].as<BarrierObj>()->st;
  {
    std::lock_guard<std::mutex> g(s.m);
    s.broken = false;
    if (s.count > 0) *s.round = 2;
    s.count = 0;
    s.round = std::make_shared<int>(0);
  }
  s.cv.notify_all();
  return None();
}

Value barrier_getattr(Value self, Str* name) {
  auto& s = *self.as<BarrierObj>()->st;
  std::string_view n = name->view();
  if (n == "parties" || n == "n_waiting" || n == "broken") {
    std::lock_guard<std::mutex> g(s.m);
    if (n == "parties") return Value::from_int(s.parties);
    if (n == "n_waiting") return Value::from_int(s.draining || s.broken ? 0 : s.count);
    return from_bool(s.broken);
  }
  return instance_getattr(self, name);  // a subclass's instance has a dict
}

// ---- local --------------------------------------------------------------------------------

// threading.local(): one attribute dict per thread, keyed by the thread's serial number
// (never reused, unlike idents).
struct LocalObj : Object {
  Dict* dicts;
  // A subclass's __init__ runs again, with the construction's arguments, in each other thread
  // that uses the object (as CPython's): the arguments, null when __init__ is object's.
  Value init_args, init_kwargs;
};

void local_dealloc(Object* o) {
  LocalObj* l = static_cast<LocalObj*>(o);
  decref(l->dicts);
  decref(l->init_args);
  decref(l->init_kwargs);
  object_free(o);
}

Value thread_serial_key() {
  return int_from_i64(int64_t(vm::current_thread()->serial));
}

Value local_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kw_count(kwnames);
  bool own_init = type_lookup(type, intern("__init__")) != type_lookup(&object_type, intern("__init__"));
  if ((nargs != 0 || nkw != 0) && !own_init)
    raise_msg(&exc_TypeError, "Initialization arguments are not supported");
  LocalObj* l = alloc_instance<LocalObj>(type);
  l->dicts = dict_new();
  l->init_args = Value::null();
  l->init_kwargs = Value::null();
  Ref self = Ref::steal(Value::from_obj(l));
  if (own_init) {
    l->init_args = Value::from_obj(tuple_from(args, nargs));
    Dict* kw = dict_new();
    l->init_kwargs = Value::from_obj(kw);
    for (size_t i = 0; i < nkw; ++i) dict_set(kw, kwnames->item(i), args[nargs + i]);
  }
  // The constructing thread's dict: its __init__ is the one the construction runs.
  Ref key = Ref::steal(thread_serial_key());
  Ref d = Ref::steal(Value::from_obj(dict_new()));
  dict_set(l->dicts, key.get(), d.get());
  return self.release();
}

// The calling thread's attribute dict of [self] (borrowed), created on first use (and then
// filled by the subclass's __init__).
Dict* local_dict(Value self) {
  LocalObj* l = self.as<LocalObj>();
  Ref key = Ref::steal(thread_serial_key());
  Value d = dict_get(l->dicts, key.get());
  if (!d.is_null()) return d.as<Dict>();
  Ref nd = Ref::steal(Value::from_obj(dict_new()));
  dict_set(l->dicts, key.get(), nd.get());
  if (!l->init_args.is_null()) {
    Ref init = Ref::steal(getattr(self, intern("__init__")));
    decref(call_with_kwargs(init.get(), l->init_args, l->init_kwargs));
  }
  return nd.as<Dict>();
}

Value local_getattr(Value self, Str* name) {
  Dict* d = local_dict(self);
  if (name->view() == "__dict__") {
    incref(d);
    return Value::from_obj(d);
  }
  return generic_getattr_dict(self, name, d);
}

void local_setattr(Value self, Str* name, Value v) {
  Dict* d = local_dict(self);
  if (v.is_null()) {
    if (!dict_del(d, Value::from_obj(name)))
      raise_fmt(&exc_AttributeError, "'{}' object has no attribute '{}'", type_name(self),
                name->view());
    return;
  }
  dict_set(d, Value::from_obj(name), v);
}

// ---- module functions ---------------------------------------------------------------------

// The argument check of a function threading.py defines without parameters.
void no_args_py(const char* name, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames))
    raise_fmt(&exc_TypeError, "{}() got an unexpected keyword argument '{}'", name, kw_name(kwnames, 0)->view());
  if (nargs)
    raise_fmt(&exc_TypeError, "{}() takes 0 positional arguments but {} {} given", name, nargs,
              nargs == 1 ? "was" : "were");
}

Value f_current_thread(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args_py("current_thread", nargs, kwnames);
  return current_thread_obj();
}

Value f_main_thread(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args_py("main_thread", nargs, kwnames);
  incref(g_main);
  return Value::from_obj(g_main);
}

Value f_get_ident(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_thread.get_ident", nargs, kwnames);
  return int_from_i64(int64_t(current_ident()));
}

Value f_get_native_id(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_thread.get_native_id", nargs, kwnames);
  return int_from_i64(vm::current_thread()->native_id);
}

Value f_active_count(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args_py("active_count", nargs, kwnames);
  std::lock_guard<std::mutex> g(g_active_mutex);
  return Value::from_int(int64_t(g_active->used));
}

Value f_enumerate(const Value* args, size_t nargs, Tuple* kwnames) {
  no_args_py("enumerate", nargs, kwnames);
  List* l = list_new(0);
  Ref owner = Ref::steal(Value::from_obj(l));
  std::lock_guard<std::mutex> g(g_active_mutex);
  size_t pos = 0;
  Value k, v;
  while (dict_next(g_active, &pos, &k, &v)) list_append(l, v);
  return owner.release();
}

Value f_lock(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("_thread.allocate_lock", nargs, kwnames);
  return lock_new();
}

// RLock(*args, **kwargs): as CPython's, ignores its arguments.
Value f_rlock(const Value* args, size_t nargs, Tuple* kwnames) {
  return rlock_new();
}

// ---- threading._register_atexit ------------------------------------------------------------

// The calls registered by _register_atexit, each a (func, *args, *kwvalues) tuple with its
// kwnames (null for none). concurrent.futures registers one that wakes its idle workers, which
// would otherwise keep the process alive (CPython's threading._threading_atexits).
struct AtexitCall {
  Tuple* items;
  Tuple* kwnames;
};
std::mutex g_atexit_mutex;
std::vector<AtexitCall> g_atexits;
bool g_atexit_done = false;

// _register_atexit(func, *args, **kwargs)
Value f_register_atexit(const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) raise_msg(&exc_TypeError, "_register_atexit() missing required argument 'func'");
  size_t nkw = kwnames ? kwnames->size : 0;
  Tuple* items = tuple_from(args, nargs + nkw);
  std::unique_lock<std::mutex> lock(g_atexit_mutex, std::defer_lock);
  lock_released(lock);
  if (g_atexit_done) {
    lock.unlock();
    decref(Value::from_obj(items));
    raise_msg(&exc_RuntimeError, "can't register atexit after shutdown");
  }
  if (nkw) incref(Value::from_obj(kwnames));
  g_atexits.push_back({items, nkw ? kwnames : nullptr});
  return None();
}

void set_attr(Dict* d, const char* name, Value v) {
  dict_set(d, Value::from_obj(intern(name)), v);
}

Module* create_threading_module() {
  Module* m = module_new("threading");
  Dict* d = m->dict;
  set_attr(d, "Thread", Value::from_obj(&thread_type));
  set_attr(d, "Event", Value::from_obj(&event_type));
  set_attr(d, "Condition", Value::from_obj(&condition_type));
  set_attr(d, "Semaphore", Value::from_obj(&semaphore_type));
  set_attr(d, "BoundedSemaphore", Value::from_obj(&bounded_semaphore_type));
  set_attr(d, "Barrier", Value::from_obj(&barrier_type));
  set_attr(d, "BrokenBarrierError", Value::from_obj(&exc_BrokenBarrierError));
  set_attr(d, "local", Value::from_obj(&local_type));
  set_attr(d, "TIMEOUT_MAX", Value::from_double(9223372036.0));
  add_function(d, "Lock", f_lock);
  add_function(d, "RLock", f_rlock);
  add_function(d, "current_thread", f_current_thread);
  add_function(d, "currentThread", f_current_thread);
  add_function(d, "main_thread", f_main_thread);
  add_function(d, "get_ident", f_get_ident);
  add_function(d, "get_native_id", f_get_native_id);
  add_function(d, "active_count", f_active_count);
  add_function(d, "activeCount", f_active_count);
  add_function(d, "enumerate", f_enumerate);
  add_function(d, "_register_atexit", f_register_atexit);
  return m;
}

void add_methods(Type* t, std::initializer_list<std::pair<const char*, NativeFn>> methods) {
  for (auto& [name, fn] : methods) type_add_method(t, name, fn);
}

}  // namespace

void run_threading_atexits() {
  std::vector<AtexitCall> calls;
  {
    std::unique_lock<std::mutex> lock(g_atexit_mutex, std::defer_lock);
    lock_released(lock);
    g_atexit_done = true;
    calls.swap(g_atexits);
  }
  for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
    Ref items = Ref::steal(Value::from_obj(it->items));
    Ref kwnames = it->kwnames ? Ref::steal(Value::from_obj(it->kwnames)) : Ref();
    size_t nargs = it->items->size - 1 - (it->kwnames ? it->kwnames->size : 0);
    try {
      decref(call(it->items->item(0), it->items->items() + 1, nargs, it->kwnames));
    } catch (PyError& e) {
      Ref exc = Ref::steal(e.take());
      vm::print_unraisable(exc.get(), "<module 'threading'>");
    }
  }
}

void init_threading_module() {
  // Threading's classes are Python classes in CPython: plain names in messages, module
  // "threading" (Type::module).
  type_init_static(&thread_type, "Thread", nullptr, sizeof(ThreadObj), kTypeBaseType);
  thread_type.module = "threading";
  thread_type.dealloc = thread_dealloc;
  thread_type.construct = thread_construct;
  thread_type.getattr = thread_getattr;
  thread_type.setattr = thread_setattr;
  thread_type.repr = thread_repr;
  type_ready(&thread_type);
  add_methods(&thread_type, {{"__init__", thread_init},
                             {"start", thread_start},
                             {"run", thread_run},
                             {"join", thread_join},
                             {"is_alive", thread_is_alive},
                             {"getName", thread_getname},
                             {"isDaemon", thread_isdaemon}});

  type_init_static(&event_type, "Event", nullptr, sizeof(EventObj), kTypeBaseType);
  event_type.module = "threading";
  event_type.dealloc = event_dealloc;
  event_type.construct = event_construct;
  event_type.repr = event_repr;
  type_ready(&event_type);
  add_methods(&event_type, {{"__init__", event_init},
                            {"set", event_set},
                            {"clear", event_clear},
                            {"is_set", event_is_set},
                            {"isSet", event_is_set},
                            {"wait", event_wait}});

  type_init_static(&condition_type, "Condition", nullptr, sizeof(ConditionObj), kTypeBaseType);
  condition_type.module = "threading";
  condition_type.dealloc = condition_dealloc;
  condition_type.construct = condition_construct;
  condition_type.repr = condition_repr;
  type_ready(&condition_type);
  add_methods(&condition_type, {{"__init__", condition_init},
                                {"acquire", condition_acquire},
                                {"release", condition_release},
                                {"__enter__", condition_acquire},
                                {"__exit__", condition_exit},
                                {"wait", condition_wait},
                                {"wait_for", condition_wait_for},
                                {"notify", condition_notify},
                                {"notify_all", condition_notify_all},
                                {"notifyAll", condition_notify_all}});

  for (Type* t : {&semaphore_type, &bounded_semaphore_type}) {
    type_init_static(t, t == &semaphore_type ? "Semaphore" : "BoundedSemaphore",
                     t == &semaphore_type ? nullptr : &semaphore_type, sizeof(SemaphoreObj), kTypeBaseType);
    t->module = "threading";
    t->dealloc = semaphore_dealloc;
    t->construct = semaphore_construct;
    t->repr = semaphore_repr;
    type_ready(t);
    add_methods(t, {{"__init__", semaphore_init},
                    {"acquire", semaphore_acquire},
                    {"release", semaphore_release},
                    {"__enter__", semaphore_acquire},
                    {"__exit__", semaphore_exit}});
  }

  type_init_static(&barrier_type, "Barrier", nullptr, sizeof(BarrierObj), kTypeBaseType);
  barrier_type.module = "threading";
  barrier_type.dealloc = barrier_dealloc;
  barrier_type.construct = barrier_construct;
  barrier_type.getattr = barrier_getattr;
  barrier_type.repr = barrier_repr;
  type_ready(&barrier_type);
  add_methods(&barrier_type, {{"__init__", barrier_init},
                              {"wait", barrier_wait},
                              {"abort", barrier_abort},
                              {"reset", barrier_reset}});

  type_init_static(&exc_BrokenBarrierError, "BrokenBarrierError", &exc_RuntimeError,
                   sizeof(BaseException), kTypeBaseType | kTypeExceptionSubclass);
  exc_BrokenBarrierError.module = "threading";
  type_ready(&exc_BrokenBarrierError);

  type_init_static(&local_type, "_thread._local", nullptr, sizeof(LocalObj), kTypeBaseType);
  local_type.dealloc = local_dealloc;
  local_type.construct = local_construct;
  local_type.getattr = local_getattr;
  local_type.setattr = local_setattr;
  type_ready(&local_type);

  g_active = dict_new();
  make_immortal(g_active);
  g_main = thread_alloc(&thread_type, str_value("MainThread"), false);
  make_immortal(g_main);
  g_main->start_called = true;
  ThreadCtl& c = ctl_of(g_main);
  vm::ThreadState* main = vm::main_thread_state();
  c.started = true;
  c.ident = main ? main->ident : current_ident();
  c.native_id = main ? main->native_id : 0;
  active_set(c.ident, Value::from_obj(g_main));

  register_builtin_module("threading", create_threading_module);
}

}  // namespace rt
