class CM:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit", self.tag, a[0])


def f():
    with CM("ret"):
        return "value"


print(f())
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")


def g():
    for x in [1, 2]:
        with CM("nested"):
            with CM("inner"):
                return x


print(g())
