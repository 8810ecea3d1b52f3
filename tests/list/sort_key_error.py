# An exception raised by the key function propagates; the list keeps its items.
l = [3, 1, 0, 2]
def key(x):
    return 10 // x
try:
    l.sort(key=key)
except ZeroDivisionError as e:
    print("error:", e)
print(sorted(l))
l.sort(key=lambda x: 1 / x)
