# super() in a method whose only parameter is *args: CPython 3.11 finds no first argument.
class A:
    def f(self):
        return "A.f"


class B(A):
    def f(*args):
        return super().f()

    def g(self, *args):
        return super().f()


class C(A):
    def f(*, key=1):
        return super().f()


for call in (lambda: B().f(), lambda: C.f(), lambda: B().g(1, 2)):
    try:
        print(call())
    except RuntimeError as e:
        print("RuntimeError:", e)
