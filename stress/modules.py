# Stress: threads import a module at once and change its attributes, rebind and delete
# globals, use in-place operators on shared containers and raise exceptions.
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]] (stress/_harness.py); run by scripts/stress.
import _harness

L = [1, 2, 3]
D = {"a": 1}
S = {1, 2}
GV = 0


def thrower(x):
    if x % 3 == 0:
        raise KeyError(x)
    return x


def step(op, x, k):
    global GV
    import _stress_module as modx
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


_harness.run(step, 26, 50)
