from dataclasses import dataclass, field, fields, asdict, astuple


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=1))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 3))
print([f.name for f in fields(Point)], asdict(p), astuple(p))


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = 0


a = Inventory("a")
b = Inventory("b")
a.items.append(1)
print(a, b, a.items is b.items)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


print(Version(1, 2) < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]))


@dataclass(frozen=True)
class Frozen:
    v: int


f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print(type(e).__name__, e)
print(hash(f) == hash(Frozen(3)), f)


@dataclass
class Child(Point):
    z: int = 9


print(Child(1, 2, 3), Child(1))
try:
    Point()
except TypeError as e:
    print(e)
