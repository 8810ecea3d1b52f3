#!/usr/bin/env python3
"""Runs one script test: tests/<area>/<name>.py under minipy and checks what it did.

  run_script_test.py MINIPY TEST.py

Expectations sit beside the program:
  NAME.out   expected stdout, byte for byte (from python3 for valid CPython programs,
             hand-written for minipy's own output such as --dis).
  NAME.ft.out  expected stdout under the free-threaded build (minipy-ft), where it differs
             (sys._is_gil_enabled()); NAME.out otherwise.
  NAME.err   expected end of stderr (the last line for python3-generated expectations; a
             hand-written file may hold a whole traceback). Absent: stderr must be empty.
A first-line comment sets the command line: "# args: a b" (script arguments),
"# flags: --dis" (minipy options before the script), "# exit: N" (expected status; default
0 without NAME.err, 1 with it). Addresses "at 0x..." are masked before comparing.
"""
import os
import re
import subprocess
import sys

ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def header(path):
    opts = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh.read().splitlines()[:3]:
            m = re.match(r"#\s*(args|flags|exit):(.*)$", line)
            if m:
                opts[m.group(1)] = m.group(2).strip()
    return opts


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def main():
    minipy, test = os.path.abspath(sys.argv[1]), sys.argv[2]
    base = test[:-3]
    opts = header(test)
    want_out = read(base + ".out") or ""
    if os.path.basename(minipy).endswith("-ft") and read(base + ".ft.out") is not None:
        want_out = read(base + ".ft.out")
    want_err = read(base + ".err")
    want_status = int(opts.get("exit", "1" if want_err is not None else "0"))
    argv = [minipy] + opts.get("flags", "").split() + [os.path.basename(test)] + opts.get("args", "").split()
    proc = subprocess.run(argv, cwd=os.path.dirname(os.path.abspath(test)), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)
    # Tracebacks and --dis name the script by its absolute path (as CPython): compare paths
    # relative to the test's folder.
    here = os.path.dirname(os.path.abspath(test)) + os.sep
    out = ADDRESS.sub(" at 0x...", proc.stdout.decode("utf-8", "replace").replace(here, ""))
    err = ADDRESS.sub(" at 0x...", proc.stderr.decode("utf-8", "replace").replace(here, ""))
    problems = []
    if out != ADDRESS.sub(" at 0x...", want_out):
        problems.append("stdout differs:\n--- expected\n%s--- got\n%s" % (want_out, out))
    if want_err is None:
        if err:
            problems.append("unexpected stderr:\n" + err)
    elif not err.rstrip("\n").endswith(ADDRESS.sub(" at 0x...", want_err).rstrip("\n")):
        problems.append("stderr does not end with:\n%s--- got\n%s" % (want_err, err))
    if proc.returncode != want_status:
        problems.append("exit status %d, expected %d" % (proc.returncode, want_status))
    if problems:
        print("FAIL %s\n%s" % (test, "\n".join(problems)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
