# Module globals are counted per thread while threads run (minipy-ft): dropping one must still
# free it, at once when no other thread runs any more, and its finalizer (a generator's
# finally block) must run exactly once.
import gc
import threading


def tracked(name):
    try:
        yield name
    finally:
        print("finalized", name)


g1 = tracked("g1")
next(g1)
g2 = tracked("g2")
next(g2)
data = [1, 2, 3]


def reader(n):
    total = 0
    for _ in range(n):
        total += len(data)
        x = g1
        y = g2
    results.append(total)


results = []
threads = [threading.Thread(target=reader, args=(2000,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
del g1
print("after del g1")

def reader2(n):
    total = 0
    for _ in range(n):
        total += len(data)
        y = g2
    results.append(total)


threads = [threading.Thread(target=reader2, args=(1000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
g2 = None
print("after g2 = None")
gc.collect()
data = None
print("end")
