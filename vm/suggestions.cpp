// "Did you mean" hints, after CPython 3.11's Python/suggestions.c: the closest candidate by a
// Levenshtein distance where a change of case costs 1 and any other edit 2, accepted only when
// no more than about a third of the characters involved change.
#include "vm/suggestions.h"

#include <algorithm>
#include <climits>
#include <set>
#include <vector>

#include "runtime/error.h"
#include "runtime/ops.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace vm {

using rt::Ref;
using rt::Str;
using rt::Value;

namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a += 'a' - 'A';
  if ('A' <= b && b <= 'Z') b += 'a' - 'A';
  return a == b ? kCaseCost : kMoveCost;
}

// The candidate of [names] closest to [name], or "" (CPython's calculate_suggestions).
std::string best_match(const std::vector<std::string>& names, std::string_view name) {
  if (names.size() >= kMaxCandidates || name.size() > kMaxStringSize) return "";
  size_t best_distance = SIZE_MAX;
  const std::string* best = nullptr;
  for (const std::string& item : names) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = suggestion_distance(name, item, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = &item;
      best_distance = d;
    }
  }
  return best ? *best : "";
}

// The str keys of [d].
std::vector<std::string> dict_keys(rt::Dict* d) {
  std::vector<std::string> out;
  if (!d) return out;
  size_t pos = 0;
  Value k, v;
  while (rt::dict_next(d, &pos, &k, &v)) {
    if (rt::str_check(k)) out.emplace_back(rt::as_str(k)->view());
  }
  return out;
}

// An attribute of [exc] stored in its dict (name, obj), borrowed; null if absent.
Value exc_attr(Value exc, const char* name) {
  rt::BaseException* e = exc.as<rt::BaseException>();
  if (!e->dict) return Value::null();
  return rt::dict_get_str(e->dict, rt::str_intern(name));
}

// The globals of the module whose code is [code]: the module in sys.modules with that
// __file__, else __main__.
rt::Dict* globals_for(Code* code) {
  rt::Dict* modules = modules_dict();
  size_t pos = 0;
  Value k, m;
  rt::Dict* main = nullptr;
  while (rt::dict_next(modules, &pos, &k, &m)) {
    if (rt::type_of(m) != &rt::module_type) continue;
    rt::Dict* d = m.as<rt::Module>()->dict;
    if (rt::str_check(k) && rt::as_str(k)->view() == "__main__") main = d;
    Value f = rt::dict_get_str(d, rt::str_intern("__file__"));
    if (!f.is_null() && rt::str_check(f) && rt::str_equal(rt::as_str(f), code->filename)) return d;
  }
  return main;
}

std::string name_error_suggestion(Value exc, Str* name) {
  rt::BaseException* e = exc.as<rt::BaseException>();
  rt::Traceback* tb = e->traceback;
  if (!tb) return "";
  while (tb->next) tb = tb->next;
  Code* code = static_cast<Code*>(tb->code);
  std::vector<std::string> names;
  for (size_t i = 0; i < code->varnames->size; ++i) names.emplace_back(code->varnames->item(i).as<Str>()->view());
  std::string s = best_match(names, name->view());
  if (s.empty()) s = best_match(dict_keys(globals_for(code)), name->view());
  if (s.empty()) s = best_match(dict_keys(interp.builtins), name->view());
  return s;
}

// What dir(obj) lists: the instance dict, then the attributes along the type's MRO (for a
// class: along its own MRO), sorted.
std::vector<std::string> dir_of(Value obj) {
  std::set<std::string> names;
  auto add_dict = [&](Value d) {
    if (!d.is_null() && rt::type_of(d) == &rt::dict_type)
      for (auto& n : dict_keys(d.as<rt::Dict>())) names.insert(n);
  };
  Ref dict = Ref::steal(rt::getattr_opt(obj, rt::str_intern("__dict__")));
  if (dict) add_dict(dict.get());
  rt::Type* t = rt::is_subtype(rt::type_of(obj), &rt::type_type) ? obj.as<rt::Type>() : rt::type_of(obj);
  if (rt::type_of(obj) == &rt::module_type) t = nullptr;
  if (t) {
    if (t->mro) {
      for (size_t i = 0; i < t->mro->size; ++i) add_dict(Value::from_obj(t->mro->item(i).as<rt::Type>()->dict));
    } else {
      add_dict(Value::from_obj(t->dict));
    }
  }
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace

size_t suggestion_distance(std::string_view a, std::string_view b, size_t max_cost) {
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  for (size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + substitution_cost(code, a[ai]);
      distance = buffer[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

void raise_name_error(Str* name) {
  Ref exc = Ref::steal(rt::new_exception(&rt::exc_NameError, "name '" + std::string(name->view()) + "' is not defined"));
  rt::setattr(exc.get(), rt::str_intern("name"), Value::from_obj(name));
  rt::raise(exc.release());
}

std::string suggestion_suffix(Value exc) {
  if (!rt::exception_check(exc)) return "";
  rt::Type* t = rt::type_of(exc);
  bool name_error = rt::is_subtype(t, &rt::exc_NameError);
  if (!name_error && !rt::is_subtype(t, &rt::exc_AttributeError)) return "";
  try {
    Value name = exc_attr(exc, "name");
    if (name.is_null() || rt::type_of(name) != &rt::str_type) return "";
    std::string s;
    if (name_error) {
      s = name_error_suggestion(exc, rt::as_str(name));
    } else {
      Value obj = exc_attr(exc, "obj");
      if (obj.is_null()) return "";
      s = best_match(dir_of(obj), rt::as_str(name)->view());
    }
    return s.empty() ? "" : ". Did you mean: '" + s + "'?";
  } catch (rt::PyError&) {
    return "";
  }
}

}  // namespace vm
