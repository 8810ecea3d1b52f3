#!/usr/bin/env python3
"""-X timeline=FILE: the SVG is well-formed XML with one lane per thread, named by the Python
thread name (also after a rename), the build in the title and the right kinds of spans (the CPU
thread runs, the sleeping one blocks); the JSON trace parses as Chrome's trace event format
with a thread_name and events for every thread. Daemon threads still running at exit get
lanes. A run with tens of thousands of tiny spans still gives a small SVG. Under minipy-ft -X gil=0 the title names the free-threaded build.

  timeline.py MINIPY     (the minipy-ft check runs if minipy-ft is beside it)
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
RUNNING, WAITING, BLOCKED = "#3a9e5c", "#e4572e", "#8fb3de"
failures = []

PROGRAM = """
import threading, time
def spin():
    x = 0
    for i in range(200000):
        x += i
def nap():
    threading.current_thread().name = "renamed"
    time.sleep(0.05)
a = threading.Thread(target=spin)
b = threading.Thread(target=time.sleep, args=(0.05,), name="sleeper")
c = threading.Thread(target=nap)
for t in (a, b, c):
    t.start()
for t in (a, b, c):
    t.join()
print("done")
"""
NAMES = ["MainThread", "Thread-1 (spin)", "sleeper", "renamed"]

# Daemon threads still running (one computing, one sleeping) when the main thread exits: their
# records are read while they run, and they get lanes up to the end.
DAEMONS = """
import threading, time
def busy():
    x = 0
    while True:
        x += 1
def sleepy():
    while True:
        time.sleep(0.01)
threading.Thread(target=busy, daemon=True, name="busy").start()
threading.Thread(target=sleepy, daemon=True, name="sleepy").start()
time.sleep(0.1)
print("done")
"""

# 20,000 blocking calls of no length: twice as many spans on the main thread.
MANY_SPANS = "import time\nfor i in range(20000):\n    time.sleep(0)\nprint('done')\n"


def check(name, ok, detail=""):
    if not ok:
        failures.append("%s%s" % (name, ("\n    " + detail.replace("\n", "\n    ")) if detail else ""))


def run(args):
    env = dict(os.environ)
    env.pop("PYTHON_GIL", None)
    p = subprocess.run(args, capture_output=True, timeout=120, env=env)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def lanes(path):
    """{thread name: [fill colours of its spans]} and the texts of an SVG timeline."""
    root = ET.parse(path).getroot()
    result = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") == "lane":
            result[g.get("data-thread")] = [r.get("fill") for r in g.iter(SVG + "rect")][1:]
    texts = [t.text or "" for t in root.iter(SVG + "text")]
    return result, texts


def main():
    exe = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="minipy-timeline-")
    svg = os.path.join(tmp, "t.svg")
    status, out, err = run([exe, "-X", "timeline=" + svg, "-c", PROGRAM])
    check("svg: runs", status == 0 and out == "done\n" and err == "", "status %d\n%s" % (status, err))
    try:
        by_thread, texts = lanes(svg)
        check("svg: one lane per thread", sorted(by_thread) == sorted(NAMES), str(sorted(by_thread)))
        check("svg: title", any(t.startswith("minipy") and "build" in t for t in texts[:2]), str(texts[:2]))
        check("svg: the CPU thread runs", RUNNING in by_thread.get("Thread-1 (spin)", []), str(by_thread))
        check("svg: the sleeper blocks", BLOCKED in by_thread.get("sleeper", []), str(by_thread))
        check("svg: a legend", any("running bytecode" in t for t in texts) and any("blocked" in t for t in texts),
              str(texts))
        check("svg: a time axis", "0" in texts and any(t.endswith(" ms") for t in texts), str(texts))
    except (OSError, ET.ParseError) as e:
        check("svg: well-formed", False, repr(e))

    trace = os.path.join(tmp, "t.json")
    status, out, err = run([exe, "-X", "timeline=" + trace, "-c", PROGRAM])
    check("json: runs", status == 0 and out == "done\n", err)
    try:
        with open(trace) as f:
            data = json.load(f)
        events = data["traceEvents"]
        names = {e["tid"]: e["args"]["name"] for e in events if e.get("ph") == "M" and e["name"] == "thread_name"}
        check("json: thread names", sorted(names.values()) == sorted(NAMES), str(names))
        spans = [e for e in events if e.get("ph") == "X"]
        check("json: complete events well-formed", spans and all(
            isinstance(e["ts"], (int, float)) and isinstance(e["dur"], (int, float)) and e["dur"] >= 0
            and e["pid"] == 1 and e["tid"] in names for e in spans), str(spans[:3]))
        check("json: events for every thread", {e["tid"] for e in spans} == set(names), str(names))
        kinds = {(names[e["tid"]], e["name"]) for e in spans}
        check("json: kinds", ("Thread-1 (spin)", "running") in kinds and ("sleeper", "blocked in a call") in kinds,
              str(kinds))
    except (OSError, ValueError, KeyError, TypeError) as e:
        check("json: parses", False, repr(e))

    path = os.path.join(tmp, "daemons.svg")
    status, out, err = run([exe, "-X", "timeline=" + path, "-X", "gilstats", "-c", DAEMONS])
    check("daemons: runs", status == 0 and out == "done\n", err)
    try:
        by_thread, texts = lanes(path)
        check("daemons: lanes", sorted(by_thread) == ["MainThread", "busy", "sleepy"], str(sorted(by_thread)))
        check("daemons: the busy one ran", RUNNING in by_thread.get("busy", []), str(by_thread))
    except (OSError, ET.ParseError) as e:
        check("daemons: well-formed", False, repr(e))
    check("daemons: in the statistics", "busy" in err and "sleepy" in err, err)

    big = os.path.join(tmp, "many.svg")
    status, out, err = run([exe, "-X", "timeline=" + big, "-c", MANY_SPANS])
    check("many spans: runs", status == 0 and out == "done\n", err)
    try:
        size = os.path.getsize(big)
        check("many spans: small SVG", size < 1_000_000, "%d bytes" % size)
        ET.parse(big)
    except (OSError, ET.ParseError) as e:
        check("many spans: well-formed", False, repr(e))

    ft = os.path.join(os.path.dirname(os.path.abspath(exe)), "minipy-ft")
    if os.access(ft, os.X_OK):
        path = os.path.join(tmp, "ft.svg")
        status, out, err = run([ft, "-X", "gil=0", "-X", "timeline=" + path, "-c", PROGRAM])
        check("ft svg: runs", status == 0 and out == "done\n", err)
        try:
            by_thread, texts = lanes(path)
            check("ft svg: title", "minipy-ft (free-threaded)" in texts, str(texts[:2]))
            check("ft svg: lanes", sorted(by_thread) == sorted(NAMES), str(sorted(by_thread)))
            check("ft svg: no GIL waits", all(WAITING not in fills for fills in by_thread.values()), str(by_thread))
        except (OSError, ET.ParseError) as e:
            check("ft svg: well-formed", False, repr(e))

    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
