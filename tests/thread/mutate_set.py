# 8 threads add to and discard from one shared set.
import threading

shared = set()
N = 3000

def worker(k):
    for i in range(N):
        shared.add(i * 8 + k)
    for i in range(0, N, 3):
        shared.discard(i * 8 + k)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared), sum(shared))
