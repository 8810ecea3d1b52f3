# Functions defined at module level are shared by every thread (minipy-ft makes them immortal
# when the first thread starts, so threads calling them do not contend on one count). Functions
# created after that, here in a module-level loop, stay ordinary objects: they are freed, and
# a cycle through one is collected.
import gc
import threading


def square(x):
    return x * x


results = []
lock = threading.Lock()


def worker(k):
    total = 0
    for i in range(2000):
        total += square(i % 10)
    with lock:
        results.append((k, total))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
made = []
for i in range(5000):
    def f(n=i):
        return n
    made.append(f())
for t in threads:
    t.join()
print(sorted(results))
print(sum(made), made[-1])


def g():
    pass


g.me = g
del g
print(gc.collect() >= 1)
