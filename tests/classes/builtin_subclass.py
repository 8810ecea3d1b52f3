# Subclasses of list and dict: constructors, overridden methods calling super(), extra
# attributes, and __missing__.
class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), isinstance(s, list), type(s).__name__, s + [4])


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1


c = Counter()
for w in "abracadabra":
    c.add(w)
print(sorted(c.items()), c["z"], len(c))


class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name

    def __repr__(self):
        return f"{self.name}{list.__repr__(self)}"


n = Named("n", (1, 2))
print(n, n.name, list(n), n == [1, 2])


class LoudDict(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)


d = LoudDict(a=1)
d["b"] = 2
print(sorted(d.items()))
