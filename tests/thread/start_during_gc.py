# Threads start while others allocate enough containers to make the cycle collector run over
# and over: a starting thread must not run bytecode while a collection has the world stopped.
import threading

shared = {}
stop = threading.Event()


def churn(k):
    n = 0
    while not stop.is_set():
        a = [n]
        b = [a, (k, n)]
        a.append(b)  # a cycle: only the collector frees it
        n += 1


def short(k):
    for i in range(200):
        shared[(k, i)] = [i]
    for i in range(0, 200, 2):
        del shared[(k, i)]


churners = [threading.Thread(target=churn, args=(k,)) for k in range(2)]
for t in churners:
    t.start()
for round_ in range(30):
    batch = [threading.Thread(target=short, args=(round_ * 4 + j,)) for j in range(4)]
    for t in batch:
        t.start()
    for t in batch:
        t.join()
stop.set()
for t in churners:
    t.join()
print(len(shared), sum(v[0] for v in shared.values()))
