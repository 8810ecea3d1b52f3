def gen():
    x = yield
    print("x", x)
    y = (yield x) + 1
    print("y", y)
    yield [(yield), (yield)]


g = gen()
print(next(g))
print(g.send(5))
print(g.send(9))
print(g.send("a"))
print(g.send("b"))
