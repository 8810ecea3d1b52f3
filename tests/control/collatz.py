def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


best = 0
arg = 0
for k in range(1, 3000):
    c = collatz_len(k)
    if c > best:
        best = c
        arg = k
print(arg, best)
