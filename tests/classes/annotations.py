# Annotated assignments record __annotations__ in order in class and module bodies.
x: int = 1
y: str


class P:
    a: int
    b: str = "s"
    c: list = []

    def f(self):
        z: int = 3
        return z


print(P.__annotations__, P.b, P().f())
print(__annotations__, x)
print("a" in P.__dict__, "b" in P.__dict__)


class Q:
    pass


print(Q.__annotations__)
