// The standard modules written in Python (runtime/lib/*.py), embedded in the binary at build
// time by cmake/embed_lib.cmake and compiled on first import.
#pragma once

#include <string_view>

namespace vm {

struct LibSource {
  const char* name;    // module name: the file name without ".py"
  const char* source;  // the module's source text
};
// The table, ended by a {nullptr, nullptr} entry (generated file).
extern const LibSource kLibSources[];

// The source of the embedded module [name], or nullptr if there is none.
const char* find_lib_source(std::string_view name);

}  // namespace vm
