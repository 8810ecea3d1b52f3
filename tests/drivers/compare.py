#!/usr/bin/env python3
"""`minipy compare`: the table and the JSON on a small script (three builds, medians, identical
output detected), a script whose output differs between the builds (detected, with the first
differing line), a failing script (exit 1, its stderr shown), --timeline (one well-formed
SVG per build), usage errors (exit 2) and a missing build (exit 1, naming scripts/build).
No timed assertions: only structure and sanity (non-negative times, speedup 1.00 for the
reference).

  compare.py MINIPY      (minipy and minipy-ft must both be there; else the test is skipped)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
failures = []

SAME = 'print("hello")\nprint(sum(range(10)))\n'
# Under PYTHON_GIL=0 the free-threaded build's default run has no GIL (compare keeps the
# variable away from the GIL build, which would refuse it, and -X gil=1 overrides it).
DIFFERENT = 'import sys\nprint("start")\nprint(sys._is_gil_enabled())\nprint("end")\n'


def check(name, ok, detail=""):
    if not ok:
        failures.append("%s%s" % (name, ("\n    " + detail.replace("\n", "\n    ")) if detail else ""))


def run(args, env=None, timeout=120):
    e = dict(os.environ)
    e.pop("PYTHON_GIL", None)
    e.update(env or {})
    p = subprocess.run(args, capture_output=True, timeout=timeout, env=e)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def main():
    exe = sys.argv[1]
    here = os.path.dirname(os.path.abspath(exe))
    for build in ["minipy", "minipy-ft"]:
        if not os.access(os.path.join(here, build), os.X_OK):
            print("skipped: %s not built" % os.path.join(here, build))
            return SKIP
    tmp = tempfile.mkdtemp(prefix="minipy-compare-")
    same = os.path.join(tmp, "same.py")
    different = os.path.join(tmp, "different.py")
    with open(same, "w") as f:
        f.write(SAME)
    with open(different, "w") as f:
        f.write(DIFFERENT)

    # The table.
    status, out, err = run([exe, "compare", "--runs", "2", same])
    check("table: exit 0", status == 0, "status %d\n%s" % (status, err))
    lines = out.splitlines()
    header = next((l for l in lines if l.startswith("build")), "")
    for col in ["wall", "CPU", "cores", "peak RSS", "speedup", "output"]:
        check("table: header has %r" % col, col in header, out)
    body = [l for l in lines if l.startswith("minipy") and not l.startswith("minipy compare")]
    check("table: three rows", len(body) == 3, out)
    if len(body) == 3:
        check("table: GIL build first", body[0].startswith("minipy (GIL build)"), out)
        check("table: free-threaded second", body[1].startswith("minipy-ft (free-threaded"), out)
        check("table: -X gil=1 third", body[2].startswith("minipy-ft -X gil=1"), out)
        check("table: reference row", body[0].rstrip().endswith("reference") and "1.00x" in body[0], out)
        check("table: same output", all(b.rstrip().endswith("same") for b in body[1:]), out)
    check("table: identical", "Output: identical in all 6 runs." in out, out)
    check("progress on stderr", "run 1 of 2" in err and "run 2 of 2" in err and "minipy-ft -X gil=1" in err, err)
    check("script output not shown", "hello" not in out, out)

    # JSON.
    status, out, err = run([exe, "compare", "--runs", "1", "--json", same, "arg1"])
    check("json: exit 0", status == 0, err)
    try:
        data = json.loads(out)
    except ValueError as e:
        data = None
        check("json: parses", False, "%s\n%s" % (e, out))
    if data:
        check("json: keys", {"script", "args", "runs", "builds", "outputs_identical", "first_difference",
                            "cores_online", "idle_cores", "load_average"} <= set(data),
              out)
        check("json: args", data.get("args") == ["arg1"], out)
        builds = data.get("builds", [])
        check("json: three builds", len(builds) == 3, out)
        for b in builds:
            for k in ["wall_s", "cpu_s", "cores", "peak_rss_mib", "speedup"]:
                check("json: %s %s is a non-negative number" % (b.get("label"), k),
                      isinstance(b.get(k), (int, float)) and b[k] >= 0, out)
            check("json: %s ran once" % b.get("label"), len(b.get("wall_s_runs", [])) == 1, out)
        if len(builds) == 3:
            check("json: build names", [b["build"] for b in builds] == ["minipy", "minipy-ft", "minipy-ft"], out)
            check("json: -X gil=1 has the GIL", builds[2]["gil"] is True and builds[0]["gil"] is True, out)
            check("json: reference speedup 1", abs(builds[0]["speedup"] - 1.0) < 1e-9, out)
            check("json: outputs", [b["output"] for b in builds] == ["reference", "same", "same"], out)
        check("json: identical", data.get("outputs_identical") is True and data.get("first_difference") is None, out)

    # Different outputs: the free-threaded build without its GIL prints False.
    status, out, err = run([exe, "compare", "--runs", "1", different], env={"PYTHON_GIL": "0"})
    check("differs: exit 0", status == 0, err)
    check("differs: reported", "Output: differs. First difference: minipy-ft (free-threaded), run 1, line 2:" in out,
          out)
    check("differs: the two lines", "minipy (GIL build):" in out and "True" in out and "False" in out, out)
    body = [l for l in out.splitlines() if l.startswith("minipy") and not l.startswith("minipy compare")]
    check("differs: marked in the table", len(body) == 3 and body[1].rstrip().endswith("DIFFERS")
          and body[2].rstrip().endswith("same"), out)
    status, out, err = run([exe, "compare", "--runs", "1", "--json", different], env={"PYTHON_GIL": "0"})
    try:
        data = json.loads(out)
        d = data["first_difference"]
        check("differs json", data["outputs_identical"] is False and d["line"] == 2 and d["expected"] == "True"
              and d["got"] == "False" and d["build"] == "minipy-ft (free-threaded)"
              and data["builds"][1]["gil"] is False, out)
    except (ValueError, KeyError, TypeError) as e:
        check("differs json: parses", False, "%r\n%s" % (e, out))

    # --timeline DIR: one SVG per build, from its first run.
    tl = os.path.join(tmp, "timelines")
    status, out, err = run([exe, "compare", "--runs", "1", "--timeline", tl, same])
    check("timeline: exit 0", status == 0, err)
    for name, title in [("minipy.svg", "minipy (GIL build)"), ("minipy-ft.svg", "minipy-ft"),
                        ("minipy-ft-gil1.svg", "minipy-ft -X gil=1")]:
        path = os.path.join(tl, name)
        try:
            root = ET.parse(path).getroot()
            texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
            check("timeline %s: title" % name, any(t.startswith(title) for t in texts), str(texts[:3]))
        except (OSError, ET.ParseError) as e:
            check("timeline %s: well-formed" % name, False, repr(e))
    check("timeline: named in the output", tl in out, out)

    # Usage errors: exit 2 and a message.
    for args, msg in [([], "no script"), ([os.path.join(tmp, "missing.py")], "can't open file"),
                      (["--runs", "0", same], "--runs"), (["--runs", "many", same], "--runs"),
                      (["--bogus", same], "--bogus")]:
        status, out, err = run([exe, "compare", *args])
        check("usage %r: exit 2" % args, status == 2, "status %d" % status)
        check("usage %r: message" % args, msg in err, err)

    # A failing script: exit status 1, its stderr shown once in the table and kept in the JSON.
    failing = os.path.join(tmp, "failing.py")
    with open(failing, "w") as f:
        f.write('print("before")\nraise ValueError("boom")\n')
    status, out, err = run([exe, "compare", "--runs", "1", failing])
    check("failing: exit 1", status == 1, "status %d" % status)
    check("failing: stderr shown once", out.count("ValueError: boom") == 1 and "the same stderr" in out, out)
    status, out, err = run([exe, "compare", "--runs", "1", "--json", failing])
    try:
        data = json.loads(out)
        check("failing json", all(b["exit_status"] == [1] and "ValueError: boom" in b["failed_stderr"]
                                  for b in data["builds"]) and data["outputs_identical"] is True, out)
    except (ValueError, KeyError, TypeError) as e:
        check("failing json: parses", False, "%r\n%s" % (e, out))

    # A build missing beside the binary: say how to build it.
    alone = os.path.join(tmp, "alone")
    os.mkdir(alone)
    shutil.copy(os.path.join(here, "minipy"), alone)
    status, out, err = run([os.path.join(alone, "minipy"), "compare", same])
    check("missing build: exit 1", status == 1, "status %d" % status)
    check("missing build: message", "minipy-ft is missing" in err and "scripts/build" in err, err)

    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
