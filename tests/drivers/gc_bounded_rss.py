#!/usr/bin/env python3
"""The cycle collector bounds memory: loops creating 1,000,000 reference cycles (two-list
cycles, class instances referring to themselves, suspended generators holding a list that holds
them, closure cell cycles) run in a small peak RSS, while the same program with automatic
collection disabled (gc.disable()) grows well past the bound, so the test fails without the
collector. A with statement in such a loop must not leak either.

  gc_bounded_rss.py MINIPY
"""
import os
import resource
import subprocess
import sys

N = 1_000_000
# The bound is relative to the same loop without a cycle under the same binary, so that builds
# with a bigger footprint (AddressSanitizer's redzones and shadow memory) are judged fairly.
# Collected runs stay within a few MiB of it; leaking runs grow by 150+ MiB.
MARGIN_KB = 48 * 1024

BASELINE = """
for i in range(%d):
    a = []
    b = [a]
print("done")
"""

PROGRAMS = {
    "list cycles": """
for i in range(%d):
    a = []
    b = [a]
    a.append(b)
print("done")
""",
    "instance self-reference": """
class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
for i in range(%d):
    n = Node(i)
print("done")
""",
    "suspended generator cycle": """
def gen(box):
    yield box
    yield 2
for i in range(%d):
    box = []
    g = gen(box)
    box.append(g)
    next(g)
print("done")
""",
    # Not a cycle: a with statement must free what it creates (the bound __enter__ used to
    # leak, 1,000,000 of them about 70 MiB).
    "with statement": """
import threading
class Manager:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
lock = threading.Lock()
m = Manager()
for i in range(%d):
    with lock:
        pass
    with m as x:
        pass
print("done")
""",
    "closure cell cycle": """
def make():
    def f():
        return f
    return f
for i in range(%d):
    g = make()
print("done")
""",
}


def peak_rss_kb(exe, program):
    """Runs [program] under [exe] in a child process; returns (stdout, exit status, its peak RSS
    in KiB from getrusage of the waited-for child)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        # Under AddressSanitizer freed memory sits in a quarantine; keep it small so RSS
        # measures live memory (the option is ignored by other builds).
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "quarantine_size_mb=1"]))
        os.execve(exe, [exe, "-c", program], env)
    os.close(w)
    with os.fdopen(r) as f:
        out = f.read()
    _, status, usage = os.wait4(pid, 0)
    return out, os.waitstatus_to_exitcode(status), usage.ru_maxrss


def main():
    exe = sys.argv[1]
    failures = []
    out, code, base = peak_rss_kb(exe, BASELINE % N)
    if (out, code) != ("done\n", 0):
        sys.exit("baseline: exit %d, output %r" % (code, out))
    bound = base + MARGIN_KB
    print("%-26s no cycles:     peak RSS %7d KiB (bound %d KiB)" % ("baseline", base, bound))
    for name, template in PROGRAMS.items():
        program = template % N
        out, code, rss = peak_rss_kb(exe, program)
        if (out, code) != ("done\n", 0):
            failures.append("%s: exit %d, output %r" % (name, code, out))
        elif rss > bound:
            failures.append("%s: peak RSS %d KiB > bound %d KiB" % (name, rss, bound))
        print("%-26s collector on:  peak RSS %7d KiB" % (name, rss))
    # Without automatic collection the same cycles pile up: the bound is meaningful.
    leaking = "import gc\ngc.disable()\n" + PROGRAMS["list cycles"] % N
    out, code, rss = peak_rss_kb(exe, leaking)
    print("%-26s collector off: peak RSS %7d KiB" % ("list cycles", rss))
    if code != 0 or rss <= bound:
        failures.append("gc.disable(): expected the cycles to leak past %d KiB, got %d KiB (exit %d)"
                        % (bound, rss, code))
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
