from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(calls, sq.cache_info())
print(sq.cache_info().hits, sq.cache_info().misses, sq.cache_info().maxsize, sq.cache_info().currsize)
sq.cache_clear()
print(sq.cache_info())
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info())
@lru_cache
def ident(x):
    return x
print(ident(1), ident(1), ident.cache_info())
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(30))
