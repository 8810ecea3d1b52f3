# exit: 0
def gen():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


g = gen()
next(g)
del g
print("after del")
