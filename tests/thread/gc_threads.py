# The cycle collector with several threads: each allocates many reference cycles, objects
# made by one thread are dropped by another (passed through a queue, some after their maker
# exited), and one thread collects while the others allocate.
import gc
import queue
import threading


class Node:
    def __init__(self, i):
        self.i = i
        self.me = self


N = 20_000
results = [None] * 4
keep = []  # cycles made by the threads, dropped after they exited
q = queue.Queue()
start = threading.Barrier(4)


def producer(k):
    start.wait()
    total = 0
    for i in range(N):
        n = Node(i)
        total += n.i
        a = [i]
        b = [a]
        a.append(b)
        if i % 10 == 0:
            q.put((n, a))  # dropped by the consumer thread
        if i % 100 == 0:
            keep.append(Node(-i))
    q.put(None)
    results[k] = total


def consumer(k):
    start.wait()
    count = 0
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        n, a = item
        total += n.i + a[0]
        count += 1
        del n, a, item
        x = Node(count)
        x.other = [x]
    results[k] = (count, total)


def collector(k):
    start.wait()
    total = 0
    runs = 0
    for i in range(N):
        n = Node(i)
        total += n.i
        if i % 2000 == 0 and gc.collect() >= 0:
            runs += 1
    results[k] = (total, runs)


def worker(k):
    start.wait()
    total = 0
    for i in range(N):
        d = {"i": i}
        d["self"] = d
        l = [d]
        l.append(l)
        t = (l, i)
        total += t[1]
        if i % 100 == 0:
            keep.append(l)
    results[k] = total


threads = [threading.Thread(target=f, args=(k,))
           for k, f in enumerate([producer, consumer, collector, worker])]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("producer", results[0])
print("consumer", results[1])
print("collector", results[2])
print("worker", results[3])
print("kept", len(keep))
keep.clear()
print("collected after clear", gc.collect() > 0)
print("collect again", gc.collect() >= 0)
c = gc.get_count()
print(type(c).__name__, len(c), all(x >= 0 for x in c))
