# as_completed(): futures yielded as they finish (the finishing order is forced with events),
# already finished ones first, and a timeout.
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

events = [threading.Event() for _ in range(4)]


def task(i):
    events[i].wait()
    return i


with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(task, i) for i in range(4)]
    it = as_completed(fs)
    order = []
    for i in [2, 0, 3, 1]:
        events[i].set()
        order.append(next(it).result())
    print(order)
    try:
        next(it)
    except StopIteration:
        print("exhausted")
    fs = [ex.submit(pow, 3, i) for i in range(30)]
    print(sorted(f.result() for f in as_completed(fs)))
    print(sorted(f.result() for f in as_completed(fs + fs)))

    gate = threading.Event()
    pending = ex.submit(gate.wait)
    got = []
    try:
        for f in as_completed([fs[0], pending], timeout=0.05):
            got.append(f.result())
    except TimeoutError as e:
        print("TimeoutError:", e, got)
    gate.set()
