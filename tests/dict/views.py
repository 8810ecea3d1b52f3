# keys(), values() and items() views: repr, len, membership, live updates, set operations.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(it))
d["c"] = 3
print(k, "c" in k, 3 in v, ("a", 1) in it, ("a", 2) in it)
for key, value in d.items():
    print(key, value)
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(k == {"a", "b", "c"}, it == {("a", 1), ("b", 2), ("c", 3)}, {}.keys())
print(list(reversed(d)), sorted(d.values(), reverse=True))
