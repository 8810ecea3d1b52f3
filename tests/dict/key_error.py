# Missing keys raise KeyError carrying the key; e.args holds it.
d = {"a": 1, (1, 2): "t"}
print(d[(1, 2)])
try:
    d["b"]
except KeyError as e:
    print("KeyError", e, e.args)
try:
    del d["zz"]
except KeyError as e:
    print(repr(e))
try:
    d.pop(42)
except KeyError as e:
    print(e)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
print(d[("missing")])
