class CM:
    def __enter__(self):
        print("enter")

    def __exit__(self, t, v, tb):
        print("exit", t)


def gen():
    with CM():
        yield 1
        yield 2


for x in gen():
    print(x)
g = gen()
next(g)
g.close()
