// Filling the attribute instructions' inline caches (vm/attr_cache.h); the interpreter loop
// (vm/interp.cpp) checks them.
#include "vm/attr_cache.h"

#include "runtime/class.h"
#include "runtime/critical_section.h"
#include "runtime/dict_internal.h"
#include "runtime/ops.h"

namespace vm {

void attr_cache_fill_dict(AttrCache& c, rt::Value obj, rt::Str* name) {
  attr_cache_write(c, 0, 0, rt::Value::null());
  if (!obj.is_obj()) return;
  rt::Type* t = obj.as_obj()->type;
  if (t->getattr != rt::instance_getattr || t->setattr != rt::instance_setattr) return;
  uint32_t version = rt::type_version(t);
  rt::Value descr = rt::type_lookup(t, name);
  if (!descr.is_null() && rt::type_of(descr)->descr_set != nullptr) return;
  rt::Dict* d = rt::instance_dict_load(rt::instance_dict_slot(obj));
  if (d == nullptr) return;
  int64_t ix;
  {
    rt::CriticalSection cs(d);
    if (!rt::dict_find_str(d, name, &ix) || ix < 0 || d->entries[ix].key != rt::Value::from_obj(name)) return;
  }
  attr_cache_write(c, version, static_cast<uint32_t>(ix), rt::Value::null());
}

rt::Value attr_cache_fill_method(AttrCache& c, rt::Value obj, rt::Str* name) {
  attr_cache_write(c, 0, 0, rt::Value::null());
  rt::Type* t = obj.as_obj()->type;
  uint32_t version = rt::type_version(t);
  rt::Value d = rt::type_lookup(t, name);
  if (!d.is_obj()) return rt::Value::null();
  rt::Type* dt = d.as_obj()->type;
  if (dt != &rt::function_type && dt != &rt::method_descr_type) return rt::Value::null();
#if MINIPY_FREE_THREADED
  // Cached borrowed: only what stays alive without counting once threads run.
  if (!rt::is_immortal(d.as_obj()) && !(d.as_obj()->gc_bits & rt::kGcDeferred)) return d;
#endif
  attr_cache_write(c, version, 0, d);
  return d;
}

}  // namespace vm
