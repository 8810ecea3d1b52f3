# Iterating lists: for loops, iter/next, reversed, membership, unpacking.
l = [10, 20, 30]
for x in l:
    print(x)
it = iter(l)
print(next(it), next(it), next(it), next(it, "done"))
print(list(reversed(l)), 20 in l, 25 in l, 25 not in l)
a, b, c = l
print(a + b + c)
m = [1, 2, 3]
for x in m:
    if x < 3:
        m.append(x * 10)
print(m)
print(list("abc"), list((1, 2)), list(range(3)), list({"k": 1}), list())
