t = (10, 20, 30, 40, 50)
print(t[0], t[-1], t[2], len(t))
print(t[1:3], t[::2], t[::-1], t[-2:], t[5:], t[:0])
print(t[True])
for bad in (5, -6):
    try:
        t[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    t["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
