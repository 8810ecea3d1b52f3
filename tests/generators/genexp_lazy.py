def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i


g = (x * 2 for x in noisy(3))
print("created")
print(next(g))
print(list(g))
print(any(x > 2 for x in noisy(10)))
