# A class with __init__, methods, class attributes and instance attributes.
class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, dx, dy=0):
        self.x += dx
        self.y += dy
        return self


p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims)
p.move(1).move(1, 2)
print(p.x, p.y)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(Point, type(p), type(p) is Point, p.__class__ is Point)
print(repr(p).startswith("<__main__.Point object at 0x"))
p.dims = 3
print(p.dims, Point.dims, sorted(p.__dict__.items()))
Point.dims = 5
q = Point(0, 0)
print(q.dims, p.dims)
del p.dims
print(p.dims)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(Point.norm2(q))
