# User descriptors: __get__ alone, and __set__ making a data descriptor that wins over the
# instance dict.
class Const:
    def __init__(self, v):
        self.v = v

    def __get__(self, obj, owner):
        return self.v if obj is not None else self


class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)


class Box:
    seven = Const(7)
    size = Typed()

    def __init__(self, n):
        self.size = n


b = Box(3)
print(b.seven, type(Box.seven).__name__, b.size, b._size)
b.size = 4
print(b.size)
try:
    b.size = "x"
except TypeError as e:
    print("TypeError:", e)
