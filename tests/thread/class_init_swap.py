# Instances built while threads run use the class's construction plan (its __init__), which
# must follow a change of __init__ made by another thread between two phases.
import threading


class P:
    def __init__(self, x):
        self.x = x


warm = [P(i).x for i in range(5)]  # built while the program has one thread


def init2(self, x):
    self.x = -x


phase = threading.Barrier(4)
results = []


def worker(k):
    first = [P(k).x for _ in range(500)]
    phase.wait()  # main swaps __init__ here
    phase.wait()
    second = [P(k).x for _ in range(500)]
    results.append((k, set(first), set(second)))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(1, 4)]
for t in threads:
    t.start()
phase.wait()
P.__init__ = init2
phase.wait()
for t in threads:
    t.join()
print(warm)
print(sorted(results))
