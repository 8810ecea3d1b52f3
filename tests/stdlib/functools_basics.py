from functools import reduce, partial, wraps, lru_cache
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)
base2 = partial(int, base=2)
print(base2("1010"), base2("11", base=10))
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3, d=7), p.func is f, p.args, p.keywords)
pp = partial(p, 9)
print(pp(), pp.args)
def trace(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@trace
def greet(name):
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__wrapped__.__name__, greet.__qualname__)
