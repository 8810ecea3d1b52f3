# ThreadPoolExecutor: submit and result, the Future's state, worker thread names, the
# default max_workers, the context manager and submit after shutdown.
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, Future


def add(a, b, scale=1):
    return (a + b) * scale


with ThreadPoolExecutor(max_workers=4) as ex:
    f = ex.submit(add, 2, 3)
    g = ex.submit(add, 2, 3, scale=10)
    print(f.result(), g.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(sum(ex.submit(pow, i, 2).result() for i in range(100)))

one = ThreadPoolExecutor(max_workers=1)
print(one.submit(lambda: threading.current_thread().name).result())
two = ThreadPoolExecutor(1, thread_name_prefix="pool")
print(two.submit(lambda: threading.current_thread().name).result())
print(two.submit(lambda: threading.current_thread().daemon).result())
two.shutdown()
one.shutdown(wait=True)
try:
    one.submit(add, 1, 2)
except RuntimeError as e:
    print("RuntimeError:", e)

print(ThreadPoolExecutor()._max_workers == min(32, os.cpu_count() + 4))
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)

# shutdown(wait=True) returns after every call has run.
done = []
lock = threading.Lock()


def slow(i):
    time.sleep(0.01)
    with lock:
        done.append(i)


ex = ThreadPoolExecutor(max_workers=3)
for i in range(9):
    ex.submit(slow, i)
ex.shutdown()
print(sorted(done))

running = threading.Event()
release = threading.Event()


def blocked():
    running.set()
    release.wait()
    return "released"


with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(blocked)
    running.wait()
    print(f.running(), f.done())
    release.set()
    print(f.result(), f.running(), f.done())

f = Future()
print(f.done(), f.running(), f.cancelled())
f.set_result(42)
print(f.result(), f.done())
