for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate(["x", "y"], 1):
    print(i, c)
print(list(enumerate([10, 20, 30], start=-1)))
print(list(enumerate([], 5)))
print(list(enumerate(range(3), start=2 ** 62)))
e = enumerate("hi")
print(next(e))
print(next(e))
print(next(e, "done"))
kept = []
for pair in enumerate("ab"):
    kept.append(pair)
print(kept)
print(type(enumerate([])).__name__)
print(repr(enumerate([])).startswith("<enumerate object at 0x"))
