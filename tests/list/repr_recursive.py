# repr of nested and recursive lists.
a = [1, "two", 3.0, None, True, [4, [5]], (6,), {7: 8}]
print(a)
print(repr([]), str([[], [[]]]))
b = [1]
b.append(b)
print(b)
c = [b, b]
print(c)
