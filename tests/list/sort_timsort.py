# list.sort and sorted() follow CPython's timsort step for step (runs, binary insertion,
# powersort merge order, galloping): __lt__ sees the same pairs in the same order, a
# comparison that raises leaves the list in the same partly sorted state, and floats with
# NaN (no consistent order) come out in the same order.
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


class K:
    log = []
    limit = -1

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        K.log.append((self.v, other.v))
        if len(K.log) == K.limit:
            raise ValueError("stop")
        return self.v < other.v


def digest(xs):
    h = 0
    for x in xs:
        h = (h * 1000003 + hash(x)) % 4294967296
    return h


def make(kind, n):
    if kind == 0:
        return [rand(n + 1) for _ in range(n)]
    if kind == 1:
        return [rand(6) for _ in range(n)]
    if kind == 2:  # nearly sorted
        xs = list(range(n))
        for _ in range(n // 20 + 1):
            i, j = rand(n), rand(n)
            xs[i], xs[j] = xs[j], xs[i]
        return xs
    if kind == 3:  # ascending and descending runs of random lengths
        xs = []
        while len(xs) < n:
            run = sorted(rand(1000) for _ in range(1 + rand(150)))
            if rand(2):
                run.reverse()
            xs.extend(run)
        return xs[:n]
    return list(range(n, 0, -1))


for n in [2, 5, 63, 64, 65, 130, 257, 600]:
    for kind in range(5):
        for rev in (False, True):
            xs = make(kind, n)
            ks = [K(v) for v in xs]
            K.log = []
            K.limit = -1
            ks.sort(reverse=rev)
            assert [k.v for k in ks] == sorted(xs, reverse=rev)
            pairs = [a * 1000 + b for a, b in K.log]
            print(n, kind, rev, "comparisons", len(K.log), digest(pairs))
            if len(K.log) > 3:
                K.limit = 1 + rand(len(K.log))
                ks = [K(v) for v in xs]
                K.log = []
                try:
                    ks.sort(reverse=rev)
                except ValueError:
                    pass
                print("  stopped at", K.limit, "left", digest(k.v for k in ks))
            K.log = []
            K.limit = -1
            r = sorted(xs, key=K, reverse=rev)
            print("  key comparisons", len(K.log))

a = [3, 1, 2, None, 0]
try:
    a.sort()
except TypeError as e:
    print(e)
print(a)

nan = float("nan")
for trial in range(8):
    xs = []
    for _ in range(rand(150)):
        c = rand(3)
        xs.append(nan if c == 0 else rand(1000) / 7 if c == 1 else float(rand(10)))
    print(" ".join(repr(x) for x in sorted(xs)))
    print(" ".join(repr(x) for x in sorted(xs, reverse=True)))
