stop = False


def gen():
    while not stop:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
stop = True
g.close()
print("closed", g.gi_suspended)
