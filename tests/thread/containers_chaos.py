# 4 threads run a seeded random mix of operations on one shared list, dict, set, instance,
# class, global and closure cell: sorting, slicing, insertion, deletion, iteration, copying,
# set algebra, tuple(), str.join, shuffle, comparisons. Each operation may fail with Python's
# errors (an item another thread removed), but the interpreter must not crash, and the
# containers stay consistent.
import random
import threading

L = list(range(50))
D = {i: str(i) for i in range(50)}
S = set(range(50))
G = 0
ROUNDS = 2500


class Box:
    shared = 0

    def m(self):
        return Box.shared


B = Box()


def make_counter():
    c = 0

    def bump():
        nonlocal c
        c += 1
        return c
    return bump


bump = make_counter()
start = threading.Barrier(4)


def step(op, x, k):
    global G
    if op == 0: L.append(x)
    elif op == 1: L.pop() if L else None
    elif op == 2: L.insert(x % (len(L) + 1), x)
    elif op == 3: L.remove(x)
    elif op == 4: L.sort(key=lambda v: v if isinstance(v, int) else -1)
    elif op == 5: L.reverse()
    elif op == 6: L[1:3] = [x, x, x]
    elif op == 7: L[::2] = L[::2]
    elif op == 8: x in L
    elif op == 9: L.extend(L[:5])
    elif op == 10: del L[:2]
    elif op == 11: L[x % max(len(L), 1)] = x
    elif op == 12: L.index(x)
    elif op == 13: tuple(L)
    elif op == 14: ",".join([str(v) for v in L[:20]])
    elif op == 15: random.shuffle(L)
    elif op == 16: random.choice(L)
    elif op == 17: list(reversed(L))
    elif op == 18: L == list(L)
    elif op == 19: L.clear() if len(L) > 300 else L.append(x)
    elif op == 20: D[x] = k
    elif op == 21: D.pop(x, None)
    elif op == 22: list(D.items())
    elif op == 23: D.update({x: 1, x + 1: 2})
    elif op == 24: [kk for kk in D]
    elif op == 25: del D[x]
    elif op == 26: D.copy()
    elif op == 27: D.keys() & S
    elif op == 28: dict([[x, x], [x + 1, L]])
    elif op == 29: D.clear() if len(D) > 300 else D.setdefault(x, x)
    elif op == 30: S.add(x)
    elif op == 31: S.discard(x)
    elif op == 32: [v for v in S]
    elif op == 33: S | {x}
    elif op == 34: S & {x, 1, 2}
    elif op == 35: S.difference_update({x, x + 1})
    elif op == 36: S == set(S)
    elif op == 37: S.pop() if len(S) > 10 else S.add(x)
    elif op == 38: setattr(B, "a%d" % (x % 8), k)
    elif op == 39: delattr(B, "a%d" % (x % 8))
    elif op == 40: Box.shared = k
    elif op == 41: B.m()
    elif op == 42: G = k
    elif op == 43: bump()


def worker(seed):
    rng = [(seed * 7919 + i * 104729) % 1000003 for i in range(ROUNDS)]
    start.wait()
    for k in range(ROUNDS):
        r = rng[k]
        try:
            step(r % 44, r // 44 % 100, k)
        except (ValueError, KeyError, IndexError, AttributeError, RuntimeError):
            pass


threads = [threading.Thread(target=worker, args=(i + 1,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(list(L)) == len(L), len(list(D)) == len(D), len(list(S)) == len(S), bump() > 0)
print(sorted(set(type(v).__name__ for v in L) | {"int"}))
