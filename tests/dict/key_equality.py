# Keys that are equal without being identical: dict and set lookups must find them, and
# must call a user __eq__ exactly when CPython does.
d = {}
d[(1, 2)] = "a"
d[(1, 2.0)] = "b"              # the same key: 2 == 2.0
d[(1, (2, "x"))] = "c"
d[(1, (2, "x" + ""))] = "d"    # a nested tuple with an equal, not identical, str
d[-1] = "minus one"
d[-2] = "minus two"            # hash(-1) == hash(-2): same slot chain, different keys
d[(-1,)] = "t1"
d[(-2,)] = "t2"
d[0.0] = "zero"
d[-0.0] = "negative zero"      # equal to 0.0
d[1] = "one"
d[True] = "true"               # True == 1
d[1.0] = "one float"
d["1"] = "str one"
d[(1,)] = "tuple one"
d[(True,)] = "tuple true"
d[((1, 2), 3)] = "deep"
print(len(d))
for k, v in d.items():
    print(repr(k), v)
print(d[(1.0, 2)], d[(1, (2, "".join(["x"])))], d[-0.0], d[(1.0,)], d[((1.0, 2), 3)])
print((1, 2, 3) in d, (1,) in d, (1, 2) in d, ("1",) in d)


class Loud:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        print("eq", self.n, other.n if isinstance(other, Loud) else other)
        return isinstance(other, Loud) and self.n == other.n


a, b = Loud(5), Loud(5)
d2 = {(1, a): "first"}
d2[(1, b)] = "second"          # calls __eq__ once: the tuples' first items are identical
print(list(d2.values()), [k[1].n for k in d2])
print((2, a) in d2)            # different hash: no call
d2[(1, Loud(6))] = "third"
print(len(d2))

s = {(1, 2), (1, (2, 3)), "x", 2.5, -1}
print((1.0, 2) in s, (1, (2.0, 3)) in s, "".join(["x"]) in s, 2.5 in s, -2 in s, -1 in s)
s.add((1, 2.0))
s.add(-2)
print(len(s), sorted(map(repr, s)))
s2 = {(3, a)}
print((3, b) in s2)
print((3, Loud(7)) in s2)
