def f(a, *args, **kwargs):
    return a, args, kwargs


print(f(1))
print(f(1, 2, 3))
print(f(1, x=2, y=3))
nums = [4, 5, 6]
opts = {"sep": "-", "end": "!"}
print(f(*nums, **opts))
print(f(0, *nums, 7, *nums))


def g(x, y, z):
    return x * 100 + y * 10 + z


print(g(*[1, 2], **{"z": 3}))
print(*nums, sep=", ")
