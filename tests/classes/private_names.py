# Private names: inside a class, __x (not __x__) is mangled to _Class__x in names, attributes,
# parameters, nested defs and classes, comprehensions and nested functions; keyword arguments
# of calls and the __name__ of nested defs are not.
class C:
    __cls_attr = 1
    def __init__(self, __p=5):
        self.__x = __p
        self.__y__ = 2
    def get(self):
        return self.__x, C.__cls_attr, self.__y__
    def __m(self):
        return "m"
    def call(self):
        return self.__m(), getattr(self, "_C__x")
    def kw(self, **k):
        return k
    def callkw(self):
        return self.kw(__z=1)
    def g(self):
        __local = 3
        def inner():
            return __local
        return inner(), [__v for __v in range(2)]
    class __Inner:
        pass
    def inner_name(self):
        return C.__Inner.__name__, C.__Inner.__qualname__
class _D(C):
    def d(self):
        try:
            return self.__x
        except AttributeError as e:
            return str(e)
class ___(C):
    def e(self):
        self.__q = 1
        return sorted(k for k in vars(self) if 'q' in k)
c = C()
print(c.get(), c.call(), c.callkw(), c.g(), c.inner_name())
print(sorted(vars(c)), sorted(k for k in vars(C) if not k.startswith('__')))
print(_D().d())
print(___().e())
print(C._C__cls_attr, C().__dict__)
try:
    c.__x
except AttributeError as e:
    print(e)
def f(__a):
    return __a
print(f(__a=1))
