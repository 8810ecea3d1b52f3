# repr of dicts (nested, recursive), equality, |, |= and truthiness.
d = {"s": "x", 1: 2.5, None: [1, {}], (1,): True}
print(d, str({}), bool({}), bool(d))
r = {}
r["self"] = r
print(r)
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 3}, {1: 2} != {1: 2}, {} == [], {1: 1} == {1: 1.0})
a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(a | b, b | a)
a |= b
a |= [("w", 0)]
print(a)
try:
    a < b
except TypeError as e:
    print(e)
