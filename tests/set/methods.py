# The set methods: add, remove, discard, pop, clear, copy, update and the algebra.
s = {1, 2, 3}
s.add(4)
s.add(2)
s.discard(10)
s.remove(1)
print(s, len(s), 3 in s, 1 in s)
c = s.copy()
c.clear()
print(c, s)
print(s.union([7, 8], (9,)), s.intersection({2, 3, 99}, [3]), s.difference([2], {4}))
print(s.symmetric_difference([3, 5]), s.issubset(range(10)), s.issuperset([2, 3]), s.isdisjoint([0]))
t = {1, 2, 3, 40}
print(t.pop(), t.pop(), t)
u = set("abc")
u.update("cd", ["e"])
u.intersection_update("abcdx")
u.difference_update("a")
u.symmetric_difference_update("bz")
print(sorted(u))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print(e)
