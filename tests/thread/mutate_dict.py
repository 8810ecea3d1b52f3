# 8 threads set, read and delete keys of one shared dict.
import threading

shared = {}
N = 2000

def worker(k):
    for i in range(N):
        shared[(k, i)] = i
    for i in range(0, N, 2):
        del shared[(k, i)]
    total = 0
    for i in range(1, N, 2):
        total += shared.get((k, i), 0)
    results[k] = total

results = [0] * 8
threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared), results)
print(sorted(shared)[:3])
