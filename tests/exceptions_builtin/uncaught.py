def f(n):
    if n == 0:
        raise ValueError("n must not be zero")
    return 10 // n

print(f(2))
print(f(0))
