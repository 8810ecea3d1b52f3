def gen():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        raise


g = gen()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("reraised", repr(e))
