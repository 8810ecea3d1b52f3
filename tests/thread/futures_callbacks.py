# Future.add_done_callback (before and after completion, and on cancel), cancel() of a queued
# call, cancel_futures at shutdown.
import threading
from concurrent.futures import ThreadPoolExecutor

seen = []
lock = threading.Lock()


def record(f):
    with lock:
        seen.append("cancelled" if f.cancelled() else f.result())


gate = threading.Event()
started = threading.Event()


def wait_gate():
    started.set()
    return gate.wait()


ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(wait_gate)
first.add_done_callback(record)
started.wait()
queued = ex.submit(pow, 2, 5)
queued.add_done_callback(record)
later = ex.submit(pow, 2, 6)
print(first.cancel(), queued.cancel(), queued.cancel())
print(seen)
gate.set()
print(later.result())
first.add_done_callback(record)
later.add_done_callback(record)
ex.shutdown()
print(seen)

gate = threading.Event()
started = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
running = ex.submit(wait_gate)
rest = [ex.submit(abs, -i) for i in range(5)]
started.wait()
t = threading.Thread(target=lambda: (gate.wait(0.05), gate.set()))
t.start()
ex.shutdown(wait=True, cancel_futures=True)
t.join()
print(running.result(), [f.cancelled() for f in rest])
