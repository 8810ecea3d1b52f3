# functools: reduce's and partial's CPython errors, read-only partial attributes, CacheInfo
# as a namedtuple.
import functools
from functools import partial, reduce, lru_cache


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


check(lambda: reduce(lambda a, b: a + b, 5))
check(lambda: reduce(lambda a, b: a + b, 5, 0))
check(lambda: reduce(lambda a, b: a + b, []))
check(lambda: reduce(lambda a, b: a + b, [], 7))
check(lambda: reduce(lambda a, b: a + b, [1, 2, 3]))
check(lambda: reduce(lambda a, b: a + b))
check(lambda: reduce())
check(lambda: reduce(lambda a, b: a + b, [1], 2, 3))
check(lambda: reduce(lambda a, b: a + b, [1], initial=3))
check(lambda: partial())
check(lambda: partial(5))
check(lambda: partial(func=print))
check(lambda: partial(print, 1, sep='-'))
p = partial(print, 1, sep='-')
p(2, 3)
for attr in ['func', 'args', 'keywords']:
    try:
        setattr(p, attr, None)
    except AttributeError as e:
        print(attr, '->', e)
p.extra = 5
print(p.extra, p.func is print, p.args, p.keywords)
q = partial(p, 4, end='!\n')
print(q.func is print, q.args, q.keywords)
q(5)


@lru_cache(maxsize=2)
def sq(x):
    return x * x


sq(1); sq(1); sq(2)
info = sq.cache_info()
print(info, type(info).__name__, info._fields, info.hits, info[1], info._asdict())
print(isinstance(info, tuple), info == (1, 2, 2, 2))
print(type(functools.lru_cache(lambda: 1).cache_info()).__name__)
