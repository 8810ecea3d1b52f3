# Subclasses of queue's classes: Queue.__init__ reached through super(), attributes kept;
# LifoQueue and PriorityQueue are Queues; names, modules and reprs as CPython's.
import queue


class Q(queue.Queue):
    def __init__(self, n):
        super().__init__(maxsize=n)
        self.tag = "q"


def f():
    q = Q(2)
    q.put(1)
    q.put(2)
    print(q.full(), q.maxsize, q.tag, q.get(), q.unfinished_tasks)
    q.task_done()
    print(q.unfinished_tasks)


f()


class L(queue.LifoQueue):
    pass


lq = L()
lq.put(1)
lq.put(2)
lq.x = 1
print(lq.get(), lq.x, issubclass(queue.LifoQueue, queue.Queue), isinstance(lq, queue.Queue))
pq = queue.PriorityQueue()
for v in (3, 1, 2):
    pq.put(v)
print([pq.get() for _ in range(3)])
print(queue.Queue, queue.LifoQueue, queue.SimpleQueue, queue.Empty, queue.Full)
print(queue.Queue.__module__, queue.Empty.__name__, queue.Empty.__module__, queue.Full.__module__)
print(repr(queue.Queue()).split(" at ")[0])
try:
    queue.Queue().get_nowait()
except queue.Empty as e:
    print(type(e).__name__, repr(e))
try:
    queue.Queue().foo
except AttributeError as e:
    print(e)
try:
    queue.SimpleQueue().foo
except AttributeError as e:
    print(e)
q = queue.Queue(1)
q.put(1)
try:
    q.put_nowait(2)
except queue.Full as e:
    print(type(e).__name__, repr(e))
