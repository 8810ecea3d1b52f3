# dict() from nothing, a mapping, pairs, keywords and both.
print(dict(), dict({1: 2}), dict([(1, 2), (3, 4)]), dict(a=1, b=2), dict([("a", 1)], b=2))
print(dict(zip("abc", range(3))), dict({"x": 1}, x=2))
print({k: k * k for k in range(5)}, {**{"a": 1}, "b": 2, **{"a": 3}})
for bad in [[1], [(1, 2, 3)], 5]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    dict({}, {})
except TypeError as e:
    print(e)
