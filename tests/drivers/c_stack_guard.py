#!/usr/bin/env python3
"""With the recursion limit raised far past what the C stack holds, recursion that re-enters the
interpreter from built-in code (repr, ==, hash, sorted's key, map, yield from, ...) still ends in
RecursionError, never in a crash; plain Python recursion goes as deep as the limit allows.
CPython itself may crash on some of these, so this is a driver, not a script test.

  c_stack_guard.py MINIPY
"""
import subprocess
import sys

PRELUDE = "import sys\nsys.setrecursionlimit(10 ** 6)\n"

# (name, program, expected stdout): each must exit 1 with RecursionError as stderr's last line,
# or, when an output is given, exit 0 printing it.
CASES = [
    ("repr", "class R:\n    def __repr__(self): return repr(self)\nrepr(R())\n", None),
    ("str through %", "class S:\n    def __str__(self): return '%s' % self\nstr(S())\n", None),
    ("format", "class F:\n    def __format__(self, s): return format(self, s)\nformat(F(), '')\n", None),
    ("eq", "class E:\n    def __eq__(self, o): return self == o\nE() == E()\n", None),
    ("hash", "class H:\n    def __hash__(self): return hash(self)\n{H()}\n", None),
    ("getattr", "class A:\n    def __getattr__(self, n): return getattr(self, n)\nA().x\n", None),
    ("init", "class I:\n    def __init__(self): I()\nI()\n", None),
    ("sorted key", "def k(x): return sorted([x], key=k)\nk(0)\n", None),
    ("map", "def m(x): return list(map(m, [x]))\nm(0)\n", None),
    ("yield from", "def g(x): yield from g(x)\nnext(g(0))\n", None),
    ("deep list repr", "l = []\nfor i in range(1000000): l = [l]\nprint(len(repr(l)))\n", None),
    ("deep python recursion", "def f(n): return n if n < 1 else f(n - 1) + 1\nprint(f(200000))\n", "200000\n"),
    ("deep generator chain",
     "def gen(n):\n    if n: yield from gen(n - 1)\n    else: yield 1\nprint(list(gen(100000)))\n", "[1]\n"),
]


def main():
    failures = []
    for name, program, want in CASES:
        try:
            p = subprocess.run([sys.argv[1], "-c", PRELUDE + program], capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            failures.append("%s: timed out" % name)
            continue
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        last = err[-1] if err else ""
        if want is None:
            ok = p.returncode == 1 and last.startswith("RecursionError: maximum recursion depth exceeded")
        else:
            ok = p.returncode == 0 and p.stdout.decode() == want
        if not ok:
            failures.append("%s: status %d, stdout %r, stderr ends %r" % (name, p.returncode, p.stdout[-200:], last))
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
