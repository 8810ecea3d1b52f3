# property with getter, setter and deleter, read-only properties, and the decorator forms.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    def _get_k(self):
        return self._c + 273

    kelvin = property(_get_k)


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, t.kelvin)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.kelvin
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t._c)
print(type(Temp.celsius).__name__)
