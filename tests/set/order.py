# Sets print in CPython's order for ints, tuples and after deletions and growth.
print({5, 3, 1000, 2, 65, 8})
print(set(range(100, 0, -7)))
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
s.add(100)
s.add(33)
print(s)
print({(1, 2), (3, 4), (5, 6), (0, 0)})
s = set()
for x in [-1, -2, 2 ** 40, 7, 0, 1 << 62]:
    s.add(x)
print(s)
print(set([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 100, 200, 300]))
big = {i * 37 % 1000 for i in range(60)}
print(big)
