// The time module: wall clock (time, time_ns), monotonic clocks (perf_counter, monotonic and
// their _ns forms), process_time and sleep. sleep releases the GIL and wakes early when Ctrl-C
// arrives, so that the interpreter loop raises KeyboardInterrupt at once.
#include <time.h>

#include <cmath>

#include "runtime/builtins_internal.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"
#include "vm/gil.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

namespace rt {

namespace {

int64_t clock_ns(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double clock_s(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

Value t_time(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.time", nargs, kwnames);
  return Value::from_double(clock_s(CLOCK_REALTIME));
}
Value t_time_ns(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.time_ns", nargs, kwnames);
  return int_from_i64(clock_ns(CLOCK_REALTIME));
}
Value t_perf_counter(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.perf_counter", nargs, kwnames);
  return Value::from_double(clock_s(CLOCK_MONOTONIC));
}
Value t_perf_counter_ns(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.perf_counter_ns", nargs, kwnames);
  return int_from_i64(clock_ns(CLOCK_MONOTONIC));
}
Value t_monotonic(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.monotonic", nargs, kwnames);
  return Value::from_double(clock_s(CLOCK_MONOTONIC));
}
Value t_monotonic_ns(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.monotonic_ns", nargs, kwnames);
  return int_from_i64(clock_ns(CLOCK_MONOTONIC));
}
Value t_process_time(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.process_time", nargs, kwnames);
  return Value::from_double(clock_s(CLOCK_PROCESS_CPUTIME_ID));
}
Value t_process_time_ns(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("time.process_time_ns", nargs, kwnames);
  return int_from_i64(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}

// sleep(secs): sleeps in slices of at most 50 ms without the GIL, returning early when a
// signal is pending.
Value t_sleep(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("time.sleep", nargs, kwnames);
  Value v = args[0];
  if (!v.is_double() && !int_check(v))
    raise_fmt(&exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(v));
  double secs = float_from_value(v);
  if (std::isnan(secs)) raise_msg(&exc_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) raise_msg(&exc_ValueError, "sleep length must be non-negative");
  vm::ThreadState* ts = vm::current_thread();
  double deadline = clock_s(CLOCK_MONOTONIC) + secs;
  vm::GilRelease released;  // other threads run while this one sleeps
  for (;;) {
    double left = deadline - clock_s(CLOCK_MONOTONIC);
    if (left <= 0) break;
    if (ts && (ts->eval_breaker.load(std::memory_order_relaxed) & vm::kBreakSignal)) break;
    double slice = left < 0.05 ? left : 0.05;
    timespec req;
    req.tv_sec = time_t(slice);
    req.tv_nsec = long((slice - double(req.tv_sec)) * 1e9);
    vm::GilRelease unlocked;
    nanosleep(&req, nullptr);
  }
  return None();
}

Module* create_time() {
  Module* m = module_new("time");
  Dict* d = m->dict;
  add_function(d, "time", t_time);
  add_function(d, "time_ns", t_time_ns);
  add_function(d, "perf_counter", t_perf_counter);
  add_function(d, "perf_counter_ns", t_perf_counter_ns);
  add_function(d, "monotonic", t_monotonic);
  add_function(d, "monotonic_ns", t_monotonic_ns);
  add_function(d, "process_time", t_process_time);
  add_function(d, "process_time_ns", t_process_time_ns);
  add_function(d, "sleep", t_sleep);
  return m;
}

}  // namespace

void init_time_module() { register_builtin_module("time", create_time); }

}  // namespace rt
