// Internals of the str type shared by runtime/str.cpp (object, slots, interning),
// runtime/str_methods.cpp (the methods) and runtime/str_unicode.cpp (character classes).
// Not part of the runtime's contract: other parts use runtime/objects.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/objects.h"
#include "runtime/utf8.h"

namespace rt {

extern Type str_iterator_type;

namespace strimpl {

// ---- UTF-8 (runtime/utf8.h) ---------------------------------------------------------------

using utf8::append_cp;
using utf8::decode;
using utf8::decode_back;
using utf8::encode;
using utf8::encoded_size;
using utf8::is_cont;

// The number of code points in [n] bytes of valid UTF-8 at [p].
size_t count_code_points(const char* p, size_t n);

// ---- building strings -------------------------------------------------------------------

// The longest str in UTF-8 bytes (its length fields are 32 bits); longer raises MemoryError.
constexpr size_t kMaxBytes = 0xFFFFFFEFu;
// A new Str with room for [nbytes] bytes holding [length] code points; the caller fills
// data() (the trailing NUL is already written). The empty string is the shared singleton.
// MemoryError past kMaxBytes.
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
// CPython 3.11's definitions for every code point (runtime/unicode_db.inc): isalpha is
// general category L*, isupper/islower the Uppercase/Lowercase properties, istitle category
// Lt, cased and case-ignorable as in the Unicode standard's final-sigma rule.
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
bool uni_iscaseignorable(uint32_t c);
bool uni_islinebreak(uint32_t c);
bool uni_isxidstart(uint32_t c);
bool uni_isxidcontinue(uint32_t c);
// The value of a decimal digit (category Nd, as int() reads it), else -1.
int uni_todecimal(uint32_t c);
// Simple (one code point) case mappings.
uint32_t uni_tolower(uint32_t c);
uint32_t uni_toupper(uint32_t c);
// Full case mappings (may produce several code points, as 'ß'.upper() == 'SS').
void append_upper(std::string& out, uint32_t c);
void append_lower(std::string& out, uint32_t c);
void append_title(std::string& out, uint32_t c);
void append_casefold(std::string& out, uint32_t c);
// append_lower of the code point [c] starting at [at] in the UTF-8 text [begin, end), with
// CPython's final-sigma rule: 'Σ' after a cased letter (case-ignorable ones between) and
// not before one becomes 'ς'.
void append_lower_in(std::string& out, const char* begin, const char* at, const char* end,
                     uint32_t c);

// ASCII helpers.
inline bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F); }

}  // namespace strimpl
}  // namespace rt
