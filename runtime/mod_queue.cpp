// The queue module, native: Queue (FIFO), LifoQueue, PriorityQueue and SimpleQueue with
// blocking put/get and timeouts (the GIL released while waiting), task_done/join, and the
// Empty and Full exceptions.
#include <deque>
#include <utility>

#include "runtime/builtins_internal.h"
#include "runtime/class.h"
#include "runtime/containers.h"
#include "runtime/core.h"
#include "runtime/heap.h"
#include "runtime/ops.h"
#include "runtime/threads.h"

namespace rt {

Type queue_type, lifo_queue_type, priority_queue_type, simple_queue_type, exc_QueueEmpty,
    exc_QueueFull;

namespace {

// The items are owned references. [m] guards everything; it is taken with the GIL released
// when contended (PriorityQueue compares items, which may run Python code and switch threads).
enum class QueueKind { kFifo, kLifo, kPriority, kSimple };

struct QueueState {
  QueueKind kind = QueueKind::kFifo;  // from the type (a subclass: its base's)
  std::mutex m;
  std::condition_variable not_empty, not_full, all_done;
  std::deque<Value> items;
  int64_t maxsize = 0;
  int64_t unfinished = 0;
};

struct QueueObj : Object {
  QueueState* st;
};

QueueState& qs(Value v) {
  return *v.as<QueueObj>()->st;
}

void queue_dealloc(Object* o) {
  QueueState* st = static_cast<QueueObj*>(o)->st;
  for (Value v : st->items) decref(v);
  delete st;
  object_free(o);
}

QueueKind kind_of(Type* type) {
  if (is_subtype(type, &lifo_queue_type)) return QueueKind::kLifo;
  if (is_subtype(type, &priority_queue_type)) return QueueKind::kPriority;
  if (is_subtype(type, &simple_queue_type)) return QueueKind::kSimple;
  return QueueKind::kFifo;
}

// Queue.__init__(self, maxsize=0), for Queue, LifoQueue, PriorityQueue.
void queue_set_up(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  py_method_args("Queue.__init__", args, nargs, kwnames, {"maxsize"}, 0, a);
  int64_t maxsize = a[0].is_null() ? 0 : int_arg(a[0]);
  QueueState& st = qs(self);
  std::lock_guard<std::mutex> g(st.m);
  st.maxsize = maxsize;
}

// Queue(...) builds and sets up the queue; built for a subclass, the queue is set up by
// __init__ (the subclass's own may call Queue.__init__ with arguments of its choosing).
Value queue_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  QueueKind kind = kind_of(type);
  if (type == &simple_queue_type && (nargs != 0 || kw_count(kwnames) != 0))
    raise_msg(&exc_TypeError, nargs != 0 ? "SimpleQueue() takes no positional arguments"
                                          : "SimpleQueue() takes no keyword arguments");
  QueueObj* q = alloc_instance<QueueObj>(type);
  q->st = new QueueState();
  q->st->kind = kind;
  Ref self = Ref::steal(Value::from_obj(q));
  if (kind != QueueKind::kSimple && (type == &queue_type || type == &lifo_queue_type || type == &priority_queue_type))
    queue_set_up(self.get(), args, nargs, kwnames);
  return self.release();
}

Value q_init(const Value* args, size_t nargs, Tuple* kwnames) {
  queue_set_up(args[0], args + 1, nargs - 1, kwnames);
  return None();
}

// Locks [st.m]; if another thread holds it, waits with the GIL released.
std::unique_lock<std::mutex> lock_state(QueueState& st) {
  std::unique_lock<std::mutex> lock(st.m, std::defer_lock);
  lock_released(lock);
  return lock;
}

// block/timeout as put and get parse them: 0 for non-blocking, -1 forever. SimpleQueue
// converts the timeout as a lock does, queue.py compares it with 0 first.
Seconds block_timeout(Value self, Value block, Value timeout) {
  if (!block.is_null() && !truthy(block)) return 0;
  if (timeout.is_null() || timeout == None()) return -1;
  double t = qs(self).kind == QueueKind::kSimple ? lock_timeout_seconds(timeout)
                                                  : timeout_number(timeout, CmpOp::Lt);
  if (t < 0) raise_msg(&exc_ValueError, "'timeout' must be a non-negative number");
  return t;
}

bool is_full(Value self, QueueState& st) {
  return st.kind != QueueKind::kSimple && st.maxsize > 0 &&
         int64_t(st.items.size()) >= st.maxsize;
}

// Adds [item] (borrowed) in the queue's order: for PriorityQueue a heap moved as heapq's
// (runtime/heap.h), so equal priorities come out in CPython's order; heappush: the item stays
// queued if a comparison raises.
void push_item(Value self, QueueState& st, Value item) {
  incref(item);
  st.items.push_back(item);
  if (st.kind == QueueKind::kPriority) heap_siftdown(st.items, 0, st.items.size() - 1);
}

// Removes the next item in the queue's order; the caller owns it.
Value pop_item(Value self, QueueState& st) {
  Value v;
  if (st.kind == QueueKind::kLifo) {
    v = st.items.back();
    st.items.pop_back();
  } else if (st.kind == QueueKind::kPriority) {
    // heappop: the last item replaces the first, which is lost if a comparison raises.
    v = st.items.back();
    st.items.pop_back();
    if (!st.items.empty()) {
      std::swap(v, st.items.front());
      Ref out = Ref::steal(v);
      heap_siftup(st.items, 0);
      v = out.release();
    }
  } else {
    v = st.items.front();
    st.items.pop_front();
  }
  return v;
}

Value do_put(Value self, Value item, Seconds timeout) {
  QueueState& st = qs(self);
  std::unique_lock<std::mutex> lock = lock_state(st);
  if (is_full(self, st)) {
    if (timeout == 0 ||
        !wait_released(st.not_full, lock, timeout, [&] { return !is_full(self, st); }))
      raise(Value::from_obj(&exc_QueueFull));
  }
  push_item(self, st, item);
  ++st.unfinished;
  lock.unlock();
  st.not_empty.notify_one();
  return None();
}

Value do_get(Value self, Seconds timeout) {
  QueueState& st = qs(self);
  std::unique_lock<std::mutex> lock = lock_state(st);
  if (st.items.empty()) {
    if (timeout == 0 ||
        !wait_released(st.not_empty, lock, timeout, [&] { return !st.items.empty(); }))
      raise(Value::from_obj(&exc_QueueEmpty));
  }
  Value v = pop_item(self, st);
  lock.unlock();
  st.not_full.notify_one();
  return v;
}

Value q_put(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (qs(args[0]).kind == QueueKind::kSimple)
    parse_args("put", args + 1, nargs - 1, kwnames, {"item", "block", "timeout"}, 1, a);
  else
    py_method_args("Queue.put", args + 1, nargs - 1, kwnames, {"item", "block", "timeout"}, 1, a);
  QueueState& st = qs(args[0]);
  bool bounded;
  {
    std::unique_lock<std::mutex> lock = lock_state(st);
    bounded = st.kind != QueueKind::kSimple && st.maxsize > 0;
  }
  // queue.py looks at block and timeout only when the queue is bounded; SimpleQueue never.
  return do_put(args[0], a[0], bounded ? block_timeout(args[0], a[1], a[2]) : -1);
}

Value q_put_nowait(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (qs(args[0]).kind == QueueKind::kSimple)
    parse_args("put_nowait", args + 1, nargs - 1, kwnames, {"item"}, 1, a);
  else
    py_method_args("Queue.put_nowait", args + 1, nargs - 1, kwnames, {"item"}, 1, a);
  return do_put(args[0], a[0], 0);
}

Value q_get(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (qs(args[0]).kind == QueueKind::kSimple)
    parse_args("get", args + 1, nargs - 1, kwnames, {"block", "timeout"}, 0, a);
  else
    py_method_args("Queue.get", args + 1, nargs - 1, kwnames, {"block", "timeout"}, 0, a);
  return do_get(args[0], block_timeout(args[0], a[0], a[1]));
}

Value q_get_nowait(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("get_nowait", nargs - 1, kwnames);
  return do_get(args[0], 0);
}

Value q_qsize(const Value* args, size_t nargs, Tuple* kwnames) {
  QueueState& st = qs(args[0]);
  std::unique_lock<std::mutex> lock = lock_state(st);
  return Value::from_int(int64_t(st.items.size()));
}

Value q_empty(const Value* args, size_t nargs, Tuple* kwnames) {
  QueueState& st = qs(args[0]);
  std::unique_lock<std::mutex> lock = lock_state(st);
  return from_bool(st.items.empty());
}

Value q_full(const Value* args, size_t nargs, Tuple* kwnames) {
  QueueState& st = qs(args[0]);
  std::unique_lock<std::mutex> lock = lock_state(st);
  return from_bool(is_full(args[0], st));
}

Value q_task_done(const Value* args, size_t nargs, Tuple* kwnames) {
  QueueState& st = qs(args[0]);
  std::unique_lock<std::mutex> lock = lock_state(st);
  if (st.unfinished <= 0) raise_msg(&exc_ValueError, "task_done() called too many times");
  if (--st.unfinished == 0) st.all_done.notify_all();
  return None();
}

Value q_join(const Value* args, size_t nargs, Tuple* kwnames) {
  QueueState& st = qs(args[0]);
  std::unique_lock<std::mutex> lock = lock_state(st);
  wait_released(st.all_done, lock, -1, [&] { return st.unfinished == 0; });
  return None();
}

Value q_maxsize_getattr(Value self, Str* name) {
  QueueState& st = qs(self);
  if (st.kind != QueueKind::kSimple && (name->view() == "maxsize" || name->view() == "unfinished_tasks")) {
    std::unique_lock<std::mutex> lock = lock_state(st);
    return int_from_i64(name->view() == "maxsize" ? st.maxsize : st.unfinished);
  }
  return instance_getattr(self, name);  // a subclass's instance has a dict
}

Module* create_queue_module() {
  Module* m = module_new("queue");
  Dict* d = m->dict;
  auto set = [d](const char* name, Type* t) {
    dict_set(d, Value::from_obj(str_intern(name)), Value::from_obj(t));
  };
  set("Queue", &queue_type);
  set("LifoQueue", &lifo_queue_type);
  set("PriorityQueue", &priority_queue_type);
  set("SimpleQueue", &simple_queue_type);
  set("Empty", &exc_QueueEmpty);
  set("Full", &exc_QueueFull);
  return m;
}

}  // namespace

void init_queue_module() {
  // Queue, LifoQueue and PriorityQueue are Python classes in CPython (queue.py: plain names in
  // messages, module "queue"), LifoQueue and PriorityQueue subclasses of Queue; SimpleQueue
  // is the C type _queue.SimpleQueue.
  const std::pair<Type*, const char*> kinds[] = {{&queue_type, "Queue"},
                                                 {&lifo_queue_type, "LifoQueue"},
                                                 {&priority_queue_type, "PriorityQueue"},
                                                 {&simple_queue_type, "_queue.SimpleQueue"}};
  for (auto [t, name] : kinds) {
    bool simple = t == &simple_queue_type;
    type_init_static(t, name, simple || t == &queue_type ? nullptr : &queue_type, sizeof(QueueObj),
                     kTypeBaseType);
    if (!simple) t->module = "queue";
    t->dealloc = queue_dealloc;
    t->construct = queue_construct;
    t->getattr = q_maxsize_getattr;
    type_ready(t);
    type_add_method(t, "put", q_put);
    type_add_method(t, "put_nowait", q_put_nowait);
    type_add_method(t, "get", q_get);
    type_add_method(t, "get_nowait", q_get_nowait);
    type_add_method(t, "qsize", q_qsize);
    type_add_method(t, "empty", q_empty);
    if (!simple) {
      type_add_method(t, "__init__", q_init);
      type_add_method(t, "full", q_full);
      type_add_method(t, "task_done", q_task_done);
      type_add_method(t, "join", q_join);
    }
  }
  type_init_static(&exc_QueueEmpty, "_queue.Empty", &exc_Exception, sizeof(BaseException),
                   kTypeBaseType | kTypeExceptionSubclass);
  type_ready(&exc_QueueEmpty);
  type_init_static(&exc_QueueFull, "Full", &exc_Exception, sizeof(BaseException),
                   kTypeBaseType | kTypeExceptionSubclass);
  exc_QueueFull.module = "queue";
  type_ready(&exc_QueueFull);
  register_builtin_module("queue", create_queue_module);
}

}  // namespace rt
