def gen():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "handled"


g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
print(g.throw(ValueError, "two"))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("finished")
