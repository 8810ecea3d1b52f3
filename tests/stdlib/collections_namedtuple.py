from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p))
q = Point(x=3, y=4)
print(q, p + q, p == (1, 2), isinstance(p, tuple))
x, y = q
print(x, y, q._asdict(), q._replace(y=9), Point._fields, Point._make([5, 6]))
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(1, 2), Color(1, 2, 3))
print(hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
try:
    Point(1)
except TypeError as e:
    print(e)
