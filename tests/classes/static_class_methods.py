# staticmethod and classmethod, called on the class and on instances, and inherited.
class Counter:
    count = 0

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count

    @classmethod
    def create(cls, n):
        obj = cls()
        obj.n = n
        return obj


class Sub(Counter):
    pass


print(Counter.add(1, 2), Counter().add(3, 4))
print(Counter.bump(), Counter().bump(), Counter.count)
print(Sub.bump(), Sub.count, Counter.count)
s = Sub.create(7)
print(type(s).__name__, s.n)
print(type(Counter.__dict__["add"]).__name__, type(Counter.__dict__["bump"]).__name__)
