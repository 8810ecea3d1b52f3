# __setattr__ and __delattr__ hooks, object.__setattr__ to bypass them, and a frozen class.
class Logged:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 10)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


x = Logged()
x.b = 2
print(x.a, x.b)
del x.a
print(hasattr(x, "a"))


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field '{name}'")


f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e)
print(object.__getattribute__(f, "v"), getattr(f, "v"))
