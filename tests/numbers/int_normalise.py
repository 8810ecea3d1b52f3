# Ints crossing the small-int boundary in both directions keep exact values.
a = 2 ** 49 - 1
b = a + 1
print(a, b, b - 1, -b, -b - 1, (-b - 1) + 1)
print(a * a, a * a // a == a, (a * a) % a)
c = 2 ** 49
print(c == b, c - b, type(c - b) is int)
n = 1
for i in range(70):
    n = n * 2
print(n, n >> 69, n >> 70, n // n)
