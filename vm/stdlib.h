// The standard modules written in Python (runtime/lib/**.py), embedded in the binary at build
// time by cmake/embed_lib.cmake and compiled on first import. Packages are embedded too
// (runtime/lib/concurrent/__init__.py is the package concurrent).
#pragma once

#include <string_view>

namespace vm {

struct LibSource {
  const char* name;    // dotted module name: the path under runtime/lib without ".py"
  bool package;        // from a folder's __init__.py: the module gets a __path__
  const char* source;  // the module's source text
};
// The table, ended by a {nullptr, false, nullptr} entry (generated file).
extern const LibSource kLibSources[];

// The embedded module [name] (dotted), or nullptr if there is none.
const LibSource* find_lib_source(std::string_view name);

}  // namespace vm
