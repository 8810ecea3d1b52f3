t = (1, 2, 3, 2, 2)
print(t.count(2), t.count(9), t.index(2), t.index(2, 2), t.index(3, -3), t.index(2, 0, 10))
print(2 in t, 9 in t, 9 not in t)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t.index(1, 1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    t.count()
except TypeError as e:
    print("TypeError:", e)
print(tuple.count(t, 3))
