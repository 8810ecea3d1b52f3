print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple((4, 5)))
print(tuple({"x": 1, "y": 2}), tuple([x * 2 for x in (1, 2)]))
t = (1, 2)
print(tuple(t) is t)
try:
    tuple(1)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(type(()), type(iter(())))
it = iter((7, 8))
print(next(it), next(it), next(it, "done"))
