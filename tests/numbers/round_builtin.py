# round() of ints and floats: ties to even, correctly rounded digits.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(0.125, 2))
print(round(1234.5678, -2), round(1234.5678, 2), round(-0.4, 0), round(1e300, -299), round(5.5, None))
print(round(15, -1), round(25, -1), round(-25, -1), round(1234567, -3), round(7), round(7, 2), round(True))
print(type(round(2.5)), type(round(2.5, 0)), type(round(5, 1)))
for args in [(float("inf"),), (float("nan"),), (1.7e308, -308), (1, 1.5)]:
    try:
        print(round(*args))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
