// The Value type: one 64-bit word holding a float, a small int or an object pointer.
// This file is the only place that knows the bit layout; everything else uses the accessors.
#pragma once

#include <cstdint>
#include <cstring>

namespace rt {

struct Object;

// NaN-boxing. A double is stored as itself; the other kinds live in NaN payloads that real
// arithmetic never produces (every NaN is canonicalised to kCanonicalNaN on entry).
//
//   bit 63  62........52 51 50 49.............................................0
//  +------+-------------+--+--+-----------------------------------------------+
//  |  s   |  exponent   | q|  |  mantissa                                      |  double: anything else
//  +------+-------------+--+--+-----------------------------------------------+
//  |  0   | 11111111111 | 1| 1|  50-bit two's complement integer               |  small int
//  +------+-------------+--+--+--+--------------------------------------------+
//  |  1   | 11111111111 | 1| 1|00|  48-bit object pointer (0 = null)           |  object
//  +------+-------------+--+--+--+--------------------------------------------+
//
// So: is_obj is one unsigned compare (bits >= kObjTag), is_int one shift and compare, and a
// refcount operation is skipped for doubles and ints without touching memory. "null" (the
// object tag with pointer 0) marks an unbound local, a missing value or "no result".
class Value {
 public:
  static constexpr uint64_t kObjTag = 0xFFFC000000000000ull;
  static constexpr uint64_t kIntTag = 0x7FFC000000000000ull;
  static constexpr uint64_t kIntPayloadMask = (1ull << 50) - 1;
  static constexpr uint64_t kCanonicalNaN = 0x7FF8000000000000ull;
  static constexpr int64_t kIntMin = -(int64_t(1) << 49);
  static constexpr int64_t kIntMax = (int64_t(1) << 49) - 1;

  constexpr Value() : bits_(kObjTag) {}

  static constexpr Value null() { return Value(kObjTag); }
  static Value from_obj(const Object* o) { return Value(kObjTag | reinterpret_cast<uint64_t>(o)); }
  // [i] must satisfy fits_small_int(i).
  static constexpr Value from_int(int64_t i) { return Value(kIntTag | (uint64_t(i) & kIntPayloadMask)); }
  // Canonicalises NaN so that no double can alias the int or object encodings.
  static Value from_double(double d) {
    if (d != d) return Value(kCanonicalNaN);
    uint64_t b;
    std::memcpy(&b, &d, 8);
    return Value(b);
  }
  static constexpr Value from_bits(uint64_t b) { return Value(b); }
  static constexpr bool fits_small_int(int64_t i) { return i >= kIntMin && i <= kIntMax; }

  constexpr bool is_null() const { return bits_ == kObjTag; }
  // True for a non-null object pointer.
  constexpr bool is_obj() const { return bits_ > kObjTag; }
  // True for an object pointer or null.
  constexpr bool is_obj_or_null() const { return bits_ >= kObjTag; }
  constexpr bool is_int() const { return (bits_ >> 50) == (kIntTag >> 50); }
  constexpr bool is_double() const { return bits_ < kObjTag && !is_int(); }

  constexpr int64_t as_int() const { return int64_t(bits_ << 14) >> 14; }
  double as_double() const {
    double d;
    std::memcpy(&d, &bits_, 8);
    return d;
  }
  Object* as_obj() const { return reinterpret_cast<Object*>(bits_ & ~kObjTag); }
  template <class T>
  T* as() const { return static_cast<T*>(as_obj()); }

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool operator==(Value o) const { return bits_ == o.bits_; }
  constexpr bool operator!=(Value o) const { return bits_ != o.bits_; }

 private:
  constexpr explicit Value(uint64_t b) : bits_(b) {}
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace rt
