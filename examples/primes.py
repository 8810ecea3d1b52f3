# A small tour of what minipy runs today: functions, loops, lists, dicts, f-strings, exceptions.
import sys


def primes_below(n):
    """Sieve of Eratosthenes."""
    flags = [True] * n
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, n, i))
    return [i for i, is_prime in enumerate(flags) if is_prime]


def gaps(numbers):
    counts = {}
    for a, b in zip(numbers, numbers[1:]):
        counts[b - a] = counts.get(b - a, 0) + 1
    return counts


limit = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
ps = primes_below(limit)
print(f"{len(ps):,} primes below {limit:,}; the last is {ps[-1]}")
common = sorted(gaps(ps).items(), key=lambda kv: -kv[1])[:3]
print("most common gaps:", ", ".join(f"{gap} ({n:,} times)" for gap, n in common))
try:
    print(ps[len(ps)])
except IndexError as e:
    print("IndexError:", e)
print("2 ** 100 =", 2 ** 100)
