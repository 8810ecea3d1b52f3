def gen():
    yield 1


g = gen()
try:
    g.send(5)
except TypeError as e:
    print(e)
print(g.send(None))
g.send(2)
