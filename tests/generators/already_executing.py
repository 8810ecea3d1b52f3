def gen():
    yield next(g)


g = gen()
try:
    next(g)
except ValueError as e:
    print(e)
