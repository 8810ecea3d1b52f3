# Threads share one range iterator (and one over a range with big bounds) and take items
# with next(): every item comes out exactly once.
import threading

N = 20000
small = iter(range(N))
big = iter(range(10**20, 10**20 + N))
start = threading.Barrier(4)
got = [[] for _ in range(4)]


def worker(k):
    start.wait()
    for it in (small, big):
        while True:
            try:
                got[k].append(next(it))
            except StopIteration:
                break


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
values = sorted(v for vs in got for v in vs)
print(len(values), values == list(range(N)) + list(range(10**20, 10**20 + N)))
