# Threads share one itertools.groupby and its current group: three threads step the group (its
# _grouper) while a fourth moves the groupby on to the next group, which ends the old one. The
# group and the groupby share one position in the underlying iterator, so every item comes out
# at most once, and a group yields only items of its own key.
import itertools
import threading

GROUPS, SIZE = 400, 200
data = [i // SIZE for i in range(GROUPS * SIZE)]
gb = itertools.groupby(data)
current = [None]
done = threading.Event()
start = threading.Barrier(4)
taken = [[] for _ in range(4)]
wrong = [0]


def stepper(k):
    start.wait()
    while not done.is_set():
        cur = current[0]
        if cur is None:
            continue
        key, group = cur
        for v in group:
            if v != key:
                wrong[0] += 1
            taken[k].append(v)


def mover(k):
    start.wait()
    for key, group in gb:
        current[0] = (key, group)
        for v in itertools.islice(group, 50):
            if v != key:
                wrong[0] += 1
            taken[k].append(v)
    done.set()


threads = [threading.Thread(target=stepper, args=(k,)) for k in range(3)]
threads.append(threading.Thread(target=mover, args=(3,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
everything = [v for vs in taken for v in vs]
counts = {}
for v in everything:
    counts[v] = counts.get(v, 0) + 1
print(wrong[0], len(everything) <= GROUPS * SIZE, max(counts.values()) <= SIZE, len(counts) == GROUPS)
