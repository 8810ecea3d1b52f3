// UTF-8 encoding and decoding of code points: the one implementation shared by the lexer,
// the str type and formatting. Input is assumed valid (str objects always hold valid UTF-8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rt::utf8 {

// True for a byte that continues a multi-byte sequence (10xxxxxx).
inline bool is_cont(unsigned char b) { return (b & 0xC0) == 0x80; }

// The number of code points in the UTF-8 text [s].
inline size_t length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !is_cont(static_cast<unsigned char>(c));
  return n;
}

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

// Length in bytes of the sequence whose first byte is [c].
inline size_t seq_len(char c) {
  unsigned char b = static_cast<unsigned char>(c);
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// The encoding of [c] as a string.
inline std::string encoded(uint32_t c) {
  std::string s;
  append_cp(s, c);
  return s;
}

}  // namespace rt::utf8
