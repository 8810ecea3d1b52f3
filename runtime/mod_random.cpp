// The random module on a Mersenne Twister (MT19937, seeded as CPython's init_by_array from an
// int seed, so random() and getrandbits() follow CPython's sequences for int seeds): seed,
// random, getrandbits, randrange, randint, choice, shuffle, uniform, sample.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/critical_section.h"
#include "runtime/int.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

namespace rt {

namespace {

// MT19937 state (the reference implementation's constants).
struct Mt {
  static constexpr int N = 624, M = 397;
  uint32_t state[N];
  int index = N + 1;

  void init_genrand(uint32_t s) {
    state[0] = s;
    for (int i = 1; i < N; i++) state[i] = 1812433253u * (state[i - 1] ^ (state[i - 1] >> 30)) + uint32_t(i);
    index = N;
  }

  void init_by_array(const std::vector<uint32_t>& key) {
    init_genrand(19650218u);
    int i = 1, j = 0;
    size_t klen = key.size();
    for (size_t k = (size_t(N) > klen ? N : klen); k; k--) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
      i++;
      j++;
      if (i >= N) {
        state[0] = state[N - 1];
        i = 1;
      }
      if (size_t(j) >= klen) j = 0;
    }
    for (int k = N - 1; k; k--) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
      i++;
      if (i >= N) {
        state[0] = state[N - 1];
        i = 1;
      }
    }
    state[0] = 0x80000000u;
  }

  uint32_t next32() {
    static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    if (index >= N) {
      int kk;
      uint32_t y;
      for (kk = 0; kk < N - M; kk++) {
        y = (state[kk] & 0x80000000u) | (state[kk + 1] & 0x7fffffffu);
        state[kk] = state[kk + M] ^ (y >> 1) ^ mag01[y & 1];
      }
      for (; kk < N - 1; kk++) {
        y = (state[kk] & 0x80000000u) | (state[kk + 1] & 0x7fffffffu);
        state[kk] = state[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 1];
      }
      y = (state[N - 1] & 0x80000000u) | (state[0] & 0x7fffffffu);
      state[N - 1] = state[M - 1] ^ (y >> 1) ^ mag01[y & 1];
      index = 0;
    }
    uint32_t y = state[index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
  }

  // random(): 53 random bits in [0, 1).
  double next_double() {
    uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
};

// The generator every thread draws from, as CPython's module-level Random instance. Each
// draw or reseed changes its state as a whole: in the free-threaded build it runs inside a
// leaf critical section on [gen_lock], a bare object that serves only as the lock (CPython
// 3.13t locks the Random instance the same way). The GIL build takes no lock.
Mt gen_state;
Object gen_lock = [] {
  Object o{};
  init_static_immortal(o);
  return o;
}();

void reseed(const std::vector<uint32_t>& key) {
  LeafCriticalSection cs(&gen_lock);
  gen_state.init_by_array(key);
}

double next_double() {
  LeafCriticalSection cs(&gen_lock);
  return gen_state.next_double();
}

// [n] consecutive 32-bit outputs into [out], in one section.
void next_words(uint32_t* out, size_t n) {
  LeafCriticalSection cs(&gen_lock);
  for (size_t i = 0; i < n; ++i) out[i] = gen_state.next32();
}

// Seeds from an int-like value (its absolute value, 32 bits at a time), as CPython.
void seed_from_int(Value v) {
  Mpz a;
  mpz_abs(a.z, MpzView(v).get());
  std::vector<uint32_t> key;
  while (mpz_sgn(a.z) != 0) {
    key.push_back(uint32_t(mpz_get_ui(a.z) & 0xffffffffu));
    mpz_tdiv_q_2exp(a.z, a.z, 32);
  }
  if (key.empty()) key.push_back(0);
  reseed(key);
}

void seed_from_time() {
  uint64_t t = uint64_t(std::chrono::high_resolution_clock::now().time_since_epoch().count());
  uint64_t p = uint64_t(getpid());
  reseed({uint32_t(t), uint32_t(t >> 32), uint32_t(p), uint32_t(uintptr_t(&t) >> 4)});
}

// getrandbits(k) as a new int value, [k] > 0.
Value random_bits(uint64_t k) {
  if (k <= 32) {
    uint32_t x;
    next_words(&x, 1);
    return Value::from_int(x >> (32 - k));
  }
  if (k <= 49) {
    uint32_t w[2];
    next_words(w, 2);
    uint64_t lo = w[0], hi = w[1] >> (64 - k);
    return Value::from_int(int64_t((hi << 32) | lo));
  }
  Mpz r;
  size_t words = (k - 1) / 32 + 1;
  std::vector<uint32_t> w(words);
  next_words(w.data(), words);
  if (k % 32 != 0) w[words - 1] >>= 32 - k % 32;
  mpz_import(r.z, words, -1, 4, 0, 0, w.data());
  return int_from_mpz(r.z);
}

// A random int in [0, n), n > 0 (CPython's _randbelow_with_getrandbits).
Value randbelow(Value n) {
  size_t k = mpz_sizeinbase(MpzView(n).get(), 2);
  for (;;) {
    Ref r = Ref::steal(random_bits(k));
    if (compare_bool(r.get(), n, CmpOp::Lt)) return r.release();
  }
}

// The same for a small n.
int64_t randbelow_i64(int64_t n) {
  Ref nv = Ref::steal(int_from_i64(n));
  Ref r = Ref::steal(randbelow(nv.get()));
  int64_t out = 0;
  int_to_i64(r.get(), &out);
  return out;
}

// Binds the arguments of the module function [name], a bound method of CPython's Random
// written in Python (random.py), with the interpreter's messages for that method.
void method_args(const char* name, const Value* args, size_t nargs, Tuple* kwnames,
                 std::initializer_list<const char*> names, size_t required, Value* out) {
  py_method_args(fmt::format("Random.{}", name), args, nargs, kwnames, names, required, out);
}

Value r_seed(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  method_args("seed", args, nargs, kwnames, {"a", "version"}, 0, a);
  Value s = a[0];
  if (s.is_null() || s == None()) seed_from_time();
  else if (int_check(s)) seed_from_int(s);
  else if (s.is_double() || str_check(s)) {
    Ref h = Ref::steal(int_from_i64(hash(s)));
    seed_from_int(h.get());
  } else {
    raise_msg(&exc_TypeError,
              "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
  return None();
}

Value r_random(const Value*, size_t nargs, Tuple* kwnames) {
  check_meth_noargs("Random.random", nargs, kwnames);
  return Value::from_double(next_double());
}

Value r_getrandbits(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("Random.getrandbits", nargs, kwnames);
  int64_t k = int_arg(args[0]);
  if (k < 0) raise_msg(&exc_ValueError, "number of bits must be non-negative");
  if (k == 0) return Value::from_int(0);
  return random_bits(uint64_t(k));
}

// uniform(a, b): a + (b - a) * random(), with the operands' own arithmetic (and errors).
Value r_uniform(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  method_args("uniform", args, nargs, kwnames, {"a", "b"}, 2, a);
  Ref width = Ref::steal(binary_op(a[1], a[0], BinOp::Sub));
  Ref r = Ref::steal(Value::from_double(next_double()));
  Ref scaled = Ref::steal(binary_op(width.get(), r.get(), BinOp::Mul));
  return binary_op(a[0], scaled.get(), BinOp::Add);
}

// An argument of randrange as CPython 3.11's: an int (operator.index), else int(v), which
// must equal v ("non-integer arg 1 for randrange()"; [what] is "arg 1", "stop" or "step").
// CPython also warns (DeprecationWarning) for a non-int; minipy has no warnings.
Ref randrange_arg(Value v, const char* what) {
  if (int_check(v)) return Ref::borrow(v);
  Ref i = Ref::steal(call1(Value::from_obj(&int_type), v));
  if (compare_bool(i.get(), v, CmpOp::Ne)) raise_fmt(&exc_ValueError, "non-integer {} for randrange()", what);
  return i;
}

// randrange(start, stop=None, step=1), CPython 3.11's messages.
Value randrange(Value start_arg, Value stop_arg, Value step_arg) {
  Ref start_ref = randrange_arg(start_arg, "arg 1");
  Value start = start_ref.get();
  if (stop_arg.is_null() || stop_arg == None()) {
    if (!step_arg.is_null()) raise_msg(&exc_TypeError, "Missing a non-None stop argument");
    if (compare_bool(start, Value::from_int(0), CmpOp::Gt)) return randbelow(start);
    raise_msg(&exc_ValueError, "empty range for randrange()");
  }
  Ref stop_ref = randrange_arg(stop_arg, "stop");
  Value stop = stop_ref.get();
  Ref width = Ref::steal(binary_op(stop, start, BinOp::Sub));
  Ref step_ref = step_arg.is_null() ? Ref::borrow(Value::from_int(1)) : randrange_arg(step_arg, "step");
  Value step = step_ref.get();
  if (step.is_int() ? step.as_int() == 1 : compare_bool(step, Value::from_int(1), CmpOp::Eq)) {
    if (compare_bool(width.get(), Value::from_int(0), CmpOp::Gt)) {
      Ref r = Ref::steal(randbelow(width.get()));
      return binary_op(start, r.get(), BinOp::Add);
    }
    raise_fmt(&exc_ValueError, "empty range for randrange() ({}, {}, {})", repr_string(start), repr_string(stop),
              repr_string(width.get()));
  }
  Ref n;
  if (compare_bool(step, Value::from_int(0), CmpOp::Gt)) {
    Ref t = Ref::steal(binary_op(width.get(), step, BinOp::Add));
    Ref t1 = Ref::steal(binary_op(t.get(), Value::from_int(1), BinOp::Sub));
    n = Ref::steal(binary_op(t1.get(), step, BinOp::FloorDiv));
  } else if (compare_bool(step, Value::from_int(0), CmpOp::Lt)) {
    Ref t = Ref::steal(binary_op(width.get(), step, BinOp::Add));
    Ref t1 = Ref::steal(binary_op(t.get(), Value::from_int(1), BinOp::Add));
    n = Ref::steal(binary_op(t1.get(), step, BinOp::FloorDiv));
  } else {
    raise_msg(&exc_ValueError, "zero step for randrange()");
  }
  if (!compare_bool(n.get(), Value::from_int(0), CmpOp::Gt)) raise_msg(&exc_ValueError, "empty range for randrange()");
  Ref r = Ref::steal(randbelow(n.get()));
  Ref off = Ref::steal(binary_op(step, r.get(), BinOp::Mul));
  return binary_op(start, off.get(), BinOp::Add);
}

Value r_randrange(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  method_args("randrange", args, nargs, kwnames, {"start", "stop", "step"}, 1, a);
  return randrange(a[0], a[1], a[2]);
}

Value r_randint(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  method_args("randint", args, nargs, kwnames, {"a", "b"}, 2, a);
  Ref b1 = Ref::steal(binary_op(a[1], Value::from_int(1), BinOp::Add));
  return randrange(a[0], b1.get(), Value::null());
}

Value r_choice(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  method_args("choice", args, nargs, kwnames, {"seq"}, 1, a);
  int64_t n = length(a[0]);
  if (n == 0) raise_msg(&exc_IndexError, "Cannot choose from an empty sequence");
  return getitem(a[0], Value::from_int(randbelow_i64(n)));
}

// shuffle(x): Fisher-Yates from the end, as CPython. A list is shuffled in one leaf critical
// section, with the draws made before it (a draw may wait for the generator's lock); if
// another thread changed the list's length meanwhile, it draws again for the new length.
Value r_shuffle(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  method_args("shuffle", args, nargs, kwnames, {"x"}, 1, a);
  Value x = a[0];
  if (type_of(x) == &list_type) {
    List* l = x.as<List>();
    std::vector<int64_t> draws;
    for (;;) {
      int64_t n = length(x);
      draws.clear();
      for (int64_t i = n - 1; i > 0; --i) draws.push_back(randbelow_i64(i + 1));
      LeafCriticalSection cs(l);
      if (int64_t(l->size) != n) continue;
      for (int64_t i = n - 1, k = 0; i > 0; --i, ++k) std::swap(l->items[i], l->items[draws[size_t(k)]]);
      return None();
    }
  }
  int64_t n = length(x);
  for (int64_t i = n - 1; i > 0; --i) {
    int64_t j = randbelow_i64(i + 1);
    Ref xi = Ref::steal(getitem(x, Value::from_int(i)));
    Ref xj = Ref::steal(getitem(x, Value::from_int(j)));
    setitem(x, Value::from_int(i), xj.get());
    setitem(x, Value::from_int(j), xi.get());
  }
  return None();
}

// sample(population, k): k distinct items, in selection order.
Value r_sample(const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  method_args("sample", args, nargs, kwnames, {"population", "k"}, 2, a);
  Ref pool = Ref::steal(call1(Value::from_obj(&list_type), a[0]));
  List* p = pool.as<List>();
  int64_t n = int64_t(p->size);
  int64_t k = int_arg(a[1]);
  if (k < 0 || k > n) raise_msg(&exc_ValueError, "Sample larger than population or is negative");
  List* out = list_new(0);
  Ref result = Ref::steal(Value::from_obj(out));
  for (int64_t i = 0; i < k; ++i) {
    int64_t j = randbelow_i64(n - i);
    list_append(out, p->items[j]);
    std::swap(p->items[j], p->items[n - i - 1]);
  }
  return result.release();
}

Module* create_random() {
  seed_from_time();
  Module* m = module_new("random");
  Dict* d = m->dict;
  add_function(d, "seed", r_seed);
  add_function(d, "random", r_random);
  add_function(d, "getrandbits", r_getrandbits);
  add_function(d, "uniform", r_uniform);
  add_function(d, "randrange", r_randrange);
  add_function(d, "randint", r_randint);
  add_function(d, "choice", r_choice);
  add_function(d, "shuffle", r_shuffle);
  add_function(d, "sample", r_sample);
  return m;
}

}  // namespace

void init_random_module() { register_builtin_module("random", create_random); }

}  // namespace rt
