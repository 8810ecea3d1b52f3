# True division of ints gives correctly rounded floats, big operands included.
print(7 / 2, -7 / 2, 1 / 3, 2 / 3, 10 / 5, 0 / -5)
print(2 ** 1100 / 3 ** 600, 10 ** 400 / 10 ** 399, (2 ** 53 + 1) / 1)
print(1 / 2 ** 1000, 3 ** 50 / 7)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(e)
