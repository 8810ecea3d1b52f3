print((1, 2) < (1, 3), (1, 2) < (1,), (1, 2) > (1,), () < (0,))
print((1, 2) == (1, 2), (1, 2) != (1, 2), (1,) == [1], (1, 2) <= (1, 2), (2,) >= (1, 9))
print((1, "a") == (1, "a"), (1, "a") < (2, "a"))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(max([(1, 2), (3, 0), (2, 9)]), min((5, 1), (5, 0)))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    (1,) < [1]
except TypeError as e:
    print("TypeError:", e)
