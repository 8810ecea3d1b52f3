# for loops over ranges: counting, nested, negative steps, big bounds, unpacking.
total = 0
for i in range(100000):
    total += i
print(total)
acc = []
for i in range(3):
    for j in range(i, 3):
        acc.append((i, j))
print(acc)
print([i for i in range(10, 0, -3)], list(range(2 ** 60, 2 ** 60 + 3)))
a, b, c = range(3)
print(a, b, c, sum(range(-10, 11)), max(range(7)))
it = iter(range(2))
print(next(it), next(it), next(it, "end"))
