# Comparisons between ints and floats are exact, big ints included.
big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, 1 == 1.0, 2 ** 1000 < float("inf"))
print(-big < -float(2 ** 53), 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 3 < 3.5, -3 < -2.5)
nan = float("nan")
print(1 == nan, 1 != nan, 1 < nan, 2 ** 100 == nan, nan != nan)
print(True == 1, True == 1.0, False < 0.5, 1 < 2 < 3.5)
print(sorted([3, 1.5, 2 ** 60, -1, 0.0, True]))
