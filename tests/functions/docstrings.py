# __doc__ of functions and methods: the first statement when it is a string literal.
def h(x):
    "doc"
    return x
def h2():
    """multi
    line"""
def h3(): pass
def h4():
    x = 1
    "not a docstring"
    return x
class C:
    """cdoc"""
    def m(self):
        """mdoc"""
print(h.__doc__, h3.__doc__, h4.__doc__, (lambda: 0).__doc__)
print(repr(h2.__doc__))
print(C.__doc__, C.m.__doc__, C().m.__doc__)
import functools
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper
@deco
def documented():
    """Says hello."""
    return 'hello'
print(documented.__name__, documented.__doc__, documented())
h3.__doc__ = 'assigned'
print(h3.__doc__)
