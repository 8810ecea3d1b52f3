def compose(f, g):
    return lambda x: f(g(x))


inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted([3, -1, 2], key=lambda v: -v))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(sum(x * x for x in range(10)))
