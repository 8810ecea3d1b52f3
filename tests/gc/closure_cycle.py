# A nested function that refers to itself through its closure cell: function, closure tuple
# and cell form a cycle.
import gc


def make():
    def f(n):
        return 1 if n == 0 else n * f(n - 1)
    return f


gc.collect()
g = make()
print(g(5))
del g
print(gc.collect())
fs = [make() for _ in range(10)]
del fs
print(gc.collect())
