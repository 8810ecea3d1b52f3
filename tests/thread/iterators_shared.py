# Threads share one generator, one itertools.count and one itertools.cycle. A generator runs
# in one thread at a time: a thread that finds it running gets "ValueError: generator already
# executing" and the generator does not advance, so each value still comes out once. count and
# cycle hand out each value once too.
import itertools
import threading

N = 20000
gen = (i for i in range(N))
counter = itertools.count()
cyc = itertools.cycle(range(4))
start = threading.Barrier(4)
from_gen = [[] for _ in range(4)]
from_count = [[] for _ in range(4)]
cycle_counts = [[0] * 4 for _ in range(4)]


def worker(k):
    start.wait()
    while True:
        try:
            from_gen[k].append(next(gen))
        except ValueError as e:
            if str(e) != "generator already executing":
                raise
        except StopIteration:
            break
    for _ in range(5000):
        from_count[k].append(next(counter))
        cycle_counts[k][next(cyc)] += 1


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(x for xs in from_gen for x in xs) == list(range(N)))
print(sorted(x for xs in from_count for x in xs) == list(range(20000)), next(counter))
print([sum(c[v] for c in cycle_counts) for v in range(4)])
