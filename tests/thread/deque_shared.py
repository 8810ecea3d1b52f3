# 4 threads append to one deque while 4 others pop from it, with no lock of their own: each
# append and pop is atomic, so every item comes out exactly once.
import threading
from collections import deque

dq = deque()
PER = 5000
done = threading.Event()
got = [[] for _ in range(4)]


def produce(k):
    for i in range(PER):
        if i % 2:
            dq.append(k * PER + i)
        else:
            dq.appendleft(k * PER + i)


def consume(out):
    while True:
        try:
            out.append(dq.popleft() if len(out) % 2 else dq.pop())
        except IndexError:
            if done.is_set() and not dq:
                return


producers = [threading.Thread(target=produce, args=(k,)) for k in range(4)]
consumers = [threading.Thread(target=consume, args=(got[k],)) for k in range(4)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
done.set()
for t in consumers:
    t.join()
items = sorted(x for out in got for x in out)
print(len(items), items == list(range(4 * PER)), len(dq))
