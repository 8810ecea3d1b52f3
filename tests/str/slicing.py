# Indexing and slicing, with negative indices and steps, on ASCII and non-ASCII strings.
s = "hello, world"
print(s[0], s[-1], s[4], s[-5])
print(s[2:5], s[:5], s[7:], s[-5:], s[:-7], s[:])
print(s[::2], s[1::3], s[::-1], s[-1:-6:-1], s[10:2:-2])
print(repr(s[5:2]), repr(s[100:]), repr(s[-100:3]), repr(s[3:3]))
u = "\u00e9t\u00e9 \u20ac \U0001f600!"
print(len(u), u[0], u[2], u[-1], u[-2], u[4])
print(u[1:4], u[::-1], u[::2], u[-3:])
for i in range(len(u)):
    print(i, u[i], end="; ")
print()
print(s[True], s[False:2])
