# __enter__ and __exit__ found on the class in every form: plain functions, staticmethod,
# classmethod, a callable object, built-in methods (a lock); leaving by return, break,
# continue and exceptions, suppressed or not.
import threading


class Plain:
    def __enter__(self):
        print("enter Plain")
        return self

    def __exit__(self, t, e, tb):
        print("exit Plain", t.__name__ if t else None)
        return False


class Static:
    @staticmethod
    def __enter__():
        print("enter Static")
        return "static"

    @staticmethod
    def __exit__(t, e, tb):
        print("exit Static", t.__name__ if t else None)
        return True


class Exiter:
    def __call__(self, t, e, tb):
        print("exit through a callable object", t)


class Odd:
    @classmethod
    def __enter__(cls):
        return cls.__name__

    __exit__ = Exiter()


def returns():
    with Plain() as p:
        with Static() as s:
            return s + " from inside"


print(returns())

for i in range(3):
    with Plain():
        if i == 0:
            continue
        if i == 1:
            break
print("after loop", i)

with Static():
    raise KeyError("swallowed")
print("suppressed")

try:
    with Plain():
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)

with Odd() as name:
    print("Odd entered as", name)

lock = threading.Lock()
with lock:
    print("locked", lock.locked())
print("released", lock.locked())


def gen():
    with Plain():
        yield 1
        yield 2


g = gen()
print(next(g))
g.close()
print("closed")
