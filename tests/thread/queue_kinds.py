# LifoQueue, PriorityQueue, SimpleQueue orders, and Empty/Full with timeouts.
import queue

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
sq = queue.SimpleQueue()
for x in [3, 1, 4, 1, 5, 9, 2, 6]:
    lq.put(x)
    pq.put((x, str(x)))
    sq.put(x)
print([lq.get() for _ in range(8)])
print([pq.get()[0] for _ in range(8)])
print([sq.get() for _ in range(8)], sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("Empty")
bq = queue.Queue(1)
bq.put(1)
try:
    bq.put(2, timeout=0.01)
except queue.Full:
    print("Full")
try:
    bq.put_nowait(2)
except queue.Full:
    print("Full")
print(bq.get(), bq.empty())
try:
    bq.get(block=False)
except queue.Empty:
    print("Empty")
bq.task_done()
try:
    bq.task_done()
except ValueError as e:
    print("ValueError:", e)
