# Barrier: no thread passes round r before all have reached it; the action runs once a round.
import threading

N = 8
barrier = threading.Barrier(N, action=lambda: rounds.append(len(log)))
log = []
rounds = []
indexes = []
lock = threading.Lock()

def worker(k):
    for r in range(5):
        lock.acquire()
        log.append((r, k))
        lock.release()
        i = barrier.wait()
        lock.acquire()
        indexes.append(i)
        lock.release()

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(rounds)
print(all(log[i][0] == i // N for i in range(len(log))))
print(sorted(indexes) == sorted(list(range(N)) * 5))
print(barrier.parties, barrier.n_waiting, barrier.broken)
b = threading.Barrier(2)
try:
    b.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("broken", b.broken)
