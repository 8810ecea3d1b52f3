# The container protocol: __len__ __bool__ __getitem__ __setitem__ __delitem__ __contains__,
# truth testing through __len__, and iteration through __getitem__.
class Grid:
    def __init__(self):
        self.cells = {}

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, key):
        if key not in self.cells:
            raise KeyError(key)
        return self.cells[key]

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells


g = Grid()
print(len(g), bool(g), (1, 2) in g)
g[1, 2] = "a"
g["k"] = "b"
print(len(g), bool(g), (1, 2) in g, g[1, 2], g["k"])
del g["k"]
print(len(g), "k" in g)
try:
    g["missing"]
except KeyError as e:
    print("KeyError", e)


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(Seq()), 20 in Seq(), 5 in Seq())
for x in Seq():
    print(x)


class Flag:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(True) else "no", not Flag(False))


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)


class ReadOnly:
    def __getitem__(self, k):
        return k


try:
    ReadOnly()[1] = 2
except TypeError as e:
    print("TypeError:", e)
