// The itertools module in C++: count, cycle, repeat, chain (+ from_iterable), islice, product,
// permutations, combinations, combinations_with_replacement, accumulate, groupby, zip_longest,
// starmap, takewhile, dropwhile, filterfalse, compress, pairwise. Every iterator is one
// object type whose state is a small C++ class with a virtual next(), which runs in a
// critical section on the iterator (on its groupby, for a group, whose position is the
// groupby's): threads sharing one (a count handing out ids) never see its state half-updated.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "runtime/builtins_internal.h"
#include "runtime/core.h"
#include "runtime/critical_section.h"
#include "runtime/modules_internal.h"
#include "runtime/ops.h"

namespace rt {

namespace {

// The state of one iterator: next() returns a new reference, or null when exhausted.
struct IterState {
  virtual ~IterState() = default;
  virtual Value next() = 0;
  virtual std::string repr() { return ""; }
  // The object whose critical section guards this state while next() runs.
  virtual Object* guard(Object* self) { return self; }
};

struct NativeIter : Object {
  IterState* st;
};

Type count_type, cycle_type, repeat_type, chain_type, islice_type, product_type, permutations_type,
    combinations_type, cwr_type, accumulate_type, groupby_type, grouper_type, zip_longest_type, starmap_type,
    takewhile_type, dropwhile_type, filterfalse_type, compress_type, pairwise_type;

void native_dealloc(Object* o) {
  delete static_cast<NativeIter*>(o)->st;
  object_free(o);
}
Value native_iter(Value self) {
  incref(self);
  return self;
}
// A StopIteration from a function the iterator calls (accumulate's func, groupby's key,
// starmap's, the predicates) ends the iteration, as CPython's C iterators return NULL with it.
Value native_next(Value self) {
  IterState* st = self.as<NativeIter>()->st;
  try {
    CriticalSection cs(st->guard(self.as_obj()));
    return st->next();
  } catch (PyError& e) {
    if (!exception_matches(e.exc(), Value::from_obj(&exc_StopIteration))) throw;
    stop_iteration_keep(e);
    return Value::null();
  }
}
Value native_repr(Value self) {
  std::string r = self.as<NativeIter>()->st->repr();
  if (r.empty()) return str_value(default_repr_string(self));
  return str_value(r);
}

Value make(Type* t, IterState* st) {
  std::unique_ptr<IterState> owned(st);
  NativeIter* it = alloc_object<NativeIter>(t);
  it->st = owned.release();
  return Value::from_obj(it);
}

Ref iter_of(Value v) { return Ref::steal(get_iter(v)); }
Ref next_of(const Ref& it) { return Ref::steal(iter_next(it.get())); }

// A tuple of the values of [items] (each increfed).
Value tuple_of(const std::vector<Ref>& items) {
  Tuple* t = tuple_new(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    incref(items[i].get());
    t->items()[i] = items[i].get();
  }
  return Value::from_obj(t);
}

// All items of an iterable.
std::vector<Ref> collect(Value iterable) {
  std::vector<Ref> out;
  Ref it = iter_of(iterable);
  for (;;) {
    Ref x = next_of(it);
    if (!x) break;
    out.push_back(std::move(x));
  }
  return out;
}

// ---- count, cycle, repeat ----------------------------------------------------------------

struct Count : IterState {
  Ref cur, step;
  Value next() override {
    Value v = cur.get();
    incref(v);
    if (v.is_int() && step.get().is_int()) {
      int64_t n = v.as_int() + step.get().as_int();
      if (Value::fits_small_int(n)) {
        cur = Ref::steal(Value::from_int(n));
        return v;
      }
    }
    cur = Ref::steal(binary_op(v, step.get(), BinOp::Add));
    return v;
  }
  std::string repr() override {
    int64_t s;
    bool step_one = int_check(step.get()) && int_to_i64(step.get(), &s) && s == 1;
    if (step_one) return fmt::format("count({})", repr_string(cur.get()));
    return fmt::format("count({}, {})", repr_string(cur.get()), repr_string(step.get()));
  }
};

Value count_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("count", args, nargs, kwnames, {"start", "step"}, 0, 0, a);
  for (Value v : {a[0], a[1]}) {
    if (!v.is_null() && !int_check(v) && !v.is_double() && !(type_of(v)->flags & kTypeHeapType))
      raise_msg(&exc_TypeError, "a number is required");
  }
  // CPython's fast mode: a start that fits a C ssize_t with a step equal to 1 counts in C
  // integers, so count(True) yields 1, 2, ...; otherwise the objects are added as they are.
  int64_t start = 0, step = 1;
  bool fast = (a[0].is_null() || (int_check(a[0]) && int_to_i64(a[0], &start))) &&
              (a[1].is_null() || (int_check(a[1]) && int_to_i64(a[1], &step) && step == 1));
  Count* c = new Count;
  if (fast) {
    c->cur = Ref::steal(int_from_i64(start));
    c->step = Ref::steal(Value::from_int(1));
  } else {
    c->cur = a[0].is_null() ? Ref::steal(Value::from_int(0)) : Ref::borrow(a[0]);
    c->step = a[1].is_null() ? Ref::steal(Value::from_int(1)) : Ref::borrow(a[1]);
  }
  return make(t, c);
}

struct Cycle : IterState {
  Ref it;
  std::vector<Ref> saved;
  size_t index = 0;
  bool first_pass = true;
  Value next() override {
    if (first_pass) {
      Ref x = next_of(it);
      if (x) {
        saved.push_back(x);
        return x.release();
      }
      first_pass = false;
    }
    if (saved.empty()) return Value::null();
    Value v = saved[index].get();
    index = (index + 1) % saved.size();
    incref(v);
    return v;
  }
};

Value cycle_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("cycle", kwnames);
  check_positional("cycle", nargs, 1, 1);
  Cycle* c = new Cycle;
  try {
    c->it = iter_of(args[0]);
  } catch (...) {
    delete c;
    throw;
  }
  return make(t, c);
}

struct Repeat : IterState {
  Ref obj;
  int64_t times = -1;  // -1: forever
  Value next() override {
    if (times == 0) return Value::null();
    if (times > 0) --times;
    incref(obj.get());
    return obj.get();
  }
  std::string repr() override {
    if (times < 0) return fmt::format("repeat({})", repr_string(obj.get()));
    return fmt::format("repeat({}, {})", repr_string(obj.get()), times);
  }
};

Value repeat_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("repeat", args, nargs, kwnames, {"object", "times"}, 0, 1, a);
  Repeat* r = new Repeat;
  r->obj = Ref::borrow(a[0]);
  if (!a[1].is_null()) {
    int64_t n = int_arg(a[1]);
    r->times = n < 0 ? 0 : n;
  }
  return make(t, r);
}

// ---- chain, islice -----------------------------------------------------------------------

struct Chain : IterState {
  Ref sources;  // an iterator over the iterables
  Ref active;   // the current iterable's iterator
  Value next() override {
    for (;;) {
      if (!active) {
        if (!sources) return Value::null();
        Ref src = next_of(sources);
        if (!src) {
          sources = Ref();
          return Value::null();
        }
        active = iter_of(src.get());
      }
      Ref x = next_of(active);
      if (x) return x.release();
      active = Ref();
    }
  }
};

Value chain_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("chain", kwnames);
  Ref tup = Ref::steal(Value::from_obj(tuple_from(args, nargs)));
  Chain* c = new Chain;
  c->sources = iter_of(tup.get());
  return make(t, c);
}

Value chain_from_iterable(const Value* args, size_t nargs, Tuple* kwnames) {
  check_meth_o("from_iterable", nargs - 1, kwnames);
  Ref src = iter_of(args[1]);
  Chain* c = new Chain;
  c->sources = src;
  return make(args[0].as<Type>(), c);
}

struct ISlice : IterState {
  Ref it;
  int64_t next_index = 0, stop = -1, step = 1, pos = 0;  // stop -1: no stop
  Value next() override {
    if (!it) return Value::null();
    while (pos < next_index) {
      Ref skip = next_of(it);
      if (!skip) {
        it = Ref();
        return Value::null();
      }
      ++pos;
    }
    if (stop >= 0 && pos >= stop) {
      it = Ref();
      return Value::null();
    }
    Ref x = next_of(it);
    if (!x) {
      it = Ref();
      return Value::null();
    }
    ++pos;
    next_index += step;
    if (stop >= 0 && next_index > stop) next_index = stop;
    return x.release();
  }
};

// An islice index: None or 0 <= int <= sys.maxsize.
int64_t islice_index(Value v, const char* msg, int64_t dflt) {
  if (v.is_null() || v == None()) return dflt;
  int64_t n;
  if (!int_check(v) || !int_to_i64(v, &n) || n < 0) raise_msg(&exc_ValueError, msg);
  return n;
}

Value islice_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("islice", kwnames);
  check_positional("islice", nargs, 2, 4);
  static const char* kStop = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char* kIdx = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop, step = 1;
  if (nargs == 2) {
    stop = islice_index(args[1], kStop, -1);
  } else {
    start = islice_index(args[1], kIdx, 0);
    stop = islice_index(args[2], kIdx, -1);
    if (nargs == 4) {
      Value s = args[3];
      if (s != None()) {
        int64_t n;
        if (!int_check(s) || !int_to_i64(s, &n) || n <= 0)
          raise_msg(&exc_ValueError, "Step for islice() must be a positive integer or None.");
        step = n;
      }
    }
  }
  Ref it = iter_of(args[0]);
  ISlice* s = new ISlice;
  s->it = it;
  s->next_index = start;
  s->stop = stop;
  s->step = step;
  return make(t, s);
}

// ---- combinatorics ----------------------------------------------------------------------

struct Product : IterState {
  std::vector<std::vector<Ref>> pools;
  std::vector<size_t> idx;
  bool started = false, done = false;
  Value next() override {
    if (done) return Value::null();
    if (!started) {
      started = true;
      for (auto& p : pools)
        if (p.empty()) {
          done = true;
          return Value::null();
        }
      idx.assign(pools.size(), 0);
    } else {
      size_t i = pools.size();
      for (;;) {
        if (i == 0) {
          done = true;
          return Value::null();
        }
        --i;
        if (++idx[i] < pools[i].size()) break;
        idx[i] = 0;
      }
    }
    Tuple* t = tuple_new(pools.size());
    for (size_t i = 0; i < pools.size(); ++i) {
      Value v = pools[i][idx[i]].get();
      incref(v);
      t->items()[i] = v;
    }
    return Value::from_obj(t);
  }
};

Value product_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t repeat = 1;
  for (size_t i = 0; i < kw_count(kwnames); ++i) {
    if (kw_name(kwnames, i)->view() != "repeat")
      raise_fmt(&exc_TypeError, "product() got an unexpected keyword argument '{}'", kw_name(kwnames, i)->view());
    repeat = int_arg(args[nargs + i]);
    if (repeat < 0) raise_msg(&exc_ValueError, "repeat argument cannot be negative");
  }
  std::unique_ptr<Product> p(new Product);
  std::vector<std::vector<Ref>> base;
  for (size_t i = 0; i < nargs; ++i) base.push_back(collect(args[i]));
  for (int64_t r = 0; r < repeat; ++r)
    for (auto& b : base) p->pools.push_back(b);
  return make(t, p.release());
}

// permutations (distinct positions) and combinations, with or without replacement, following
// CPython's index algorithms.
struct Combinatoric : IterState {
  enum Kind { Perm, Comb, CombRepl } kind;
  std::vector<Ref> pool;
  size_t r = 0;
  std::vector<size_t> indices, cycles;
  bool started = false, done = false;

  Value emit() {
    Tuple* t = tuple_new(r);
    for (size_t i = 0; i < r; ++i) {
      Value v = pool[indices[i]].get();
      incref(v);
      t->items()[i] = v;
    }
    return Value::from_obj(t);
  }

  Value next() override {
    if (done) return Value::null();
    size_t n = pool.size();
    if (!started) {
      started = true;
      if ((kind != CombRepl && r > n) || (kind == CombRepl && n == 0 && r > 0)) {
        done = true;
        return Value::null();
      }
      if (kind == Perm) {
        indices.resize(n);
        for (size_t i = 0; i < n; ++i) indices[i] = i;
        cycles.resize(r);
        for (size_t i = 0; i < r; ++i) cycles[i] = n - i;
      } else if (kind == Comb) {
        indices.resize(r);
        for (size_t i = 0; i < r; ++i) indices[i] = i;
      } else {
        indices.assign(r, 0);
      }
      return emit();
    }
    if (kind == Perm) {
      if (n == 0) {
        done = true;
        return Value::null();
      }
      for (size_t i = r; i-- > 0;) {
        if (--cycles[i] == 0) {
          size_t first = indices[i];
          for (size_t j = i; j + 1 < n; ++j) indices[j] = indices[j + 1];
          indices[n - 1] = first;
          cycles[i] = n - i;
        } else {
          std::swap(indices[i], indices[n - cycles[i]]);
          return emit();
        }
      }
      done = true;
      return Value::null();
    }
    if (kind == Comb) {
      size_t i = r;
      for (;;) {
        if (i == 0) {
          done = true;
          return Value::null();
        }
        --i;
        if (indices[i] != i + n - r) break;
      }
      ++indices[i];
      for (size_t j = i + 1; j < r; ++j) indices[j] = indices[j - 1] + 1;
      return emit();
    }
    size_t i = r;
    for (;;) {
      if (i == 0) {
        done = true;
        return Value::null();
      }
      --i;
      if (indices[i] != n - 1) break;
    }
    size_t v = indices[i] + 1;
    for (size_t j = i; j < r; ++j) indices[j] = v;
    return emit();
  }
};

Value combinatoric_new(Type* t, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                       Combinatoric::Kind kind) {
  Value a[2];
  clinic_args(fname, args, nargs, kwnames, {"iterable", "r"}, 0, kind == Combinatoric::Perm ? 1 : 2, a);
  std::unique_ptr<Combinatoric> c(new Combinatoric);
  c->kind = kind;
  c->pool = collect(a[0]);
  if (a[1].is_null() || a[1] == None()) {
    if (kind != Combinatoric::Perm) raise_msg(&exc_TypeError, "Expected int as r");
    c->r = c->pool.size();
  } else {
    if (!int_check(a[1])) raise_msg(&exc_TypeError, "Expected int as r");
    int64_t r = int_arg(a[1]);
    if (r < 0) raise_msg(&exc_ValueError, "r must be non-negative");
    c->r = size_t(r);
  }
  return make(t, c.release());
}
Value permutations_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  return combinatoric_new(t, "permutations", args, nargs, kwnames, Combinatoric::Perm);
}
Value combinations_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  return combinatoric_new(t, "combinations", args, nargs, kwnames, Combinatoric::Comb);
}
Value cwr_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  return combinatoric_new(t, "combinations_with_replacement", args, nargs, kwnames, Combinatoric::CombRepl);
}

// ---- accumulate, groupby, zip_longest ---------------------------------------------------

struct Accumulate : IterState {
  Ref it, func, total, initial;
  Value next() override {
    if (initial) {
      total = initial;
      initial = Ref();
      incref(total.get());
      return total.get();
    }
    Ref x = next_of(it);
    if (!x) return Value::null();
    if (!total) total = x;
    else if (!func || func.get() == None()) total = Ref::steal(binary_op(total.get(), x.get(), BinOp::Add));
    else total = Ref::steal(call2(func.get(), total.get(), x.get()));
    incref(total.get());
    return total.get();
  }
};

Value accumulate_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  clinic_args("accumulate", args, nargs, kwnames, {"iterable", "func", "initial"}, 0, 1, a);
  Ref it = iter_of(a[0]);
  Accumulate* s = new Accumulate;
  s->it = it;
  if (!a[1].is_null()) s->func = Ref::borrow(a[1]);
  if (!a[2].is_null() && a[2] != None()) s->initial = Ref::borrow(a[2]);
  return make(t, s);
}

// groupby shares its position with the current group's _grouper, as CPython's.
struct GroupBy : IterState {
  Ref it, keyfunc, tgtkey, currkey, currvalue;
  uint64_t generation = 0;  // bumped when the parent moves to a new group

  // Advances to the next item; false at the end.
  bool step() {
    Ref x = next_of(it);
    if (!x) return false;
    Ref k = (!keyfunc || keyfunc.get() == None()) ? x : Ref::steal(call1(keyfunc.get(), x.get()));
    currvalue = x;
    currkey = k;
    return true;
  }
  Value next() override;
  NativeIter* self = nullptr;
};

struct Grouper : IterState {
  Ref parent;  // the groupby object
  Ref tgtkey;
  uint64_t generation;
  Object* guard(Object*) override { return parent.get().as_obj(); }  // its state is the parent's
  Value next() override {
    GroupBy* g = static_cast<GroupBy*>(parent.as<NativeIter>()->st);
    if (g->generation != generation) return Value::null();
    if (!g->currvalue) {
      if (!g->step()) return Value::null();
    }
    if (!compare_bool(tgtkey.get(), g->currkey.get(), CmpOp::Eq)) return Value::null();
    Ref v = g->currvalue;
    g->currvalue = Ref();
    return v.release();
  }
};

Value GroupBy::next() {
  ++generation;
  for (;;) {
    if (!currvalue) {
      if (!step()) return Value::null();
    }
    if (!tgtkey) break;
    if (!compare_bool(tgtkey.get(), currkey.get(), CmpOp::Eq)) break;
    currvalue = Ref();
  }
  tgtkey = currkey;
  Grouper* gr = new Grouper;
  gr->parent = Ref::borrow(Value::from_obj(self));
  gr->tgtkey = tgtkey;
  gr->generation = generation;
  Ref grouper = Ref::steal(make(&grouper_type, gr));
  Tuple* t = tuple_new(2);
  incref(tgtkey.get());
  t->items()[0] = tgtkey.get();
  t->items()[1] = grouper.release();
  return Value::from_obj(t);
}

Value groupby_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("groupby", args, nargs, kwnames, {"iterable", "key"}, 0, 1, a);
  Ref it = iter_of(a[0]);
  GroupBy* g = new GroupBy;
  g->it = it;
  if (!a[1].is_null()) g->keyfunc = Ref::borrow(a[1]);
  Value v = make(t, g);
  g->self = v.as<NativeIter>();
  return v;
}

struct ZipLongest : IterState {
  std::vector<Ref> its;  // null once exhausted
  Ref fill;
  size_t active;
  Value next() override {
    if (active == 0 || its.empty()) return Value::null();
    std::vector<Ref> out;
    for (auto& it : its) {
      Ref x;
      if (it) {
        x = next_of(it);
        if (!x) {
          it = Ref();
          if (--active == 0) return Value::null();
        }
      }
      out.push_back(x ? x : fill);
    }
    return tuple_of(out);
  }
};

Value zip_longest_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Ref fill = Ref::borrow(None());
  for (size_t i = 0; i < kw_count(kwnames); ++i) {
    if (kw_name(kwnames, i)->view() != "fillvalue")
      raise_fmt(&exc_TypeError, "zip_longest() got an unexpected keyword argument '{}'",
                kw_name(kwnames, i)->view());
    fill = Ref::borrow(args[nargs + i]);
  }
  std::unique_ptr<ZipLongest> z(new ZipLongest);
  for (size_t i = 0; i < nargs; ++i) z->its.push_back(iter_of(args[i]));
  z->fill = fill;
  z->active = nargs;
  return make(t, z.release());
}

// ---- the small filters --------------------------------------------------------------------

struct StarMap : IterState {
  Ref func, it;
  Value next() override {
    Ref x = next_of(it);
    if (!x) return Value::null();
    Ref args = Ref::steal(call1(Value::from_obj(&tuple_type), x.get()));
    Tuple* a = args.as<Tuple>();
    return call(func.get(), a->items(), a->size);
  }
};

Value starmap_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("starmap", kwnames);
  check_positional("starmap", nargs, 2, 2);
  Ref it = iter_of(args[1]);
  StarMap* s = new StarMap;
  s->func = Ref::borrow(args[0]);
  s->it = it;
  return make(t, s);
}

// takewhile (take), dropwhile (!take), filterfalse (filter).
struct Predicate : IterState {
  enum Kind { Take, Drop, FilterFalse } kind;
  Ref func, it;
  bool flag = false;  // takewhile: stopped; dropwhile: done dropping
  Value next() override {
    for (;;) {
      if (kind == Take && flag) return Value::null();
      Ref x = next_of(it);
      if (!x) return Value::null();
      if (kind == Drop && flag) return x.release();
      bool ok;
      if (kind == FilterFalse && func.get() == None()) ok = truthy(x.get());
      else {
        Ref r = Ref::steal(call1(func.get(), x.get()));
        ok = truthy(r.get());
      }
      if (kind == Take) {
        if (ok) return x.release();
        flag = true;
        return Value::null();
      }
      if (kind == Drop) {
        if (ok) continue;
        flag = true;
        return x.release();
      }
      if (!ok) return x.release();
    }
  }
};

Value predicate_new(Type* t, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                    Predicate::Kind kind) {
  no_kwargs(fname, kwnames);
  check_positional(fname, nargs, 2, 2);
  Ref it = iter_of(args[1]);
  Predicate* p = new Predicate;
  p->kind = kind;
  p->func = Ref::borrow(args[0]);
  p->it = it;
  return make(t, p);
}
Value takewhile_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(t, "takewhile", args, nargs, kwnames, Predicate::Take);
}
Value dropwhile_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(t, "dropwhile", args, nargs, kwnames, Predicate::Drop);
}
Value filterfalse_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(t, "filterfalse", args, nargs, kwnames, Predicate::FilterFalse);
}

struct Compress : IterState {
  Ref data, selectors;
  Value next() override {
    for (;;) {
      Ref x = next_of(data);
      if (!x) return Value::null();
      Ref s = next_of(selectors);
      if (!s) return Value::null();
      if (truthy(s.get())) return x.release();
    }
  }
};

Value compress_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  clinic_args("compress", args, nargs, kwnames, {"data", "selectors"}, 0, 2, a);
  Ref d = iter_of(a[0]);
  Ref s = iter_of(a[1]);
  Compress* c = new Compress;
  c->data = d;
  c->selectors = s;
  return make(t, c);
}

struct Pairwise : IterState {
  Ref it, old;
  Value next() override {
    if (!it) return Value::null();
    if (!old) {
      old = next_of(it);
      if (!old) {
        it = Ref();
        return Value::null();
      }
    }
    Ref x = next_of(it);
    if (!x) {
      it = Ref();
      old = Ref();
      return Value::null();
    }
    Value r = tuple_of({old, x});
    old = x;
    return r;
  }
};

Value pairwise_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("pairwise", kwnames);
  check_positional("pairwise", nargs, 1, 1);
  Ref it = iter_of(args[0]);
  Pairwise* p = new Pairwise;
  p->it = it;
  return make(t, p);
}

// Readies one iterator type named "itertools.[name]" with constructor [ctor].
void ready(Type* t, const char* name, Value (*ctor)(Type*, const Value*, size_t, Tuple*)) {
  module_type_init(t, name, sizeof(NativeIter));
  t->dealloc = native_dealloc;
  t->iter = native_iter;
  t->next = native_next;
  t->repr = native_repr;
  t->construct = ctor;
  type_ready(t);
}

Module* create_itertools() {
  static bool types_ready = false;
  if (!types_ready) {
    types_ready = true;
    ready(&count_type, "itertools.count", count_new);
    ready(&cycle_type, "itertools.cycle", cycle_new);
    ready(&repeat_type, "itertools.repeat", repeat_new);
    ready(&chain_type, "itertools.chain", chain_new);
    type_add_classmethod(&chain_type, "from_iterable", chain_from_iterable);
    ready(&islice_type, "itertools.islice", islice_new);
    ready(&product_type, "itertools.product", product_new);
    ready(&permutations_type, "itertools.permutations", permutations_new);
    ready(&combinations_type, "itertools.combinations", combinations_new);
    ready(&cwr_type, "itertools.combinations_with_replacement", cwr_new);
    ready(&accumulate_type, "itertools.accumulate", accumulate_new);
    ready(&groupby_type, "itertools.groupby", groupby_new);
    ready(&grouper_type, "itertools._grouper", nullptr);
    ready(&zip_longest_type, "itertools.zip_longest", zip_longest_new);
    ready(&starmap_type, "itertools.starmap", starmap_new);
    ready(&takewhile_type, "itertools.takewhile", takewhile_new);
    ready(&dropwhile_type, "itertools.dropwhile", dropwhile_new);
    ready(&filterfalse_type, "itertools.filterfalse", filterfalse_new);
    ready(&compress_type, "itertools.compress", compress_new);
    ready(&pairwise_type, "itertools.pairwise", pairwise_new);
  }
  Module* m = module_new("itertools");
  Dict* d = m->dict;
  static const struct {
    const char* name;
    Type* type;
  } kTypes[] = {{"count", &count_type},
                {"cycle", &cycle_type},
                {"repeat", &repeat_type},
                {"chain", &chain_type},
                {"islice", &islice_type},
                {"product", &product_type},
                {"permutations", &permutations_type},
                {"combinations", &combinations_type},
                {"combinations_with_replacement", &cwr_type},
                {"accumulate", &accumulate_type},
                {"groupby", &groupby_type},
                {"zip_longest", &zip_longest_type},
                {"starmap", &starmap_type},
                {"takewhile", &takewhile_type},
                {"dropwhile", &dropwhile_type},
                {"filterfalse", &filterfalse_type},
                {"compress", &compress_type},
                {"pairwise", &pairwise_type}};
  for (const auto& t : kTypes) dict_set(d, Value::from_obj(str_intern(t.name)), Value::from_obj(t.type));
  return m;
}

}  // namespace

void init_itertools_module() { register_builtin_module("itertools", create_itertools); }

}  // namespace rt
