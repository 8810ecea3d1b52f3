def inner():
    yield 1


def outer():
    yield from inner()


g = outer()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom.__name__, g.gi_running)
