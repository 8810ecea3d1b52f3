import math


def check(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__ + ":", e)


check(math.sqrt, -1)
check(math.log, 0)
check(math.log, -5)
check(math.exp, 1000)
check(math.pow, 0, -1)
check(math.pow, 10.0, 400)
check(math.acos, 2)
check(math.factorial, -1)
check(math.factorial, 2.5)
check(math.isqrt, -4)
check(math.comb, -1, 2)
check(math.comb, 5, -2)
check(math.gcd, 1.5, 2)
check(math.sqrt, "x")
check(math.floor, math.inf)
check(math.floor, math.nan)
check(math.sqrt)
check(math.sqrt, 1, 2)
check(math.atan2, 1)
check(math.fsum, [math.inf, -math.inf])
check(math.log, 10, 1)
