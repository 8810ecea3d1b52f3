// Internals of the str type shared by runtime/str.cpp (object, slots, interning),
// runtime/str_methods.cpp (the methods) and runtime/str_unicode.cpp (character classes).
// Not part of the runtime's contract: other parts use runtime/objects.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/objects.h"

namespace rt {

extern Type str_iterator_type;

namespace strimpl {

// ---- UTF-8 ----------------------------------------------------------------------------

// True for a byte that continues a multi-byte sequence (10xxxxxx).
inline bool is_cont(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes the code point at [p] (valid UTF-8) and advances [p] past it.
inline uint32_t decode(const char*& p) {
  unsigned char b = static_cast<unsigned char>(*p);
  if (b < 0x80) {
    ++p;
    return b;
  }
  if (b < 0xE0) {
    uint32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu);
    p += 2;
    return c;
  }
  if (b < 0xF0) {
    uint32_t c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(p[2]) & 0x3Fu);
    p += 3;
    return c;
  }
  uint32_t c = ((b & 0x07u) << 18) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 12) |
               ((static_cast<unsigned char>(p[2]) & 0x3Fu) << 6) |
               (static_cast<unsigned char>(p[3]) & 0x3Fu);
  p += 4;
  return c;
}

// Decodes the code point ending just before [p] and moves [p] back to its first byte.
inline uint32_t decode_back(const char*& p) {
  const char* q = p - 1;
  while (is_cont(static_cast<unsigned char>(*q))) --q;
  p = q;
  const char* r = q;
  return decode(r);
}

// Bytes needed to encode [c].
inline size_t encoded_size(uint32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// Writes [c] at [out]; returns the number of bytes written.
inline size_t encode(uint32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// Appends the encoding of [c] to [out].
inline void append_cp(std::string& out, uint32_t c) {
  char buf[4];
  out.append(buf, encode(c, buf));
}

// The number of code points in [n] bytes of valid UTF-8 at [p].
size_t count_code_points(const char* p, size_t n);

// ---- building strings -------------------------------------------------------------------

// A new Str with room for [nbytes] bytes holding [length] code points; the caller fills
// data() (the trailing NUL is already written). The empty string is the shared singleton.
Str* alloc(size_t nbytes, size_t length);
// A new Str from bytes whose code point count is known.
Str* from_known(const char* p, size_t nbytes, size_t length);
// A new Str from [n] bytes at [p] inside a string; [ascii] says the source is ASCII, which
// spares counting the code points.
Str* from_bytes(const char* p, size_t n, bool ascii);
// The one-character string for code point [c] (cached, immortal for ASCII).
Str* from_char(uint32_t c);
// The shared empty string (immortal; no reference needs to be taken).
Str* empty();
// The byte offset of code point [index] (0 <= index <= length) in [s].
size_t offset_of(Str* s, int64_t index);
// The code point index of byte offset [off] in [s].
int64_t index_of_offset(Str* s, size_t off);

// ---- character classes (runtime/str_unicode.cpp) ---------------------------------------
bool uni_isspace(uint32_t c);
bool uni_isprintable(uint32_t c);
bool uni_isdecimal(uint32_t c);
bool uni_isdigit(uint32_t c);
bool uni_isnumeric(uint32_t c);
bool uni_isalpha(uint32_t c);
bool uni_isalnum(uint32_t c);
bool uni_isupper(uint32_t c);
bool uni_islower(uint32_t c);
bool uni_istitle(uint32_t c);
bool uni_iscased(uint32_t c);
bool uni_islinebreak(uint32_t c);
uint32_t uni_tolower(uint32_t c);
uint32_t uni_toupper(uint32_t c);
// Full case mappings (may produce several code points, as 'ß'.upper() == 'SS').
void append_upper(std::string& out, uint32_t c);
void append_lower(std::string& out, uint32_t c);
void append_title(std::string& out, uint32_t c);
void append_casefold(std::string& out, uint32_t c);

// ASCII helpers.
inline bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F); }

}  // namespace strimpl
}  // namespace rt
