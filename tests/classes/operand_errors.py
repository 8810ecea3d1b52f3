# TypeErrors for operations a class does not support, worded as CPython's.
class A:
    pass


class B:
    def __add__(self, other):
        return NotImplemented


tests = [
    lambda: A() + 1,
    lambda: 1 + A(),
    lambda: A() * A(),
    lambda: B() + B(),
    lambda: A() - "s",
    lambda: -A(),
    lambda: ~A(),
    lambda: A()[0],
    lambda: len(A()),
    lambda: A()(),
    lambda: [x for x in A()],
    lambda: A() < A(),
    lambda: A() >= 3,
    lambda: 1 in A(),
    lambda: A().missing,
    lambda: A.missing,
    lambda: A(1),
    lambda: int(A()),
]
for t in tests:
    try:
        t()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


def f():
    a = A()
    a[1] = 2


try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    del A()[1]
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
