# hash() of ints, floats and bools equals CPython's values.
for v in [0, 1, -1, -2, 12345, 2 ** 61 - 1, 2 ** 61, 2 ** 100, -(2 ** 100), 10 ** 30, True, False,
          1.0, 1.5, -1.5, 0.1, 1e300, 1e-300, float("inf"), float("-inf"), 2.0 ** 70, -0.0]:
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 70) == hash(2.0 ** 70))
