# Lock.acquire and RLock.acquire parse blocking as an int and timeout as CPython's locks do:
# a held lock given a str for blocking raises at once instead of blocking forever.
import threading
import _thread


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)


for lock in [threading.Lock(), threading.RLock()]:
    name = type(lock).__name__
    lock.acquire()
    if name == "RLock":
        t = threading.Thread(target=lambda: attempt("other thread", lambda: lock.acquire("x")))
        t.start()
        t.join()
    else:
        attempt("blocking str", lambda: lock.acquire("x"))
        attempt("blocking float", lambda: lock.acquire(1.5))
        attempt("blocking None", lambda: lock.acquire(None))
        attempt("timeout str", lambda: lock.acquire(timeout="x"))
        attempt("timeout 1e10", lambda: lock.acquire(timeout=1e10))
        attempt("timeout 10**10", lambda: lock.acquire(timeout=10 ** 10))
        attempt("timeout 2**70", lambda: lock.acquire(timeout=2 ** 70))
        attempt("timeout nan", lambda: lock.acquire(timeout=float("nan")))
        attempt("timeout -0.5", lambda: lock.acquire(timeout=-0.5))
        attempt("timeout 0", lambda: lock.acquire(timeout=0))
        attempt("blocking 0", lambda: lock.acquire(0))
        attempt("non-blocking with timeout", lambda: lock.acquire(False, 1))
    lock.release()
    print(name, "released")

attempt("Lock(1)", lambda: threading.Lock(1))
attempt("allocate_lock(1)", lambda: _thread.allocate_lock(1))
attempt("LockType()", lambda: _thread.LockType())
attempt("release(1)", lambda: threading.Lock().release(1))
attempt("locked(1)", lambda: threading.Lock().locked(1))
attempt("RLock release(1)", lambda: threading.RLock().release(1))
attempt("get_ident(1)", lambda: _thread.get_ident(1))
attempt("RLock(1)", lambda: type(threading.RLock(1)).__name__)
