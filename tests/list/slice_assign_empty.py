# Slice assignment and deletion on an empty list (whose item array does not exist yet).
a = []
a[0:2] = []
print(a)
a[1:5] = []
del a[:]
del a[3:9]
print(a, len(a))
a[0:0] = [1, 2]
a[5:7] = []
print(a)
b = []
b[:] = ()
print(b)
