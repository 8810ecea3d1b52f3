class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        print("exit", self.name, t, v, tb)
        return False


with CM("a") as x:
    print("body", x)
with CM("b"):
    print("no target")
print("after")
