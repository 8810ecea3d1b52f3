# Rich comparisons: __eq__ __ne__ __lt__ __le__ __gt__ __ge__, reflection, NotImplemented,
# and sorting by __lt__.
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.v == other.v

    def __lt__(self, other):
        return self.v < other.v

    def __le__(self, other):
        return self.v <= other.v

    def __repr__(self):
        return f"V({self.v})"


a, b = V(1), V(2)
print(a == V(1), a != V(1), a == b, a != b, a == 1, a != 1)
print(a < b, a <= b, a > b, a >= b, b > a)
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5), V(2)]), min(V(4), V(0)))
print(V(1) in [V(0), V(1)], [V(2)].index(V(2)))


class Plain:
    pass


p = Plain()
print(p == p, p != p, p == Plain(), p != Plain())
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)
try:
    a < 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    a > "x"
except TypeError as e:
    print("TypeError:", e)
