// `minipy compare`: runs one script under the GIL build, the free-threaded build and the
// free-threaded build with its GIL on, and compares times, CPU use, memory and output.
#pragma once

namespace cli {

// Runs the compare command; [argv][0] is "compare", the rest its options, the script and the
// script's arguments. Returns the exit status (2 for a usage error).
int run_compare(int argc, char** argv);

}  // namespace cli
