def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("closing", name)


g = gen("a")
next(g)
del g
print("after del")
for x in gen("b"):
    break
print("after break")
h = gen("c")
print("unstarted dropped")
h = None
print("end")
