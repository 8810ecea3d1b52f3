# The dict methods: get, keys, values, items, pop, popitem, setdefault, update, copy, clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", "dflt"), d)
d.update({"c": 3}, d2=4)
d.update([("e", 5), ["f", 6]])
d.update(g=7)
print(d)
print(d.setdefault("b", 100), d.setdefault("h"), d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["x"] = 1
d.clear()
print(d, c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys((5,), "v"))
