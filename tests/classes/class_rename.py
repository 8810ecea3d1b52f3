# Assigning a class's __name__ or __qualname__ renames it in reprs and error messages.
class C:
    def m(self):
        pass


C.__name__ = "D"
print(C, C.__name__, C.__qualname__)
try:
    C().missing
except AttributeError as e:
    print(e)
try:
    C() + 1
except TypeError as e:
    print(e)
C.__qualname__ = "Outer.Q"
print(C, repr(C()).split(" at ")[0], C.__name__, type(C()).__name__)
try:
    len(C())
except TypeError as e:
    print(e)
for value in (5, None):
    try:
        C.__name__ = value
    except TypeError as e:
        print(e)
try:
    C.__name__ = "a\0b"
except ValueError as e:
    print(e)
try:
    del C.__qualname__
except TypeError as e:
    print(e)
try:
    int.__name__ = "x"
except TypeError as e:
    print(e)


class Failure(Exception):
    pass


Failure.__name__ = "Renamed"
print(repr(Failure("boom")))
Failure.__qualname__ = "QualFailure"
raise Failure("final")
