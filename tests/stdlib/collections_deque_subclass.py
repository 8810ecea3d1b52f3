# A deque subclass's instances have room for an instance dict, and its constructor arguments
# go to __init__ only (deque.__new__ ignores them).
from collections import deque


class D(deque):
    pass


d = D([1, 2])
d.tag = 'x'
print(d, d.tag, d.__dict__)
d.append(3)
print(d, len(d), d.maxlen)


class B(deque):
    def __init__(self, n):
        super().__init__(maxlen=n)
        self.n = n


b = B(2)
b.extend([1, 2, 3])
print(b, b.n, b.maxlen)

c = d.copy()
print(type(c).__name__, c, c.__dict__)
e = d + deque([9])
print(type(e).__name__, e)
print(type(D([1]) * 2).__name__, D([1], 3) * 2)

# deque.__init__ refills: it sets maxlen, clears, then extends.
d2 = deque([1, 2])
d2.__init__([5, 6, 7], 2)
print(d2)

# Self-reference through the instance dict, and many instances.
for i in range(200):
    x = D(range(i % 5))
    x.me = x
    x.other = D([i])
print(x, x.other)
