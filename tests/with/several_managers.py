class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, *args):
        print("exit", self.name, args[0])


with CM("a") as a, CM("b") as b, CM("c"):
    print("body", a, b)
try:
    with CM("x"), CM("y"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
