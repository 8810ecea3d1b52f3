# wait(): (done, not_done) sets with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a
# timeout.
import threading
from concurrent.futures import (ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION,
                                ALL_COMPLETED)


def fail():
    raise KeyError("k")


with ThreadPoolExecutor(max_workers=4) as ex:
    gate = threading.Event()
    blocked = ex.submit(gate.wait)
    quick = ex.submit(pow, 2, 10)
    done, not_done = wait([blocked, quick], return_when=FIRST_COMPLETED)
    print(done == {quick}, not_done == {blocked})
    r = wait([blocked, quick], timeout=0.01)
    print(type(r).__name__, r.done == {quick}, r.not_done == {blocked}, r[0] is r.done)
    bad = ex.submit(fail)
    done, not_done = wait([blocked, quick, bad], return_when=FIRST_EXCEPTION)
    print(bad in done, blocked in not_done, quick in done)
    gate.set()
    fs = [blocked, quick, bad] + [ex.submit(abs, -i) for i in range(20)]
    done, not_done = wait(fs)
    print(len(done), len(not_done), type(done).__name__)
    print(sorted(f.result() for f in done if f.exception() is None and f.result() is not True))
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print(len(done), len(not_done))
    done, not_done = wait([], return_when=ALL_COMPLETED)
    print(done, not_done)
    gate2 = threading.Event()
    try:
        wait([ex.submit(gate2.wait)], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    gate2.set()
