def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return n * 10


def outer():
    a = yield from inner(2)
    print("a =", a)
    b = yield from [7, 8]
    print("b =", b)
    c = yield from inner(0)
    return a + c


g = outer()
print(next(g))
print(g.send("x"))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("result", e.value)
print(list(outer()))
