# Names in class bodies: enclosing function variables, class-level names not visible in
# methods, comprehensions in class bodies, class decorators and __init_subclass__.
def make(prefix):
    class Tagged:
        tag = prefix + "!"
        names = [prefix + str(i) for i in range(2)]

        def show(self):
            return prefix + self.tag

    return Tagged


T = make("p")
print(T.tag, T.names, T().show())

x = "global"


class C:
    x = "class"

    def get(self):
        return x


print(C().get(), C.x)


def register(cls):
    cls.registered = True
    return cls


@register
class R:
    pass


print(R.registered)


class Plugin:
    kinds = []

    def __init_subclass__(cls):
        super().__init_subclass__()
        Plugin.kinds.append(cls.__name__)


class A(Plugin):
    pass


class B(A):
    pass


print(Plugin.kinds)


class Outer:
    def method(self):
        return [super(Outer, self).__repr__ is not None for _ in range(1)], (lambda: __class__)()


print(Outer().method())


class Named:
    def __str__(self):
        return "named:" + super().__str__()[:9]


print(Named(), object.__str__(3))
