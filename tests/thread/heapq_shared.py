# 4 threads push into one heap with no lock of their own, then 4 threads pop from it: each
# heappush and heappop is atomic on the heap, so nothing is lost or popped twice, and each
# thread pops in ascending order.
import heapq
import threading

heap = []
PER = 2000


def push(k):
    for i in range(PER):
        heapq.heappush(heap, (i * 7919 + k * 104729) % 100003 * 4 + k)


def pop(out):
    while True:
        try:
            out.append(heapq.heappop(heap))
        except IndexError:
            return


threads = [threading.Thread(target=push, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(heap), heap[0] == min(heap))

outs = [[] for _ in range(4)]
threads = [threading.Thread(target=pop, args=(outs[k],)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
popped = sorted(x for out in outs for x in out)
expected = sorted((i * 7919 + k * 104729) % 100003 * 4 + k for k in range(4) for i in range(PER))
print(len(popped), popped == expected, all(out == sorted(out) for out in outs), heap)
