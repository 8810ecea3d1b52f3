def gen():
    yield 1
    return "result"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e), e.value)
print(list(gen()))
