# flags: --ast
@decorator
@other(arg=1)
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> int:
    nonlocal_name = lambda x, *y, z=1, **w: (x, y)
    return a

def g(*, k):
    yield k
    yield from range(k)
    x = yield

class C(Base, metaclass=Meta):
    attr: int = 0

    def method(self):
        return super().method()

f(1, *args, key=2, **kw)
