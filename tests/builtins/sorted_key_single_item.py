# The key function is called for every item, even when there is only one (or none).
calls = []


def key(x):
    calls.append(x)
    return -x


print(sorted([5], key=key), calls)
print(sorted([], key=key), calls)
l = [7]
l.sort(key=key)
print(l, calls)
print(min([3], key=key), max([4], key=key), calls)


def bad(x):
    raise ValueError("key saw " + repr(x))


for items in ([1], (2,), {3}):
    try:
        sorted(items, key=bad)
    except ValueError as e:
        print(e)
try:
    [9].sort(key=bad)
except ValueError as e:
    print(e)
