import math
print(math.factorial(0), math.factorial(20), math.factorial(50))
print(math.comb(10, 3), math.comb(100, 50), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(30, 20))
print(math.isqrt(99), math.isqrt(10 ** 40), math.isqrt(2 ** 127 - 1))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(2 ** 100, 6 ** 50), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(2 ** 70, 3))
print(math.log(2 ** 1000), math.log2(2 ** 200), math.log10(10 ** 300))
print(math.prod(range(1, 30)))
print(math.floor(2 ** 80), math.ceil(-(2 ** 80)))
