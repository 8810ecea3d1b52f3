def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        return "recovered"
    finally:
        print("inner finally")


def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3


g = outer()
print(next(g))
print(g.throw(ValueError("v")))
g.close()
g = outer()
next(g)
g.close()
print("done")
