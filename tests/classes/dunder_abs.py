# abs() calls a class's __abs__ (looked up on the type); without one it is a TypeError.
import math


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __abs__(self):
        return math.hypot(self.x, self.y)


class Plain:
    pass


print(abs(Vec(3, 4)), abs(-2), abs(-2.5), abs(-2 ** 70), abs(True))
print(min([Vec(6, 8), Vec(3, 4)], key=abs).x)
v = Vec(1, 1)
v.__abs__ = lambda: "instance attribute is not used"
print(abs(v))
try:
    abs(Plain())
except TypeError as e:
    print(e)
try:
    abs("x")
except TypeError as e:
    print(e)
