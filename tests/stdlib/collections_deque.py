from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([4, 5])
d.extendleft("ab")
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(4), d.index(4), 5 in d, 99 in d)
d.remove("a")
d.reverse()
print(d, list(reversed(d)))
d.insert(1, "x")
d[0] = "first"
del d[2]
print(d)
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(10)
m.appendleft(-1)
print(m, deque().maxlen)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == deque([2]), bool(deque()), d.copy() == d)
e = deque()
try:
    e.pop()
except IndexError as err:
    print(err)
try:
    d.remove("zzz")
except ValueError as err:
    print(err)
try:
    m[10]
except IndexError as err:
    print(err)
d.clear()
print(d, deque("abc") + deque("de"))
