# Misused threading classes raise what CPython's threading.py raises: its methods' argument
# errors, and the errors of the comparisons it makes with a bad timeout or value.
import threading


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)


attempt("Thread(foo=1)", lambda: threading.Thread(foo=1))
attempt("Thread 7 positional", lambda: threading.Thread(None, None, "n", (), {}, True))
attempt("Thread 7 positional, daemon", lambda: threading.Thread(None, None, "n", (), {}, True, daemon=True))
attempt("Thread target twice", lambda: threading.Thread(print, target=print))
attempt("Barrier()", lambda: threading.Barrier())
attempt("Barrier(x=1)", lambda: threading.Barrier(2, x=1))
attempt("Semaphore(x=3)", lambda: threading.Semaphore(x=3))
attempt("Semaphore(1, 2)", lambda: threading.Semaphore(1, 2))
attempt("Semaphore('a')", lambda: threading.Semaphore("a"))
attempt("BoundedSemaphore(None)", lambda: threading.BoundedSemaphore(None))
attempt("Condition(5)", lambda: threading.Condition(5))
attempt("Condition(1, 2)", lambda: threading.Condition(1, 2))

t = threading.Thread(target=lambda: None)
t.start()
attempt("join('x')", lambda: t.join("x"))
attempt("join(1, 2)", lambda: t.join(1, 2))
attempt("join(-1)", lambda: t.join(-1))
attempt("Event.wait('x')", lambda: threading.Event().wait("x"))
attempt("Event.wait(t=1)", lambda: threading.Event().wait(t=1))
c = threading.Condition()
with c:
    attempt("Condition.wait('x')", lambda: c.wait("x"))
    attempt("Condition.notify('a')", lambda: c.notify("a"))
    attempt("Condition.wait_for()", lambda: c.wait_for())
attempt("Semaphore.acquire(1, 2, 3)", lambda: threading.Semaphore().acquire(1, 2, 3))
attempt("BoundedSemaphore.release(n=1, m=2)", lambda: threading.BoundedSemaphore().release(n=1, m=2))
attempt("Barrier.wait(1, 2)", lambda: threading.Barrier(1).wait(1, 2))


class NoInit(threading.Thread):
    def __init__(self):
        pass


n = NoInit()
attempt("start", n.start)
attempt("join", n.join)
attempt("is_alive", n.is_alive)
attempt("name", lambda: n.name)
attempt("ident", lambda: n.ident)
attempt("repr", lambda: repr(n))

attempt("current_thread(1)", lambda: threading.current_thread(1))
attempt("active_count(x=1)", lambda: threading.active_count(x=1))
attempt("get_ident(1)", lambda: threading.get_ident(1))
attempt("Thread.start(1)", lambda: threading.Thread().start(1))
attempt("Thread.is_alive(x=1)", lambda: threading.Thread().is_alive(x=1))
