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

# 8 threads replace the values of the same 50 keys: each store releases a list another
# thread made, and each read must see a whole value.
hot = {}
bad = []

def overwrite(k):
    for i in range(N):
        key = (i % 50, "x")
        hot[key] = [k, i]
        v = hot.get(key)
        if v is None or len(v) != 2:
            bad.append(v)

threads = [threading.Thread(target=overwrite, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(hot), bad, sorted(len(v) for v in hot.values())[:3])
