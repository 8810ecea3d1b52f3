# Arithmetic dunders: __add__ __sub__ __mul__ __truediv__ __floordiv__ __mod__ __pow__ __neg__,
# the reflected forms, in-place forms and NotImplemented.
class Money:
    def __init__(self, c):
        self.c = c

    def __repr__(self):
        return f"Money({self.c})"

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.c + other.c)
        if isinstance(other, int):
            return Money(self.c + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        return Money(self.c - other.c)

    def __mul__(self, k):
        return Money(self.c * k)

    def __rmul__(self, k):
        return Money(self.c * k)

    def __truediv__(self, k):
        return Money(self.c / k)

    def __floordiv__(self, k):
        return Money(self.c // k)

    def __mod__(self, k):
        return Money(self.c % k)

    def __pow__(self, k):
        return Money(self.c ** k)

    def __neg__(self):
        return Money(-self.c)

    def __pos__(self):
        return self

    def __abs__(self):
        return Money(abs(self.c))


m = Money(10)
print(m + Money(5), m + 1, 1 + m, m - Money(3), m * 3, 3 * m, m / 4, m // 3, m % 3, m ** 2, -m, +m)
print(sum([Money(1), Money(2)], Money(0)), sum([Money(1), Money(2)]))
x = Money(1)
x += Money(2)
x *= 2
print(x)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, v):
        self.items.append(v)
        return self


a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
try:
    m + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - m
except AttributeError as e:
    print("AttributeError:", e)
except TypeError as e:
    print("TypeError:", e)
try:
    ~m
except TypeError as e:
    print("TypeError:", e)
