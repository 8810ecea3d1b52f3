#!/usr/bin/env python3
"""-X gilstats: the per-thread table printed to stderr at exit makes sense. One thread: no waits,
no drop requests, no forced switches. Two CPU-bound threads that each spin until the other has
made progress, under a GIL: the second can only run after asking the first to drop the GIL, so
waits, drop requests and forced switches are all > 0 (no timing involved). The free-threaded
build without its GIL reports what replaces it (no GIL columns; lock waits, refcount merges and
stop-the-world pauses) and no GIL waits. A bad -X timeline value is a usage error (exit 2).

  gilstats.py MINIPY     (the minipy-ft checks run if minipy-ft is beside it)
"""
import os
import re
import subprocess
import sys

failures = []

ONE_THREAD = "x = 0\nfor i in range(10000):\n    x += i\nprint(x)\n"

# Each thread counts until it has done 2000 steps and seen the other do 2000: with a GIL the
# first one to run can not finish before the other has had the GIL.
TWO_SPINNERS = """
import threading
steps = [0, 0]
def spin(k):
    while steps[k] < 2000 or steps[1 - k] < 2000:
        steps[k] += 1
threads = [threading.Thread(target=spin, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
"""

# Without a GIL: two threads that share nothing while they run (locals only) and end at
# different times. minipy-ft -X gil=0 does not yet have the biased reference counts and
# per-object locks that make sharing objects between threads safe, so TWO_SPINNERS (both
# threads updating one list) can crash it today.
SEPARATE_SPINNERS = """
import threading
def spin(n):
    x = 0
    for i in range(n):
        x += i
a = threading.Thread(target=spin, args=(100000,))
b = threading.Thread(target=spin, args=(400000,))
a.start()
b.start()
a.join()
b.join()
print("done")
"""


def check(name, ok, detail=""):
    if not ok:
        failures.append("%s%s" % (name, ("\n    " + detail.replace("\n", "\n    ")) if detail else ""))


def run(args):
    env = dict(os.environ)
    env.pop("PYTHON_GIL", None)
    p = subprocess.run(args, capture_output=True, timeout=120, env=env)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def parse(err):
    """The report: (header columns, {thread: [values]}, the lines after the table). Columns are
    separated by two or more spaces; times "0.001 s" and "1.5 ms" become floats (seconds)."""
    lines = err.splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith("-X gilstats:")), None)
    if start is None:
        return None, {}, []
    header = re.split(r"\s{2,}", lines[start + 1].strip())
    rows = {}
    i = start + 2
    while i < len(lines) and not lines[i].startswith(("GIL held", "No GIL")):
        cells = re.split(r"\s{2,}", lines[i].strip())
        values = []
        for c in cells[1:]:
            m = re.fullmatch(r"([\d.]+) (s|ms)", c)
            values.append(float(m.group(1)) / (1000 if m.group(2) == "ms" else 1) if m else int(c))
        rows[cells[0]] = dict(zip(header[1:], values))
        i += 1
    return header, rows, lines[i:]


def gil_build_checks(exe, name):
    status, out, err = run([exe, "-X", "gilstats", "-c", ONE_THREAD])
    check("%s one thread: runs" % name, status == 0 and out == "49995000\n", err)
    header, rows, tail = parse(err)
    check("%s one thread: header" % name, header == ["thread", "running", "waiting", "blocked", "acquired",
                                                     "drop reqs", "forced", "longest wait"], str(header))
    check("%s one thread: one row" % name, list(rows) == ["MainThread"], err)
    main = rows.get("MainThread", {})
    check("%s one thread: no waits" % name, main.get("waiting") == 0 and main.get("drop reqs") == 0
          and main.get("forced") == 0 and main.get("longest wait") == 0, err)
    check("%s one thread: acquired the GIL" % name, main.get("acquired", 0) >= 1, err)
    check("%s one thread: GIL held line" % name, any(l.startswith("GIL held") for l in tail), err)

    status, out, err = run([exe, "-X", "gilstats", "-c", TWO_SPINNERS])
    check("%s two threads: runs" % name, status == 0 and out == "done\n", err)
    header, rows, tail = parse(err)
    check("%s two threads: rows" % name, {"MainThread", "Thread-1 (spin)", "Thread-2 (spin)", "all threads"} <= set(rows),
          err)
    total = rows.get("all threads", {})
    check("%s two threads: waits" % name, total.get("waiting", 0) > 0 and total.get("longest wait", 0) > 0, err)
    check("%s two threads: drop requests" % name, total.get("drop reqs", 0) > 0, err)
    check("%s two threads: forced switches" % name, total.get("forced", 0) > 0, err)
    spinners = [rows.get("Thread-1 (spin)", {}), rows.get("Thread-2 (spin)", {})]
    check("%s two threads: both ran" % name, all(r.get("acquired", 0) >= 1 for r in spinners), err)
    check("%s two threads: sums" % name, total.get("drop reqs") == sum(r.get("drop reqs", 0) for r in rows.values()
                                                                        if r is not total), err)


def main():
    exe = sys.argv[1]
    ft = os.path.join(os.path.dirname(os.path.abspath(exe)), "minipy-ft")
    gil = os.path.join(os.path.dirname(os.path.abspath(exe)), "minipy")
    have_ft = os.access(ft, os.X_OK)
    if os.access(gil, os.X_OK):
        gil_build_checks(gil, "minipy")
        status, out, err = run([gil, "-X", "gilstats", "-c", "print(1)"])
        check("minipy: no free-threading line", "Free-threading:" not in err, err)
    if have_ft:
        # With its GIL on (-X gil=1), minipy-ft behaves as the GIL build, plus the free-threading line.
        status, out, err = run([ft, "-X", "gil=1", "-X", "gilstats", "-c", TWO_SPINNERS])
        header, rows, tail = parse(err)
        check("minipy-ft -X gil=1: GIL columns", header is not None and "drop reqs" in header, err)
        check("minipy-ft -X gil=1: switches", rows.get("all threads", {}).get("forced", 0) > 0, err)
        check("minipy-ft -X gil=1: free-threading line", any(l.startswith("Free-threading:") for l in tail), err)

        status, out, err = run([ft, "-X", "gil=0", "-X", "gilstats", "-c", SEPARATE_SPINNERS])
        check("minipy-ft -X gil=0: runs", status == 0 and out == "done\n", err)
        header, rows, tail = parse(err)
        check("minipy-ft -X gil=0: title", "minipy-ft (free-threaded)" in err, err)
        check("minipy-ft -X gil=0: header", header == ["thread", "running", "lock wait", "blocked", "lock waits",
                                                       "refcount merges", "longest wait"], str(header))
        check("minipy-ft -X gil=0: no GIL waits", all(r.get("lock wait") == 0 for r in rows.values())
              and "drop reqs" not in (header or []), err)
        check("minipy-ft -X gil=0: both threads", {"Thread-1 (spin)", "Thread-2 (spin)"} <= set(rows), err)
        check("minipy-ft -X gil=0: summary", any(l.startswith("No GIL:") for l in tail)
              and any(l.startswith("Free-threading: ") and "stop-the-world" in l for l in tail), err)

    status, out, err = run([exe, "-X", "timeline=out.txt", "-c", "pass"])
    check("bad -X timeline: exit 2", status == 2, "status %d" % status)
    check("bad -X timeline: message", "timeline=FILE.svg" in err, err)
    status, out, err = run([exe, "-X", "gilstats", "-c", "print(2)"])
    check("stdout untouched", out == "2\n", out)

    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
