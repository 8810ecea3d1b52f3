# List concatenation, repetition (either order), += with any iterable, *= in place.
a = [1, 2]
b = a
print(a + [3], a * 2, 3 * a, a * 0, a * -1)
a += (3, 4)
a += range(5, 6)
print(a, b is a)
a *= 2
print(b)
print([[0]] * 2, [] * 5)
try:
    a + (1,)
except TypeError as e:
    print(e)
try:
    a * 1.5
except TypeError as e:
    print(e)
try:
    a * a
except TypeError as e:
    print(e)
x = [1]
x += "ab"
print(x)
