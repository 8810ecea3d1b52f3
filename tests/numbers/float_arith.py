# float arithmetic mixed with ints, Python's % and // signs, and ** rules.
print(1 + 0.5, 0.5 + 1, 3 * 1.5, 2 ** 0.5, 2.0 ** 10, 10 - 0.25, 7.0 / 2)
print(-7 % 2.0, 7 % -2.0, 7.5 // -2, -7.5 // 2, -0.0 % 5, 0.0 % -5, divmod(7, -2.0), divmod(-7.5, 2))
print((-2.0) ** 3, (-8.0) ** 2, 1.0 ** float("inf"), 0.5 ** float("inf"), float("inf") ** -1)
print(2 ** 100 + 0.5, 2 ** 100 * 1.0, -(1.5), +(-1.5), abs(-2.5))
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(e)
try:
    print(1e308 + 10 ** 400)
except OverflowError as e:
    print(e)
x = 1.0
x += 1
x *= 3
x /= 4
print(x)
