# Tight integer loops: while and for-range loops, modulo, floor division, list stores.
def collatz_total(limit):
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


def count_primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    p = 2
    while p * p <= n:
        if sieve[p]:
            for multiple in range(p * p, n + 1, p):
                sieve[multiple] = False
        p += 1
    return len([flag for flag in sieve if flag])


print(collatz_total(50000))
print(count_primes(800000))
