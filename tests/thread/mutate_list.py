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

# 4 threads append 20000 items each, reading the list as it grows: past 8192 items a full
# list gets its larger array outside its lock, while the other threads go on appending.
big = []

def grow(k):
    for i in range(20000):
        big.append(k)
        if big[-1] not in (0, 1, 2, 3):
            print("bad item")

threads = [threading.Thread(target=grow, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(big), sum(big), [big.count(k) for k in range(4)])
