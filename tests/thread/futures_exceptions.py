# An exception in a task: result() raises it, exception() returns it; TimeoutError and
# CancelledError; an uncaught one from result() ends the program with its traceback.
import threading
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, CancelledError


class AppError(Exception):
    pass


def fail(msg):
    raise AppError(msg)


ex = ThreadPoolExecutor(max_workers=2)
f = ex.submit(fail, "boom")
try:
    f.result()
except AppError as e:
    print("AppError:", e)
e = f.exception()
print(type(e).__name__, e.args, f.done(), f.cancelled())
print(ex.submit(len, "abc").exception())
g = ex.submit(int, "x")
try:
    g.result()
except ValueError as e:
    print("ValueError:", e)

release = threading.Event()
started = threading.Event()


def wait_release():
    started.set()
    return release.wait()


slow = ex.submit(wait_release)
started.wait()
try:
    slow.result(timeout=0.01)
except TimeoutError as e:
    print("TimeoutError", repr(e), concurrent.futures.TimeoutError is TimeoutError)
try:
    slow.exception(timeout=0)
except concurrent.futures.TimeoutError:
    print("exception() timed out")
print(slow.cancel())
release.set()
print(slow.result())

gate = threading.Event()
one = ThreadPoolExecutor(max_workers=1)
busy = one.submit(gate.wait)
queued = one.submit(print, "never")
print(queued.cancel(), queued.cancelled(), queued.done(), queued.running())
try:
    queued.result()
except CancelledError as e:
    print("CancelledError", repr(e), issubclass(CancelledError, concurrent.futures._base.Error))
gate.set()
one.shutdown()
ex.shutdown()
print(busy.result())
with ThreadPoolExecutor() as ex2:
    ex2.submit(fail, "uncaught").result()
