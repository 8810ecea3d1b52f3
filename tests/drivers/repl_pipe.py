#!/usr/bin/env python3
"""minipy with stdin not a terminal: without -i it runs the whole program read from stdin (no
prompts, no echo); with -i it reads statements one by one as the REPL does, prompts on
stderr, results echoed on stdout, errors reported and the session going on, as `python3 -i`.

  repl_pipe.py MINIPY
"""
import subprocess
import sys

failures = []


def run(exe, args, stdin):
    p = subprocess.run([exe, *args], input=stdin.encode(), capture_output=True, timeout=30)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check(name, got, want):
    if got != want:
        failures.append("%s:\n  expected %r\n  got      %r" % (name, want, got))


def main():
    exe = sys.argv[1]

    # A program on stdin runs as a whole: expression statements are not echoed.
    check("program on stdin", run(exe, [], "x = 6 * 7\nx\nprint(x)\n"), (0, "42\n", ""))
    status, out, err = run(exe, [], "print('before')\n1/0\n")
    check("program on stdin: error status", (status, out), (1, "before\n"))
    check("program on stdin: traceback", err.splitlines()[-2:],
          ['  File "<stdin>", line 2, in <module>', "ZeroDivisionError: division by zero"])

    # -i: statement by statement, with CPython's prompts on stderr.
    session = "x = 5\nx\nNone\ndef f():\n    return x * 2\n\nf()\n_ + 1\n1/0\nx\nx = = 1\nx\n"
    status, out, err = run(exe, ["-i"], session)
    check("-i: stdout", (status, out), (0, "5\n10\n11\n5\n5\n\n"))
    check("-i: banner", err.splitlines()[0].startswith("minipy 0.1.0 (Python 3.11 subset, "), True)
    check("-i: prompts and errors", err.split("\n", 2)[2],
          ">>> >>> >>> >>> ... ... >>> >>> >>> Traceback (most recent call last):\n"
          '  File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero\n'
          '>>> >>>   File "<stdin>", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n>>> >>> ')

    # End of input inside a block runs the block; exit(N) leaves with status N.
    check("-i: EOF inside a block", run(exe, ["-i"], "for i in range(3):\n    print(i)")[:2], (0, "\n0\n1\n2\n\n"))
    check("-i: exit(4)", run(exe, ["-i"], "print('bye')\nexit(4)\nprint('not reached')\n")[:2], (4, "bye\n"))

    # -i after -c: the REPL sees the program's globals; no banner.
    status, out, err = run(exe, ["-i", "-c", "y = 2"], "y * 3\n")
    check("-i -c", (status, out, err), (0, "6\n\n", ">>> >>> "))

    # Odd input never crashes the session.
    odd = "(((\n)))\n'''open\n'''\n\x00\n)\n" + "1+" * 100000 + "1\n" + "[" * 300 + "]" * 300 + "\nlen('ok')\n"
    status, out, err = run(exe, ["-i"], odd)
    check("odd input: status and last result", (status, out.splitlines()[-2:]), (0, ["2", ""]))
    check("odd input: deep expression", "RecursionError: maximum recursion depth exceeded during compilation" in err,
          True)

    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
