# x += y on a list tries y's __radd__ before extending, as CPython's PyNumber_InPlaceAdd
# (nb_add of either operand first, then the list's in-place concat).
class V:
    def __radd__(self, o):
        return 'radd'
x = [1]
x += V()
print(x)
class N:
    def __radd__(self, o):
        return NotImplemented
    def __iter__(self):
        return iter([7, 8])
y = [1]
y += N()
print(y)
class A:
    def __add__(self, o):
        return 'add'
    def __iter__(self):
        return iter([9])
z = [1]
z += A()
print(z, (1,) + V() if False else '')
t = (1,)
t += V()
print(t)
class L(list):
    def __radd__(self, o):
        return 'Lradd'
w = [1]
w += L([2])
print(w)
s = 'a'
s += V()
print(s)
try:
    q = [1]
    q += 5
except TypeError as e:
    print(e)
