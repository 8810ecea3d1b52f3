// Unicode character classes and case mappings for str methods, from runtime/unicode_db.inc:
// a table generated from CPython 3.11's own str methods (scripts/gen_unicode_db.py), so every
// code point has CPython's answer whatever the C library or locale. ASCII takes fast paths.
#include <cstdint>

#include "runtime/str_internal.h"

namespace rt::strimpl {
namespace {

// One character record: the case mappings (deltas, or with kUni_ext the length and offset of
// a mapping in kExtCase), the property flags and the decimal value (-1 if not decimal).
struct UniRecord {
  int32_t upper, lower, title, fold;
  uint16_t flags;
  int8_t decimal;
};

#include "runtime/unicode_db.inc"

// The record of code point [c] (any value up to 0x10FFFF).
const UniRecord& record(uint32_t c) {
  if (c > 0x10FFFF) return kRecords[0];
  uint32_t block = kIndex1[c >> kShift];
  return kRecords[kIndex2[(block << kShift) + (c & ((1u << kShift) - 1))]];
}

bool has(uint32_t c, uint16_t flag) {
  return (record(c).flags & flag) != 0;
}

// Appends the full mapping [field] of [c]'s record [r] (one of its four mapping fields).
void append_mapping(std::string& out, uint32_t c, const UniRecord& r, int32_t field) {
  if (!(r.flags & kUni_ext)) {
    append_cp(out, uint32_t(int32_t(c) + field));
    return;
  }
  uint32_t offset = uint32_t(field) & 0xFFFFFF, len = uint32_t(field) >> 24;
  for (uint32_t k = 0; k < len; k++) append_cp(out, kExtCase[offset + k]);
}

// The first code point of a mapping (CPython's simple _PyUnicode_ToLowercase and kin).
uint32_t first_of(uint32_t c, const UniRecord& r, int32_t field) {
  if (!(r.flags & kUni_ext)) return uint32_t(int32_t(c) + field);
  return kExtCase[uint32_t(field) & 0xFFFFFF];
}

}  // namespace

bool uni_isspace(uint32_t c) {
  if (c < 128) return ascii_space(static_cast<unsigned char>(c));
  return has(c, kUni_space);
}

bool uni_islinebreak(uint32_t c) {
  return has(c, kUni_linebreak);
}

bool uni_isprintable(uint32_t c) {
  if (c < 128) return c >= 0x20 && c < 0x7F;
  return has(c, kUni_printable);
}

bool uni_isdecimal(uint32_t c) {
  if (c < 128) return c >= '0' && c <= '9';
  return has(c, kUni_decimal);
}

bool uni_isdigit(uint32_t c) {
  if (c < 128) return c >= '0' && c <= '9';
  return has(c, kUni_digit);
}

bool uni_isnumeric(uint32_t c) {
  if (c < 128) return c >= '0' && c <= '9';
  return has(c, kUni_numeric);
}

// General category Lu, Ll, Lt, Lm or Lo (not the wider Alphabetic property).
bool uni_isalpha(uint32_t c) {
  if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return has(c, kUni_alpha);
}

bool uni_isalnum(uint32_t c) {
  if (c < 128) return uni_isalpha(c) || (c >= '0' && c <= '9');
  return has(c, kUni_alpha | kUni_decimal | kUni_digit | kUni_numeric);
}

// The Uppercase property (titlecase letters are neither upper nor lower).
bool uni_isupper(uint32_t c) {
  if (c < 128) return c >= 'A' && c <= 'Z';
  return has(c, kUni_upper);
}

// The Lowercase property.
bool uni_islower(uint32_t c) {
  if (c < 128) return c >= 'a' && c <= 'z';
  return has(c, kUni_lower);
}

// General category Lt.
bool uni_istitle(uint32_t c) {
  return c >= 128 && has(c, kUni_title);
}

bool uni_iscased(uint32_t c) {
  if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return has(c, kUni_cased);
}

bool uni_iscaseignorable(uint32_t c) {
  return has(c, kUni_ignorable);
}

bool uni_isxidstart(uint32_t c) {
  return has(c, kUni_xid_start);
}

bool uni_isxidcontinue(uint32_t c) {
  return has(c, kUni_xid_continue);
}

int uni_todecimal(uint32_t c) {
  if (c < 128) return c >= '0' && c <= '9' ? int(c - '0') : -1;
  return record(c).decimal;
}

uint32_t uni_tolower(uint32_t c) {
  if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  const UniRecord& r = record(c);
  return first_of(c, r, r.lower);
}

uint32_t uni_toupper(uint32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  const UniRecord& r = record(c);
  return first_of(c, r, r.upper);
}

void append_upper(std::string& out, uint32_t c) {
  const UniRecord& r = record(c);
  append_mapping(out, c, r, r.upper);
}

void append_lower(std::string& out, uint32_t c) {
  const UniRecord& r = record(c);
  append_mapping(out, c, r, r.lower);
}

void append_title(std::string& out, uint32_t c) {
  const UniRecord& r = record(c);
  append_mapping(out, c, r, r.title);
}

void append_casefold(std::string& out, uint32_t c) {
  const UniRecord& r = record(c);
  append_mapping(out, c, r, r.fold);
}

void append_lower_in(std::string& out, const char* begin, const char* at, const char* end,
                     uint32_t c) {
  if (c != 0x3A3) return append_lower(out, c);
  // CPython's handle_capital_sigma: cased, case-ignorable*, SIGMA, not (case-ignorable*, cased).
  bool final_sigma = false;
  for (const char* p = at; p > begin;) {
    uint32_t b = decode_back(p);
    if (!uni_iscaseignorable(b)) {
      final_sigma = uni_iscased(b);
      break;
    }
  }
  if (final_sigma) {
    for (const char* p = at + encoded_size(c); p < end;) {
      uint32_t a = decode(p);
      if (!uni_iscaseignorable(a)) {
        final_sigma = !uni_iscased(a);
        break;
      }
    }
  }
  append_cp(out, final_sigma ? 0x3C2 : 0x3C3);
}

}  // namespace rt::strimpl

namespace rt {

std::string str_decimal_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    uint32_t c = strimpl::decode(p);
    if (c < 127) {
      out += char(c);
    } else if (strimpl::uni_isspace(c)) {
      out += ' ';
    } else if (int d = strimpl::uni_todecimal(c); d >= 0) {
      out += char('0' + d);
    } else {
      out += '?';
      break;
    }
  }
  return out;
}

}  // namespace rt
