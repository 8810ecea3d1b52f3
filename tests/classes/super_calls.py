# super() without arguments (the __class__ cell), super(type, obj), and super in classmethods.
class Base:
    def __init__(self, x):
        self.x = x

    def describe(self):
        return f"Base({self.x})"

    @classmethod
    def make(cls, *args):
        return cls(*args)


class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def describe(self):
        return "Child:" + super().describe()

    @classmethod
    def make(cls):
        obj = super().make(1, 0)
        obj.y = 2
        return obj

    def explicit(self):
        return super(Child, self).describe()

    def lam(self):
        f = lambda: super(Child, self).describe()
        return f()

    def cls_cell(self):
        return __class__


c = Child(5, 6)
print(c.x, c.y, c.describe(), c.explicit(), c.lam(), c.cls_cell().__name__)
m = Child.make()
print(type(m).__name__, m.x, m.y)
print(super(Child, c).describe())
try:
    super(Child, 5)
except TypeError as e:
    print(e)
