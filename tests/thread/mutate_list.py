# 8 threads append to and pop from one shared list; the result does not depend on scheduling.
import threading

shared = []
N = 2000

def worker(k):
    for i in range(N):
        shared.append(k * N + i)
    for i in range(N // 2):
        shared.pop()

threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared))
print(len(set(shared)) == len(shared))
