#!/usr/bin/env python3
"""Ctrl-C: SIGINT during `while True: pass` raises KeyboardInterrupt at the next safe point,
prints CPython's traceback and ends the process by SIGINT, as CPython does.

  sigint.py MINIPY
"""
import signal
import subprocess
import sys
import time

PROGRAM = "print('started', flush=True)\nwhile True:\n    pass\n"


def main():
    proc = subprocess.Popen([sys.argv[1], "-c", PROGRAM], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"started\n"
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        print("FAIL: still running 10 s after SIGINT")
        return 1
    lines = err.decode().splitlines()
    expected_tail = ["Traceback (most recent call last):", '  File "<string>", line 2, in <module>',
                     "KeyboardInterrupt"]
    if lines != expected_tail or proc.returncode != -signal.SIGINT:
        print("FAIL: status %d, stderr:\n%s" % (proc.returncode, err.decode()))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
