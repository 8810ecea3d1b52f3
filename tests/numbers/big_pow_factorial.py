# Big powers and factorial-like products are exact.
print(2 ** 100)
print(3 ** 200)
print((-7) ** 51)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // 2 ** 47, f % 1000003)
print(len(str(2 ** 10000)))
print(pow(3, 10 ** 20, 10 ** 9 + 7), pow(2, -1, 7), pow(-3, 5, 7), pow(3, 4, -5))
print(2 ** -2, 10 ** -3, (-2) ** -3)
