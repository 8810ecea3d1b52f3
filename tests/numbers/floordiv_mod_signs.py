# Floor division and modulo round toward negative infinity for every sign combination.
for a in [7, -7, 0, 2 ** 70, -(2 ** 70)]:
    for b in [2, -2, 3, -3, 2 ** 65, -(2 ** 65)]:
        print(a, b, a // b, a % b, divmod(a, b))
