# Subclasses of str, tuple and set: inherited behaviour, added methods, equality and hashing
# with the base type, and operations returning the base type.
class Up(str):
    def shout(self):
        return self.upper() + "!"


u = Up("hi")
print(u, repr(u), u.shout(), len(u), u + "x", isinstance(u, str), type(u).__name__)
print(u == "hi", {u: 1}["hi"], f"{u}", "%s" % u, str(u), type(str(u)).__name__, u[0])


class Pair(tuple):
    def total(self):
        return sum(self)


p = Pair([1, 2, 3])
print(p, p.total(), len(p), p[1], type(p).__name__, p == (1, 2, 3), hash(p) == hash((1, 2, 3)))
a, b, c = p
print(a, b, c, type(p + (4,)).__name__)


class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)


t = Tags([1, 2, 2])
t.add_all(3, 1)
print(sorted(t), len(t), type(t).__name__, 3 in t)
