# Stress: threads import a module at once and change its attributes, rebind and delete
# globals, use in-place operators on shared containers and raise exceptions.
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]]; prints ok. Run by scripts/stress.
import sys
import threading
import random

OFF = int(sys.argv[3]) if len(sys.argv) > 3 else 0
N = int(sys.argv[1]) if len(sys.argv) > 1 else 4
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
L = [1, 2, 3]
D = {"a": 1}
S = {1, 2}
start = threading.Barrier(N)
GV = 0


def thrower(x):
    if x % 3 == 0:
        raise KeyError(x)
    return x


def worker(seed):
    global GV
    random.seed(seed)
    start.wait()
    import _stress_module as modx
    for k in range(ROUNDS):
        op = random.randrange(26)
        x = random.randrange(50)
        try:
            if op == 0: L.__imul__(2) if len(L) < 64 else L.clear()
            elif op == 1: L.__iadd__([x])
            elif op == 2: D.__ior__({x: x})
            elif op == 3: S.__ixor__({x})
            elif op == 4: del L[::2]
            elif op == 5: L.sort(reverse=True)
            elif op == 6: [v for v in reversed(L)]
            elif op == 7: L.append(L) if x == 1 else repr(L)[:20]
            elif op == 8: D["self"] = D if x == 2 else repr(D)[:20]
            elif op == 9: modx.f(x)
            elif op == 10: setattr(modx, "VALUE", x)
            elif op == 11: globals()["GX%d" % (x % 5)] = k
            elif op == 12: del globals()["GX%d" % (x % 5)]
            elif op == 13: GV = GV + 1
            elif op == 14: thrower(x)
            elif op == 15: "{} {}".format(L[:3], D.get(x))
            elif op == 16: sorted(S)
            elif op == 17: L.insert(0, x) if len(L) < 100 else L.pop(0)
            elif op == 18: L[x:x + 2] = []
            elif op == 19: list(D.values())
            elif op == 20: D.update(a=k)
            elif op == 21: {**D}
            elif op == 22: [*L, *S]
            elif op == 23: max(S, default=0)
            elif op == 24: L.extend(range(3))
            elif op == 25: (lambda a, b=L: b[:1])(x)
        except (ValueError, KeyError, IndexError, AttributeError, RuntimeError, TypeError):
            pass


threads = [threading.Thread(target=worker, args=(i + OFF * 100,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("ok")
