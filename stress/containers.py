# Stress: 4 threads run a seeded random mix of operations on one shared list, dict, set,
# instance, class, global and closure cell (slicing, sorting, set algebra, views, shuffle...).
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]] (stress/_harness.py); run by scripts/stress.
import _harness
import random

L = list(range(50))
D = {i: str(i) for i in range(50)}
S = set(range(50))
G = 0


class Box:
    shared = 0

    def m(self):
        return Box.shared


B = Box()


def make_cell():
    c = 0

    def bump():
        nonlocal c
        c += 1
        return c
    return bump


bump = make_cell()


def step(op, x, k):
    global G
    if op == 0: L[::2] = L[::2]
    elif op == 1: L.pop(0) if L else None
    elif op == 2: L.__iadd__([x])
    elif op == 3: L == list(L)
    elif op == 4: min(L), max(L)
    elif op == 5: tuple(L)
    elif op == 6: del L[x % max(len(L), 1)]
    elif op == 7: random.shuffle(L)
    elif op == 8: random.choice(L)
    elif op == 9: [v for v in enumerate(L)]
    elif op == 10: list(zip(L, L))
    elif op == 11: any(v == x for v in L)
    elif op == 12: sorted(D)
    elif op == 13: D.popitem()
    elif op == 14: dict(D)
    elif op == 15: [v for v in D.values()]
    elif op == 16: x in D.keys()
    elif op == 17: D.keys() & S
    elif op == 18: D[x] = L
    elif op == 19: D[x] = [x]
    elif op == 20: S.update({x, x + 1})
    elif op == 21: S & {x, 1, 2}
    elif op == 22: S.difference_update({x})
    elif op == 23: frozenset(S)
    elif op == 24: S == set(S)
    elif op == 25: S.remove(x)
    elif op == 26: Box.shared = k
    elif op == 27: B.m()
    elif op == 28: setattr(Box, "c%d" % (x % 4), k)
    elif op == 29: getattr(B, "c%d" % (x % 4), None)
    elif op == 30: G = k
    elif op == 31: G + 1
    elif op == 32: bump()
    elif op == 33: ",".join(str(v) for v in L[:20])
    elif op == 34: L.sort(key=lambda v: -v if isinstance(v, int) else 0)
    elif op == 35: L.clear() if len(L) > 300 else L.append(x)
    elif op == 36: D.clear() if len(D) > 300 else D.setdefault(x, x)
    elif op == 37: [w for w in vars(B)]
    elif op == 38: B.__dict__.get("z")
    elif op == 39: setattr(B, "z", L)
    elif op == 40: repr(D)[:5]
    elif op == 41: L.insert(0, D)
    elif op == 42: hash(frozenset(S))
    elif op == 43: list(reversed(D)) if hasattr(D, "__reversed__") else None


_harness.run(step, 44, 100)
