// Text streams for sys.stdout, sys.stderr and sys.stdin: UTF-8 text over a file descriptor.
// stdout is fully buffered (line buffered on a terminal), stderr is flushed after every
// write, as CPython's TextIOWrapper objects behave.
#pragma once

#include <string>
#include <string_view>

#include "runtime/objects.h"

namespace rt {

// An _io.TextIOWrapper over [fd]. Output goes to [buffer] and reaches the descriptor on
// flush; input is read ahead into [buffer] and handed out a line at a time.
struct TextStream : Object {
  int fd;
  bool writable;
  bool line_buffered;   // flush when a write contains '\n' (a terminal)
  bool write_through;   // flush after every write (stderr)
  bool eof;             // input: the descriptor reported end of file
  const char* name;     // "<stdout>"
  std::string* buffer;  // pending output, or input read ahead
  size_t read_pos;      // input: the first unread byte of [buffer]
};
extern Type textio_type;

// The standard streams (borrowed; created by io_init, immortal).
Value io_stdout();
Value io_stderr();
Value io_stdin();
void io_init();

// Writes [text] (UTF-8) to [stream]: straight into the buffer of a TextStream, else through
// the object's write method.
void io_write(Value stream, std::string_view text);
// Appends [text] to a TextStream's output buffer without applying the flush policy; call
// io_written afterwards (print writes its pieces this way, then flushes once).
void io_append(TextStream* s, std::string_view text);
// Applies [s]'s flush policy after output that may have contained a newline.
void io_written(TextStream* s, bool had_newline);
// Writes out [s]'s pending output.
void io_flush(TextStream* s);
// Flushes stdout then stderr; the CLI calls it on every exit path.
void io_flush_all();
// Reads one line from [s] as a str, including its '\n' ("" at end of file).
Value io_readline(TextStream* s);
// Serialises stream buffers between threads in the free-threaded build (a no-op with the GIL).
class IoLock {
 public:
  IoLock();
  ~IoLock();
  IoLock(const IoLock&) = delete;
};

inline bool io_is_textstream(Value v) { return v.is_obj() && v.as_obj()->type == &textio_type; }

}  // namespace rt
