#!/usr/bin/env python3
"""The REPL on a real pseudo-terminal (line editing with libedit): multi-line definitions,
errors that leave the session going, `_`, the :dis/:gil/:time commands, Ctrl-C while typing
and while code runs, Ctrl-D inside a block and on an empty line, exit(), -i after a script,
history in ~/.minipy_history and its keys (Up, Ctrl-R), a thread that runs while the prompt
waits.

  repl_pty.py MINIPY
"""
import os
import pty
import re
import select
import signal
import sys
import tempfile
import time
import traceback

ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x07\r]")
failures = []


class Session:
    """minipy started on a pseudo-terminal, with HOME in a scratch folder."""

    def __init__(self, exe, home, args=()):
        env = dict(os.environ, HOME=home, TERM="xterm")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(exe, [exe, *args], env)
            finally:
                os._exit(127)
        self.pending = b""
        self.status = None

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            data = b""
        if not data:
            raise EOFError
        self.pending += data
        return True

    def expect(self, marker, timeout=10):
        """Reads until [marker] (bytes) appears; returns the normalised text before it."""
        end = time.time() + timeout
        while True:
            clean = ESCAPES.sub(b"", self.pending)
            i = clean.find(marker)
            if i >= 0:
                self.pending = b""
                # Whatever followed the marker is dropped: each exchange ends at a prompt.
                return clean[:i].decode("utf-8", "replace")
            left = end - time.time()
            if left <= 0:
                raise TimeoutError("no %r in %r" % (marker, clean[-400:]))
            self._read(left)

    def send(self, data):
        """Writes [data] in small pieces, draining the echo so neither side blocks."""
        for i in range(0, len(data), 256):
            os.write(self.fd, data[i:i + 256])
            try:
                while self._read(0.002):
                    pass
            except EOFError:  # the child is leaving (exit())
                return

    def control(self, char):
        """Types a control character once libedit has put the terminal in raw mode (typed
        earlier, the kernel's line discipline would take a Ctrl-D for itself)."""
        time.sleep(0.3)
        self.send(char)

    def run(self, line, timeout=10):
        """Types [line] and Enter; returns the output up to the next prompt, minus the echo
        (twice when the line raced the terminal's switch to raw mode: the kernel echoed it too)."""
        self.send(line.encode() + b"\r")
        text = self.expect(b">>> ", timeout)
        echo = line + "\n"
        while text.startswith(echo):
            text = text[len(echo):]
        return text

    def wait(self, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            try:
                self._read(0.05)
            except EOFError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise TimeoutError("still running")


def check(name, got, want):
    if got != want:
        failures.append("%s:\n  expected %r\n  got      %r" % (name, want, got))


def check_in(name, needle, text):
    if needle not in text:
        failures.append("%s: %r not in %r" % (name, needle, text))


def main_session(exe, home):
    s = Session(exe, home)
    banner = s.expect(b">>> ")
    check_in("banner names the version", "minipy 0.1.0", banner)
    check_in("banner names the build", " build)", banner)

    # A function over several lines, closed by an empty line, then a call.
    s.send(b"def f(x):\r")
    s.expect(b"... ")
    s.send(b"    return x * 2\r")
    s.expect(b"... ")
    s.send(b"\r")
    s.expect(b">>> ")
    check("call", s.run("f(21)"), "42\n")

    # Errors print a traceback (or the SyntaxError display) and the session goes on.
    check("traceback", s.run("1/0"), 'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
          "ZeroDivisionError: division by zero\n")
    check("state after error", s.run("f(5)"), "10\n")
    check("syntax error", s.run("x = = 1"), '  File "<stdin>", line 1\n    x = = 1\n        ^\n'
          "SyntaxError: invalid syntax\n")
    check("traceback through a REPL function", s.run("f(None)"),
          'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
          '  File "<stdin>", line 2, in f\nTypeError: unsupported operand type(s) for *: \'NoneType\' and \'int\'\n')

    # Results are echoed with repr and kept in _; None is neither.
    check("repr echo", s.run("'a' + 'b'"), "'ab'\n")
    check("echo", s.run("6 * 7"), "42\n")
    check("_", s.run("_ + 1"), "43\n")
    check("None not echoed", s.run("None"), "")
    check("_ keeps the last non-None", s.run("_"), "43\n")
    check("assignment not echoed", s.run("y = 3"), "")

    # Input continues inside brackets and triple-quoted strings.
    s.send(b"(1,\r")
    s.expect(b"... ")
    check("bracket continuation", s.run(" 2)"), "(1, 2)\n")
    s.send(b'"""abc\r')
    s.expect(b"... ")
    check("triple-quoted continuation", s.run('def"""'), "'abc\\ndef'\n")

    # Commands.
    out = s.run(":dis f")
    check_in(":dis names the function", "Disassembly of f (<stdin>, line 1):", out)
    check_in(":dis shows its bytecode", "LoadFast                 0 (x)", out)
    out = s.run(":dis y + 1")
    check_in(":dis compiles an expression", "LoadName                 0 (y)", out)
    check_in(":ast", "Assign(", s.run(":ast z = 1"))
    out = s.run(":time sum(range(1000))")
    check_in(":time echoes the result", "499500\n", out)
    check_in(":time prints the wall time", "Wall time: ", out)
    out = s.run(":gil")
    check_in(":gil build", "build:", out)
    check_in(":gil enabled", "GIL enabled:", out)
    check_in(":gil threads", "live threads:", out)
    check_in(":help", ":dis EXPR_OR_NAME", s.run(":help"))

    # A very long line.
    check("long line", s.run("len([" + "1, " * 5000 + "])").rsplit("\n", 2)[-2:], ["5000", ""])

    # Ctrl-C while typing cancels the line.
    s.send(b"abc")
    s.control(b"\x03")
    check_in("Ctrl-C cancels the line", "KeyboardInterrupt", s.expect(b">>> "))
    check("line after Ctrl-C", s.run("1 + 1"), "2\n")

    # Ctrl-C interrupts running code and returns to the prompt with the state intact.
    s.send(b"while True: pass\r")
    s.expect(b"... ")
    s.send(b"\r")
    s.control(b"\x03")
    out = s.expect(b">>> ")
    check_in("Ctrl-C interrupts running code", 'File "<stdin>", line 1, in <module>\nKeyboardInterrupt\n', out)
    check("state after Ctrl-C", s.run("f(3)"), "6\n")

    # A thread keeps running while the prompt waits (the REPL releases the GIL).
    s.send(b"import threading, time\r")
    s.expect(b">>> ")
    s.send(b"threading.Thread(target=lambda: (time.sleep(0.3), print('from thread'))).start()\r")
    s.expect(b">>> ")
    check_in("thread runs while the prompt waits", "from thread", s.expect(b"from thread", 10) + "from thread")

    # Ctrl-D inside a block runs what was typed; on an empty line it leaves.
    s.send(b"for i in range(2):\r")
    s.expect(b"... ")
    s.send(b"    print(i)\r")
    s.expect(b"... ")
    s.control(b"\x04")
    check_in("Ctrl-D inside a block", "0\n1\n", s.expect(b">>> "))
    s.control(b"\x04")
    check("Ctrl-D exit status", s.wait(), 0)

    with open(os.path.join(home, ".minipy_history"), encoding="utf-8", errors="replace") as fh:
        check_in("history file", "6\\040*\\0407", fh.read())


def check_seen(name, session, marker, timeout=5):
    """Records a failure unless [marker] (bytes) shows up on the terminal within [timeout]."""
    try:
        session.expect(marker, timeout)
    except TimeoutError as e:
        failures.append("%s: %s" % (name, e))


def history_keys(exe, home):
    """libedit's keys: Up recalls earlier lines, Ctrl-R searches them; Ctrl-C at the '... '
    prompt drops the block being typed."""
    s = Session(exe, home)
    s.expect(b">>> ")
    check("history: a line", s.run("7 * 191"), "1337\n")
    check("history: another line", s.run("6 * 7"), "42\n")
    check("history: a third line", s.run("1 + 1"), "2\n")
    s.control(b"\x1b[A\x1b[A")
    s.send(b"\r")
    check_seen("Up Up recalls the line before last", s, b"6 * 7\n42\n>>> ")
    s.control(b"\x12")
    s.send(b"7 * 1")
    time.sleep(0.2)
    s.send(b"\r")
    check_seen("Ctrl-R finds an earlier line", s, b"\n1337\n>>> ")

    s.send(b"if True:\r")
    s.expect(b"... ")
    s.send(b"    print('never')\r")
    s.expect(b"... ")
    s.control(b"\x03")
    out = s.expect(b">>> ")
    check_in("Ctrl-C at '... ' cancels the block", "KeyboardInterrupt", out)
    check("the cancelled block did not run", "never\n" in out, False)
    check("the session goes on after the cancelled block", s.run("'aft' + 'er'"), "'after'\n")
    s.control(b"\x04")
    check("history session: Ctrl-D", s.wait(), 0)


def exit_sessions(exe, home):
    s = Session(exe, home)
    s.expect(b">>> ")
    s.send(b"exit()\r")
    check("exit()", s.wait(), 0)

    s = Session(exe, home)
    s.expect(b">>> ")
    s.send(b"quit(3)\r")
    check("quit(3)", s.wait(), 3)

    script = os.path.join(home, "script.py")
    with open(script, "w") as fh:
        fh.write("greeting = 'hi'\nprint('script ran')\n")
    s = Session(exe, home, ["-i", script])
    out = s.expect(b">>> ")
    check("-i runs the script first, without a banner", out, "script ran\n")
    check("-i keeps the script's globals", s.run("greeting"), "'hi'\n")
    s.control(b"\x04")
    check("-i Ctrl-D", s.wait(), 0)


def main():
    exe = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as home:
        for part in (main_session, history_keys, exit_sessions):
            try:
                part(exe, home)
            except (TimeoutError, EOFError) as e:
                failures.append("%s: %s: %s\n%s" % (part.__name__, type(e).__name__, e, traceback.format_exc()))
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
