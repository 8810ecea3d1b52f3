# Slicing with steps, slice assignment of any iterable (growing and shrinking), extended
# slice assignment and slice deletion.
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[::2], l[1::3], l[::-1], l[8:2:-2], l[-3:], l[:-7], l[100:], l[-100:2])
m = l[:]
m[2:5] = "ab"
print(m)
m[0:0] = (100, 200)
print(m)
m[-2:] = []
print(m)
m[1:3] = range(3)
print(m)
n = list(range(8))
n[::2] = [0, 0, 0, 0]
print(n)
n[::-3] = "xyz"
print(n)
del n[::2]
print(n)
del n[1:3]
print(n)
del n[:]
print(n)
k = [1, 2, 3]
k[1:2] = k
print(k)
try:
    k[::2] = [1, 2]
except ValueError as e:
    print(e)
try:
    k[0:1] = 5
except TypeError as e:
    print(e)
