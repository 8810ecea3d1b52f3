# float repr: shortest round-trip digits and Python's layout rules.
for x in [0.0, -0.0, 1.0, 0.1, 0.1 + 0.2, 1 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00012,
          1e22, 1e100, 5e-324, 1.7976931348623157e308, 2.5, -1.5e-10, 100.0, 3.14159,
          float("inf"), float("-inf"), float("nan"), 1e300 * 1e300]:
    print(x, repr(x), str(x))
print([1.5, 2.0, -0.0], (1e-7,), {"a": 1e20})
