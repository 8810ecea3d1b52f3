# Event.wait looks at its timeout only when the event is not set, as CPython's.
import threading
e = threading.Event()
e.set()
print(e.wait("x"), e.wait(-5), e.wait(None))
e.clear()
try:
    e.wait("x")
except TypeError as err:
    print(err)
print(e.wait(0), e.wait(-1))
