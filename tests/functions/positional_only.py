# Parameters before `/` are bound only by position: a keyword of the same name goes to
# **kwargs, or is an error naming every such keyword.
def f(a, b, /, c, **kw):
    return a, b, c, kw
print(f(1, 2, 3))
print(f(1, 2, c=3, a=9, b=8))
def g(a, /, b=2):
    return a, b
print(g(1, b=5))
for call in (lambda: g(a=1), lambda: g(a=1, b=2), lambda: f(1, b=2, c=3), lambda: (lambda x, y, /: x)(x=1, y=2), lambda: g()):
    try:
        call()
    except TypeError as e:
        print(e)
h = lambda x, /, y=1: (x, y)
print(h(3), h(3, y=4))
class C:
    def m(self, x, /, **kw):
        return x, kw
print(C().m(1, x=2))
try:
    C().m(x=2)
except TypeError as e:
    print(e)
def k(a, /, *, b):
    return a, b
print(k(1, b=2))
try:
    k(1, 2)
except TypeError as e:
    print(e)
try:
    g(1, 2, 3)
except TypeError as e:
    print(e)
print(f.__code__.co_posonlyargcount, g.__code__.co_posonlyargcount, k.__code__.co_argcount)

# The library's own positional-only parameters: the name is free for **kwargs.
import collections
print(collections.Counter(iterable=3, other=1))
c = collections.Counter("ab")
c.update(iterable=2)
print(c)
from concurrent.futures import ThreadPoolExecutor


def names(**kw):
    return sorted(kw)


with ThreadPoolExecutor(2) as ex:
    print(ex.submit(names, fn=1, self=2).result())
