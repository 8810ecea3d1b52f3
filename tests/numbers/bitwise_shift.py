# Bitwise operators and shifts on small and big ints, negatives included.
print(12 & 10, 12 | 10, 12 ^ 10, ~12, -12 & 255, -12 | 3, -12 ^ 5)
print(1 << 10, 1 << 80, -1 << 70, 2 ** 100 >> 90, -(2 ** 100) >> 90, -1 >> 200, 5 >> 1000)
print(-(2 ** 100) & 0xFFFF, -(2 ** 100) | 5, 2 ** 100 ^ -1, ~(2 ** 100))
print((255).bit_length(), (-255).bit_count(), (2 ** 100).bit_length(), (0).bit_length())
for a, b in [(1, -1), (1, -100)]:
    try:
        print(a << b)
    except ValueError as e:
        print(e)
try:
    print(1 >> -1)
except ValueError as e:
    print(e)
