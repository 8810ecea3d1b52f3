# pow with a modulus, divmod and abs on ints and floats.
print(pow(2, 10), pow(2, 10, 1000), pow(2.0, 3), pow(2, -1), pow(3, -1, 7), pow(5, 0, 1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 70, 3))
print(abs(-5), abs(5), abs(-2 ** 100), abs(-0.0), abs(True), abs(-float("inf")))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
