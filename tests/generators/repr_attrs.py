def outer():
    def inner():
        yield 1
    return inner()


g = outer()
print(repr(g).startswith("<generator object outer.<locals>.inner at 0x"))
print(g.__name__, g.__qualname__)
print(type(g).__name__, g.gi_running)
print(iter(g) is g, g.__iter__() is g)
print(g.__next__())
print(type(x for x in []).__name__)
