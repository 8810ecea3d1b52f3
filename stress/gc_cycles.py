# Stress: threads build reference cycles and run the cycle collector while others mutate
# shared containers and abandon generators with finally blocks.
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]] (stress/_harness.py); run by scripts/stress.
import _harness
import gc

L = []
D = {}


class Node:
    def __init__(self, v):
        self.v = v
        self.next = self

    def __del__(self):
        pass


def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        L.append(-1) if len(L) < 100 else None


def step(op, x, k):
    if op == 0: gc.collect() if x == 0 else None
    elif op == 1: L.append(Node(x)) if len(L) < 100 else L.clear()
    elif op == 2: D[x] = Node(x)
    elif op == 3: D.pop(x, None)
    elif op == 4: a = Node(x); b = Node(x); a.next = b; b.next = a
    elif op == 5: g = gen(5); next(g); del g
    elif op == 6: sum(gen(x))
    elif op == 7: [n.v for n in L if isinstance(n, Node)]
    elif op == 8: {k2: v for k2, v in D.items()}
    elif op == 9: raise ValueError("x" * x)
    elif op == 10: sorted(D, key=lambda q: -q)
    elif op == 11: list(map(str, L[:10]))
    elif op == 12: D.setdefault(x, []).append(L)
    elif op == 13: L.extend(D.values()) if len(L) < 100 else None
    elif op == 14: str(L)[:50]
    elif op == 15: gc.collect() if x == 1 else None


_harness.run(step, 16, 50)
