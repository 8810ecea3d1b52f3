# Parameters before "/" are positional-only: named in a call they are an error, or go to **kwargs.
def allargs(a, /, b, *args, c, **kw): return a, b, args, c, kw
print(allargs(1, 2, 3, 4, c=5, d=6), allargs(1, b=2, c=3))
try:
    print(allargs(a=1, b=2, c=3))
except TypeError as e:
    print(e)
def g(a, b, /, c): return a, b, c
for call in (lambda: g(a=1, b=2, c=3), lambda: g(1, b=2, c=3), lambda: g(1, 2, c=3, d=4), lambda: g(1, c=3, a=4), lambda: g(1, 2, 3, 4), lambda: g(1)):
    try:
        print(call())
    except TypeError as e:
        print(e)
def h(a, /, **kw): return a, kw
print(h(1, a=2), g(1, 2, c=3), g(1, 2, 3))
def d(a, b=2, /, c=3): return a, b, c
print(d(1), d(1, 5), d(1, c=9), d.__code__.co_posonlyargcount)
class P:
    def m(self, x, /, y): return x, y
print(P().m(1, y=2))
print((lambda a, /, b: a + b)(1, b=2))
