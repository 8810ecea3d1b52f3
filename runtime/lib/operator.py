"""operator: the standard operators as functions (a subset, written in Python)."""


def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def truediv(a, b): return a / b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def pow(a, b): return a ** b
def neg(a): return -a
def pos(a): return +a
def abs(a): return a if a >= 0 else -a
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def lshift(a, b): return a << b
def rshift(a, b): return a >> b
def invert(a): return ~a
def not_(a): return not a
def truth(a): return bool(a)
def eq(a, b): return a == b
def ne(a, b): return a != b
def lt(a, b): return a < b
def le(a, b): return a <= b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def contains(a, b): return b in a
def getitem(a, b): return a[b]
def concat(a, b): return a + b


def itemgetter(*items):
    if len(items) == 1:
        item = items[0]

        def g(obj):
            return obj[item]
    else:
        def g(obj):
            return tuple([obj[i] for i in items])
    return g


def attrgetter(*attrs):
    def resolve(obj, attr):
        for name in attr.split('.'):
            obj = getattr(obj, name)
        return obj
    if len(attrs) == 1:
        attr = attrs[0]

        def g(obj):
            return resolve(obj, attr)
    else:
        def g(obj):
            return tuple([resolve(obj, a) for a in attrs])
    return g


def methodcaller(name, /, *args, **kwargs):
    def caller(obj):
        return getattr(obj, name)(*args, **kwargs)
    return caller
