print((1, 2) + (3,), () + (), (1,) + ())
print((1, 2) * 3, 2 * ("a",), (1,) * 0, (1,) * -2, (1, 2) * True)
t = (1,)
t += (2, 3)
print(t)
t *= 2
print(t)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
try:
    (1,) * 2.0
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    t += [1]
except TypeError as e:
    print("TypeError:", e)
