# __new__: a custom constructor that may return an existing object; object.__new__(cls).
class Single:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst

    def __init__(self, v):
        self.v = v


a = Single(1)
b = Single(2)
print(a is b, a.v)


class NotMine:
    def __new__(cls):
        return 42


print(NotMine())


class Tagged:
    def __new__(cls, tag):
        obj = object.__new__(cls)
        obj.tag = tag
        return obj


print(Tagged("t").tag)
