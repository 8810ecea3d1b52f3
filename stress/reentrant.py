# Stress: keys whose __eq__ mutates other shared containers (lock-order inversions between
# a dict and a list), heapq and bisect on shared lists, classes created from threads.
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]] (stress/_harness.py); run by scripts/stress.
import _harness
import sys
import random
import functools
import heapq
import bisect
import math

L = list(range(30))
SL = list(range(0, 100, 3))
D = {}
S = set()
G = {}


@functools.lru_cache(maxsize=16)
def f(x):
    return [x] * 3


class K:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        if random.random() < 0.1:
            L.append(1)
            D[len(D)] = 1
        return isinstance(o, K) and o.v == self.v

    def __hash__(self):
        return hash(self.v)

    def __lt__(self, o):
        return self.v < o.v


def step(op, x, k):
    global G
    if op == 0: f(x % 20)
    elif op == 1: f.cache_clear() if x == 0 else f.cache_info()
    elif op == 2: print(end="") 
    elif op == 3: sys.stdout.write("")
    elif op == 4: D[K(x)] = k
    elif op == 5: K(x) in D
    elif op == 6: D.pop(K(x), None)
    elif op == 7: S.add(K(x))
    elif op == 8: K(x) in S
    elif op == 9: S.discard(K(x))
    elif op == 10: L.index(K(x))
    elif op == 11: L.count(x)
    elif op == 12: L.append(K(x)) if len(L) < 200 else L.clear()
    elif op == 13: sorted(v for v in L if isinstance(v, int))
    elif op == 14: bisect.insort(SL, x) if len(SL) < 200 else SL.clear()
    elif op == 15: bisect.bisect(SL, x)
    elif op == 16: heapq.heappush(SL, x)
    elif op == 17: heapq.heappop(SL) if SL else None
    elif op == 18: type("C%d" % x, (K,), {"z": x})(x)
    elif op == 19: exec_like = globals().get("G")
    elif op == 20: G = {x: k}
    elif op == 21: G.get(x)
    elif op == 22: [v for v in D]
    elif op == 23: [v for v in S]
    elif op == 24: math.fsum([1.0, x])
    elif op == 25: str(x) * 3 + "".join(map(str, L[:5]))
    elif op == 26: D.clear() if len(D) > 100 else None
    elif op == 27: S.clear() if len(S) > 100 else None
    elif op == 28: L.remove(K(x))
    elif op == 29: L == [K(x)]
    elif op == 30: max(L, key=lambda v: v.v if isinstance(v, K) else v)
    elif op == 31: raise ZeroDivisionError(x)


_harness.run(step, 32, 60)
