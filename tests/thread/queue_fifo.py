# queue.Queue between 4 producers and 4 consumers; task_done/join; maxsize blocks producers.
import queue
import threading

q = queue.Queue(maxsize=10)
out = queue.Queue()

def producer(k):
    for i in range(250):
        q.put(k * 1000 + i)

def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        out.put(item)
        q.task_done()

producers = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
consumers = [threading.Thread(target=consumer) for _ in range(4)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
q.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
items = []
while not out.empty():
    items.append(out.get_nowait())
print(len(items), sorted(items) == sorted(k * 1000 + i for k in range(4) for i in range(250)))
print(q.qsize(), q.empty(), q.full(), q.maxsize)
