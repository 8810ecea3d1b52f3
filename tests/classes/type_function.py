# type(obj), type(name, bases, dict), and class names and reprs of nested classes.
class Outer:
    class Inner:
        pass

    def make(self):
        class Local:
            pass
        return Local


print(type(3), type("s"), type(Outer()), type(Outer) is type)
print(Outer.Inner, Outer.Inner.__qualname__, Outer().make().__qualname__)
Dyn = type("Dyn", (Outer,), {"x": 5, "get": lambda self: self.x * 2})
d = Dyn()
print(Dyn.__name__, d.x, d.get(), isinstance(d, Outer), Dyn.__mro__)
Empty = type("Empty", (), {})
print(Empty, Empty.__bases__)
