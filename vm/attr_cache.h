// Inline caches of the attribute instructions (LoadAttr, StoreAttr, LoadMethod), CPython 3.11
// style: each instruction remembers, for the class (by version tag) it last saw, where the
// attribute was, so the next execution on an instance of that class skips the lookups.
//   LoadAttr/StoreAttr: the instance attribute's entry index in the instance dict (a hint,
//     checked against the key: instances of a class fill their dicts in the same order).
//   LoadMethod: the function found on the class (borrowed: the class dict holds it while the
//     version tag is unchanged), used when the instance dict does not shadow it.
// The version tag check also guarantees that no data descriptor (property) of that name
// appeared on the class. Free-threaded builds must not use these caches unsynchronised.
#pragma once

#include "runtime/objects.h"
#include "vm/code.h"

namespace vm {

struct AttrCache {
  uint32_t version;  // the class's version tag when filled; 0: empty
  uint32_t index;    // LoadAttr/StoreAttr: the entry index in the instance dict
  rt::Value descr;   // LoadMethod: the method found on the class (borrowed)
};

// The cache entry of instruction [idx] of [co], allocating the code's caches on first use.
inline AttrCache& attr_cache_at(Code* co, size_t idx) {
  if (co->attr_cache == nullptr) co->attr_cache = new AttrCache[co->code.size()]();
  return co->attr_cache[idx];
}

// After a slow LoadAttr/StoreAttr of [name] on [obj]: caches the position of the instance
// attribute when [obj]'s class allows it (plain instance attribute access).
void attr_cache_fill_dict(AttrCache& c, rt::Value obj, rt::Str* name);
// LoadMethod on an instance of a class without attribute hooks ([obj], an object): the
// function or method descriptor [name] found on the class (borrowed; null if it is
// something else), remembered in [c].
rt::Value attr_cache_fill_method(AttrCache& c, rt::Value obj, rt::Str* name);

}  // namespace vm
