# Stress: threads share a deque, Counter, defaultdict, OrderedDict, itertools iterators, a
# generator, a list iterator, a dataclass instance and an lru_cache.
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]] (stress/_harness.py); run by scripts/stress.
import _harness
import itertools
import functools
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple
from dataclasses import dataclass

DQ = deque(range(20))
CT = Counter("abcabc")
DD = defaultdict(list)
OD = OrderedDict((i, i) for i in range(20))
P = namedtuple("P", "x y")
CNT = itertools.count()
CYC = itertools.cycle([1, 2, 3])
L = list(range(100))
LI = iter(L)
GEN = (i * i for i in range(10**9))
DI = iter(dict.fromkeys(range(1000)))


@dataclass
class DC:
    a: int = 0
    b: list = None


dc = DC(1, [])


@functools.lru_cache(maxsize=32)
def cached(x):
    return x * 2


def genf():
    for i in range(10**9):
        yield i


G2 = genf()
part = functools.partial(max, 5)


def step(op, x, k):
    if op == 0: DQ.append(x)
    elif op == 1: DQ.popleft()
    elif op == 2: DQ.appendleft(x)
    elif op == 3: DQ.pop()
    elif op == 4: list(DQ)
    elif op == 5: DQ.rotate(x % 5)
    elif op == 6: CT[x % 10] += 1
    elif op == 7: CT.most_common(3)
    elif op == 8: DD[x % 10].append(k)
    elif op == 9: list(DD.items())
    elif op == 10: OD.move_to_end(x % 20) if x % 20 in OD else OD.setdefault(x % 20, x)
    elif op == 11: OD.popitem(last=False) if len(OD) > 10 else OD.setdefault(x, x)
    elif op == 12: list(OD)
    elif op == 13: P(x, k)._replace(x=1)
    elif op == 14: next(CNT)
    elif op == 15: next(CYC)
    elif op == 16: next(LI)
    elif op == 17: next(GEN)
    elif op == 18: next(DI)
    elif op == 19: dc.a += 1
    elif op == 20: dc.b = [x]
    elif op == 21: repr(dc)
    elif op == 22: cached(x % 50)
    elif op == 23: cached.cache_info()
    elif op == 24: next(G2)
    elif op == 25: part(x)
    elif op == 26: list(itertools.islice(CNT, 3))
    elif op == 27: sum(itertools.chain(L[:5], DQ))
    elif op == 28: list(zip(L, DQ))
    elif op == 29: "%d %s" % (x, DQ)
    elif op == 30: f"{x:>5} {CT!r:.10}"
    elif op == 31: DQ.extend(L[:3]) if len(DQ) < 200 else DQ.clear()
    elif op == 32: x in DQ
    elif op == 33: len(DD), len(OD), len(CT)
    elif op == 34: sorted(CT.elements())[:3]
    elif op == 35: cached.cache_clear() if x == 0 else None


_harness.run(step, 36, 100)
