s = {(1, 2), (3, 4), (5, 6), (0, 0), (2, 1), (10, -1), (7,), ()}
print(s)
print({(i, i * i) for i in range(12)})
print(sorted(s))
