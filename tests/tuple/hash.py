print(hash(()))
print(hash((1, 2)))
print(hash((1,)))
print(hash((-1,)))
print(hash(((1, 2), 3)))
print(hash((1, 2)) == hash((1, 2)))
print(hash((True, 0)) == hash((1, False)))
d = {(1, 2): "a", (3,): "b"}
print(d[(1, 2)], d[(3,)])
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
