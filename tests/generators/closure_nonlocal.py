def counter():
    n = 0

    def gen():
        nonlocal n
        while n < 3:
            n += 1
            yield n
    return gen


g = counter()
print(list(g()), list(g()))
