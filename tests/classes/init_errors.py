# Construction errors: __init__ returning a value, wrong argument counts, object() arguments.
class A:
    def __init__(self, x):
        self.x = x


class B:
    def __init__(self):
        return 1


class C:
    pass


try:
    A()
except TypeError as e:
    print("TypeError:", e)
try:
    A(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    B()
except TypeError as e:
    print("TypeError:", e)
try:
    C(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)
print(A(x=3).x)
