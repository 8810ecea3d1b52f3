# The set operators | & - ^, in place forms, and comparisons.
a = {1, 2, 3}
b = {3, 4, 100}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > a, a == {3, 2, 1}, a != b, a == [1, 2, 3])
x = set(a)
x |= {10}
x &= {1, 2, 10}
x -= {1}
x ^= {2, 5}
print(x)
f = frozenset([1, 2])
print(f | {3}, {3} | f, f & {1}, type(f - {1}).__name__, type({1} - f).__name__)
try:
    a | [1]
except TypeError as e:
    print(e)
try:
    a < [1]
except TypeError as e:
    print(e)
