# Misused queues raise what CPython's queue.py (Queue, LifoQueue, PriorityQueue) and _queue
# (SimpleQueue) raise; a PriorityQueue item whose comparison fails stays queued, as heappush
# leaves it.
import queue


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)


q = queue.Queue()
attempt("Queue(x=3)", lambda: queue.Queue(x=3))
attempt("LifoQueue(1, 2)", lambda: queue.LifoQueue(1, 2))
attempt("put()", lambda: q.put())
attempt("put(x=1)", lambda: q.put(1, x=1))
attempt("get(1, 2, 3)", lambda: q.get(1, 2, 3))
attempt("put_nowait()", lambda: q.put_nowait())
attempt("get(timeout='x')", lambda: q.get(timeout="x"))
attempt("put(timeout='x')", lambda: q.put(1, timeout="x"))
attempt("bounded put(timeout='x')", lambda: queue.Queue(1).put(1, timeout="x"))
attempt("SimpleQueue.put(timeout='x')", lambda: queue.SimpleQueue().put(1, timeout="x"))
attempt("get(timeout=-1)", lambda: q.get(timeout=-1))
attempt("get(False, 'x')", lambda: q.get(False, "x"))
s = queue.SimpleQueue()
attempt("SimpleQueue(1)", lambda: queue.SimpleQueue(1))
attempt("SimpleQueue(x=1)", lambda: queue.SimpleQueue(x=1))
attempt("SimpleQueue.put()", lambda: s.put())
attempt("SimpleQueue.get(1, 2, 3)", lambda: s.get(1, 2, 3))
attempt("SimpleQueue.get(timeout='x')", lambda: s.get(timeout="x"))
attempt("SimpleQueue.get(timeout=-1)", lambda: s.get(timeout=-1))
attempt("SimpleQueue.get(timeout=nan)", lambda: s.get(timeout=float("nan")))

p = queue.PriorityQueue()
p.put(1)
p.put(3)
attempt("put('a')", lambda: p.put("a"))
print(p.qsize(), p.unfinished_tasks)
attempt("get", p.get)
attempt("get", p.get)
attempt("get", p.get)


class Job:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority


p = queue.PriorityQueue()
for i, pr in enumerate([3, 1, 2, 1, 3, 2, 1, 1, 2, 3]):
    p.put(Job(pr, "job%d" % i))
print([p.get().name for _ in range(10)])
