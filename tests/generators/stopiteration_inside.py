def gen():
    yield 1
    raise StopIteration("inner")


g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print(repr(e.__cause__), e.__cause__ is e.__context__)
for x in gen():
    print(x)
