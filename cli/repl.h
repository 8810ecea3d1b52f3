// The interactive prompt (`minipy` on a terminal, `minipy -i script.py`): reads statements
// with line editing and history (libedit), runs them in __main__, echoes expression results,
// and offers the exploring commands :dis, :ast, :time, :gil and :help.
#pragma once

#include <string>

#include "runtime/objects.h"

namespace cli {

// Runs the read-eval-print loop on [globals] (the __main__ module's dict) until end of input
// (Ctrl-D on an empty line). [banner] is written to stderr first unless empty. Line editing
// is used when stdin and stdout are terminals; otherwise lines are read plainly from stdin
// and the prompts go to stderr, as CPython does. A SystemExit (exit(), quit(), sys.exit())
// propagates to the caller as rt::PyError. Returns the exit status (0).
int run_repl(rt::Dict* globals, const std::string& banner);

}  // namespace cli
