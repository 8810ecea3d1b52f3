// The standard text streams (sys.stdout, sys.stderr, sys.stdin): buffering, the flush
// policy, line reading, and the Python-visible methods write, flush, readline, read.
// Output buffers are flushed by io_flush_all when the process exits.

#include "runtime/io.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include "runtime/core.h"
#include "runtime/error.h"
#include "runtime/ops.h"
#include "runtime/threads.h"
#include "vm/gil.h"

namespace rt {

Type textio_type;

namespace {

// Output buffer size: stdout reaches the descriptor when this much is pending.
constexpr size_t kBufferLimit = 1 << 16;
constexpr size_t kReadChunk = 1 << 16;

TextStream* g_stdout = nullptr;
TextStream* g_stderr = nullptr;
TextStream* g_stdin = nullptr;

#if MINIPY_FREE_THREADED
std::recursive_mutex g_io_mutex;
#endif
std::mutex g_write_mutex;

// Creates an immortal stream over [fd].
TextStream* make_stream(int fd, bool writable, const char* name) {
  TextStream* s = alloc_object<TextStream>(&textio_type);
  make_immortal(s);
  s->fd = fd;
  s->writable = writable;
  s->line_buffered = writable && ::isatty(fd);
  s->write_through = false;
  s->eof = false;
  s->name = name;
  s->buffer = new std::string();
  if (writable) s->buffer->reserve(fd == 1 ? kBufferLimit + 4096 : 256);
  s->read_pos = 0;
  return s;
}

// Writes all of [data] to [fd], retrying on EINTR and short writes; errors (a closed pipe)
// drop the output, as there is nowhere left to report them.
void write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    data += w;
    n -= size_t(w);
  }
}

// Replaces bytes that are not valid UTF-8 by U+FFFD so that input can become a str.
std::string sanitize_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = in[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= in.size();
    for (size_t k = 1; ok && k < len; k++) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (ok && len > 1) {
      uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < len; k++) cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
      static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      i++;
    }
  }
  return out;
}

// Reads more input into [s]'s buffer; false at end of file.
bool fill(TextStream* s) {
  if (s->eof) return false;
  if (s->read_pos > 0) {
    s->buffer->erase(0, s->read_pos);
    s->read_pos = 0;
  }
  // Read into a private chunk with the GIL released: other threads may use the buffer meanwhile.
  std::string chunk(kReadChunk, '\0');
  ssize_t n;
  {
    vm::GilRelease released;
    do {
      n = ::read(s->fd, chunk.data(), kReadChunk);
    } while (n < 0 && errno == EINTR);
  }
  if (n > 0) s->buffer->append(chunk.data(), size_t(n));
  if (n <= 0) {
    s->eof = true;
    return false;
  }
  return true;
}

// Converts raw input to a str: valid UTF-8, "\r\n" translated to "\n" (universal newlines).
Value text_value(std::string raw) {
  size_t w = 0;
  for (size_t r = 0; r < raw.size(); r++) {
    if (raw[r] == '\r' && r + 1 < raw.size() && raw[r + 1] == '\n') continue;
    raw[w++] = raw[r];
  }
  raw.resize(w);
  return str_value(sanitize_utf8(raw));
}

// Reads one line including its '\n' ("" at end of file), raw bytes.
std::string raw_readline(TextStream* s) {
  IoLock lock;
  for (;;) {
    size_t avail = s->buffer->size() - s->read_pos;
    const char* p = s->buffer->data() + s->read_pos;
    if (const void* nl = std::memchr(p, '\n', avail)) {
      size_t n = size_t(static_cast<const char*>(nl) - p) + 1;
      std::string line(p, n);
      s->read_pos += n;
      return line;
    }
    if (!fill(s)) {
      std::string rest(s->buffer->data() + s->read_pos, s->buffer->size() - s->read_pos);
      s->read_pos = s->buffer->size();
      return rest;
    }
  }
}

TextStream* self_stream(Value v, const char* method) {
  if (!io_is_textstream(v))
    raise_fmt(&exc_TypeError, "descriptor '{}' requires a '_io.TextIOWrapper' object but received a '{}'",
              method, type_name(v));
  return v.as<TextStream>();
}

// TextIOWrapper.write(s): returns the number of characters written.
Value m_write(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("write", kwnames);
  if (nargs != 2) raise_fmt(&exc_TypeError, "TextIOWrapper.write() takes exactly one argument ({} given)", nargs - 1);
  TextStream* s = self_stream(args[0], "write");
  if (!str_check(args[1])) raise_fmt(&exc_TypeError, "write() argument must be str, not {}", type_name(args[1]));
  if (!s->writable) raise_msg(&exc_OSError, "not writable");
  Str* text = as_str(args[1]);
  io_write(args[0], text->view());
  return int_from_i64(text->length);
}

Value m_flush(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("flush", kwnames);
  if (nargs != 1) raise_fmt(&exc_TypeError, "TextIOWrapper.flush() takes no arguments ({} given)", nargs - 1);
  io_flush(self_stream(args[0], "flush"));
  return None();
}

// Reads the optional size argument of read/readline: -1 (or None) means no limit.
int64_t size_arg(const char* fname, const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs(fname, kwnames);
  if (nargs > 2) raise_fmt(&exc_TypeError, "{} expected at most 1 argument, got {}", fname, nargs - 1);
  if (nargs < 2 || args[1] == None()) return -1;
  return index_value(args[1]);
}

// Takes at most [limit] code points (-1: all) of the first [avail] buffered bytes.
size_t clip_chars(TextStream* s, size_t avail, int64_t limit) {
  if (limit < 0) return avail;
  const char* p = s->buffer->data() + s->read_pos;
  size_t i = 0;
  for (int64_t n = 0; i < avail && n < limit; n++) {
    i++;
    while (i < avail && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) i++;
  }
  return i;
}

Value m_readline(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t limit = size_arg("readline", args, nargs, kwnames);
  TextStream* s = self_stream(args[0], "readline");
  if (s->writable) raise_msg(&exc_OSError, "not readable");
  if (limit < 0) return io_readline(s);
  IoLock lock;
  for (;;) {
    size_t avail = s->buffer->size() - s->read_pos;
    const char* p = s->buffer->data() + s->read_pos;
    const void* nl = std::memchr(p, '\n', avail);
    size_t line = nl ? size_t(static_cast<const char*>(nl) - p) + 1 : avail;
    size_t take = clip_chars(s, line, limit);
    if (nl || take < line || !fill(s)) {
      std::string out(s->buffer->data() + s->read_pos, take);
      s->read_pos += take;
      return text_value(std::move(out));
    }
  }
}

Value m_read(const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t limit = size_arg("read", args, nargs, kwnames);
  TextStream* s = self_stream(args[0], "read");
  if (s->writable) raise_msg(&exc_OSError, "not readable");
  IoLock lock;
  for (;;) {
    size_t avail = s->buffer->size() - s->read_pos;
    size_t take = clip_chars(s, avail, limit);
    if (take < avail || !fill(s)) {
      std::string out(s->buffer->data() + s->read_pos, take);
      s->read_pos += take;
      return text_value(std::move(out));
    }
  }
}

Value m_fileno(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("fileno", kwnames);
  if (nargs != 1) raise_fmt(&exc_TypeError, "TextIOWrapper.fileno() takes no arguments ({} given)", nargs - 1);
  return Value::from_int(self_stream(args[0], "fileno")->fd);
}

Value m_isatty(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("isatty", kwnames);
  if (nargs != 1) raise_fmt(&exc_TypeError, "TextIOWrapper.isatty() takes no arguments ({} given)", nargs - 1);
  return from_bool(::isatty(self_stream(args[0], "isatty")->fd));
}

Value m_writable(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("writable", kwnames);
  return from_bool(self_stream(args[0], "writable")->writable);
}

Value m_readable(const Value* args, size_t nargs, Tuple* kwnames) {
  no_kwargs("readable", kwnames);
  return from_bool(!self_stream(args[0], "readable")->writable);
}

Value textio_repr(Value self) {
  TextStream* s = self.as<TextStream>();
  std::string r = "<_io.TextIOWrapper name='";
  r += s->name;
  r += s->writable ? "' mode='w' encoding='utf-8'>" : "' mode='r' encoding='utf-8'>";
  return str_value(r);
}

Value textio_iter(Value self) {
  incref(self);
  return self;
}

// Iterating over sys.stdin yields its lines.
Value textio_next(Value self) {
  TextStream* s = self.as<TextStream>();
  if (s->writable) raise_msg(&exc_OSError, "not readable");
  std::string line = raw_readline(s);
  if (line.empty()) return Value::null();
  return text_value(std::move(line));
}

}  // namespace

#if MINIPY_FREE_THREADED
IoLock::IoLock() { g_io_mutex.lock(); }
IoLock::~IoLock() { g_io_mutex.unlock(); }
#else
IoLock::IoLock() {}
IoLock::~IoLock() {}
#endif

Value io_stdout() { return Value::from_obj(g_stdout); }
Value io_stderr() { return Value::from_obj(g_stderr); }
Value io_stdin() { return Value::from_obj(g_stdin); }

// Creates the stream type and the three standard streams (once).
void io_init() {
  if (g_stdout) return;
  Type* t = &textio_type;
  type_init_static(t, "_io.TextIOWrapper", &object_type, sizeof(TextStream));
  t->repr = textio_repr;
  t->iter = textio_iter;
  t->next = textio_next;
  type_ready(t);
  type_add_method(t, "write", m_write);
  type_add_method(t, "flush", m_flush);
  type_add_method(t, "readline", m_readline);
  type_add_method(t, "read", m_read);
  type_add_method(t, "fileno", m_fileno);
  type_add_method(t, "isatty", m_isatty);
  type_add_method(t, "writable", m_writable);
  type_add_method(t, "readable", m_readable);
  g_stdout = make_stream(1, true, "<stdout>");
  g_stderr = make_stream(2, true, "<stderr>");
  g_stderr->write_through = true;
  g_stdin = make_stream(0, false, "<stdin>");
}

void io_append(TextStream* s, std::string_view text) { s->buffer->append(text); }

void io_written(TextStream* s, bool had_newline) {
  if (s->write_through || (had_newline && s->line_buffered) || s->buffer->size() >= kBufferLimit) io_flush(s);
}

// Writes the pending output with the GIL released. [g_write_mutex] keeps concurrent flushes
// in order; it is taken through lock_released, so no thread blocks on it holding the GIL.
void io_flush(TextStream* s) {
  IoLock lock;
  if (!s->writable || s->buffer->empty()) return;
  std::unique_lock<std::mutex> order(g_write_mutex, std::defer_lock);
  lock_released(order);
  std::string pending;
  pending.reserve(s->buffer->capacity());
  pending.swap(*s->buffer);
  vm::GilRelease released;
  write_all(s->fd, pending.data(), pending.size());
}

void io_write(Value stream, std::string_view text) {
  if (io_is_textstream(stream)) {
    TextStream* s = stream.as<TextStream>();
    if (!s->writable) raise_msg(&exc_OSError, "not writable");
    IoLock lock;
    io_append(s, text);
    io_written(s, s->line_buffered && text.find('\n') != std::string_view::npos);
    return;
  }
  Ref write = Ref::steal(getattr(stream, str_intern("write")));
  Ref arg = Ref::steal(str_value(text));
  Ref result = Ref::steal(call1(write.get(), arg.get()));
}

void io_flush_all() {
  if (g_stdout) io_flush(g_stdout);
  if (g_stderr) io_flush(g_stderr);
}

Value io_readline(TextStream* s) { return text_value(raw_readline(s)); }

}  // namespace rt
