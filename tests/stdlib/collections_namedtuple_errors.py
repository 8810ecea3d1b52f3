# namedtuple: CPython's argument errors, keyword and rename checks, read-only fields.
from collections import namedtuple


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


P = namedtuple('P', 'x y')
Q = namedtuple('Q', 'a b c', defaults=[0])
check(lambda: P(1, x=2))
check(lambda: P._make([1]))
check(lambda: P._make([1, 2, 3]))
check(lambda: P._make(iter([1, 2])))
check(lambda: Q(1, 2, 3, 4))
check(lambda: Q(1))
check(lambda: Q())
check(lambda: P(1, 2, z=3))
check(lambda: P(1, 2, 3))
check(lambda: Q(1, 2))
check(lambda: Q._field_defaults)
check(lambda: P(1, 2)._replace(y=5))
check(lambda: P(1, 2)._replace(z=5))
check(lambda: P(1, 2)._asdict())
check(lambda: namedtuple('R', 'def x'))
check(lambda: namedtuple('class', 'x'))
check(lambda: namedtuple('R', 'x _y'))
check(lambda: namedtuple('R', 'x x'))
check(lambda: namedtuple('R', 'x 1y'))
check(lambda: namedtuple('R', 'x y', defaults=[1, 2, 3]))
check(lambda: namedtuple('R', ['a', 'def', '_c', 'a', '1x', 'ok'], rename=True)._fields)
check(lambda: namedtuple('R', 'a b', rename=True)(1, 2))
check(lambda: namedtuple('S', 'only')(5))
check(lambda: P.__new__.__qualname__)
check(lambda: P._make.__qualname__)
check(lambda: P.__doc__)
check(lambda: P.x.__doc__)
check(lambda: namedtuple('R', 'x, y', module='mymod'))
p = P(1, 2)
for stmt in ['p.x = 5', 'del p.y', 'p.z = 1']:
    try:
        exec_ = {'p.x = 5': lambda: setattr(p, 'x', 5), 'del p.y': lambda: delattr(p, 'y'), 'p.z = 1': lambda: setattr(p, 'z', 1)}[stmt]
        exec_()
    except AttributeError as e:
        print(stmt, '->', e)
print(p, p.x, p.y, p == (1, 2), p[1], len(p), tuple(p), P._fields, P.__match_args__)
x, y = p
print(x, y, hash(p) == hash((1, 2)), isinstance(p, tuple))


class T(tuple):
    @property
    def first(self):
        return self[0]

    @first.setter
    def first(self, v):
        print('setting first to', v)


t = T((1, 2))
t.first = 9
print(t.first)
