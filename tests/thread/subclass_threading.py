# Subclasses of threading's classes: their own __init__ calls the base's with arguments of its
# choosing, instances keep attributes, reprs and names as CPython's threading.py shows them.
import threading


class W(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"w{n}", daemon=False)
        self.n = n
        self.tag = "x"

    def run(self):
        print("run", self.name, self.n, self.tag)


w = W(1)
w.start()
w.join()
print(repr(w).split(",")[0])
t = threading.Thread(target=lambda: None)
print(t.name.split(" ")[0], t.name.endswith("(<lambda>)"))


class Plain(threading.Thread):
    def run(self):
        print("plain", self.name.startswith("Thread-"))


p = Plain()
p.start()
p.join()


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError", e)


class E(threading.Event):
    pass


e = E()
e.flag2 = 1
e.set()
print(e.is_set(), e.flag2, repr(e).split(" at ")[0], repr(threading.Event()).split(" at ")[0])
print(repr(threading.Event()).endswith(": unset>"))


class S(threading.Semaphore):
    def __init__(self, v):
        super().__init__(v)
        self.extra = "s"


s = S(3)
print(s.acquire(), s.extra, repr(s).split(" at ")[0], repr(s).split(": ")[1])
b = threading.BoundedSemaphore(2)
print(repr(b).split(": ")[1], isinstance(b, threading.Semaphore) if False else "-")


class BS(threading.BoundedSemaphore):
    pass


bs = BS(1)
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)


class C(threading.Condition):
    def __init__(self):
        super().__init__(threading.Lock())
        self.x = 5


c = C()
with c:
    c.notify_all()
print(c.x, repr(c).startswith("<Condition(<unlocked _thread.lock object at "), repr(c).endswith(", 0)>"))


class B(threading.Barrier):
    def __init__(self):
        super().__init__(2, timeout=5)


bb = B()
print(bb.parties, repr(bb).split(": ")[1], repr(threading.Barrier(3)).split(": ")[1])


class L(threading.local):
    def __init__(self, v):
        self.v = v


loc = L(5)
print(loc.v)
out = []
th = threading.Thread(target=lambda: out.append(loc.v))
th.start()
th.join()
print(out)
print(threading.Thread, threading.Event, threading.Semaphore, threading.BrokenBarrierError)
print(threading.Event.__name__, threading.Event.__module__, threading.Thread.__qualname__)
try:
    threading.Event().foo
except AttributeError as e:
    print(e)
print(repr(threading.BrokenBarrierError()), type(threading.BrokenBarrierError()).__name__)
