# frozenset: repr, hashing (as dict keys and set members), equality with sets.
f = frozenset([3, 1, 2])
print(f, frozenset(), repr(frozenset("a")))
print(hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset({1, 2, 3})))
d = {f: "x"}
print(d[frozenset({1, 2, 3})], f == {1, 2, 3}, {f, frozenset([1, 2, 3])})
print(frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})})
print(frozenset(f) is f, f.union([9]), f.copy() is f)
try:
    hash({1})
except TypeError as e:
    print(e)
