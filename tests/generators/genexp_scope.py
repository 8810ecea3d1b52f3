def f(n):
    return list(i * n for i in range(3) if i != 1)


print(f(10))
gens = [(lambda k: (k * j for j in range(2)))(k) for k in range(3)]
print([list(g) for g in gens])
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc"]))
print(dict((k, v) for k, v in zip("ab", [1, 2])))
print(tuple(c.upper() for c in "hi"))
