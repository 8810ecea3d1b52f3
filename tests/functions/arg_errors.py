def f(a, b):
    return a + b


def g(a, b=2):
    return a + b


def h():
    return 0


def k(a, b, c):
    return 0


calls = [
    lambda: f(1, 2, 3),
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, z=3),
    lambda: f(1, a=2),
    lambda: g(1, 2, 3),
    lambda: h(1),
    lambda: k(),
    lambda: f(**{1: 2}),
    lambda: f(*1),
    lambda: f(**1),
    lambda: f(1, **{"a": 1}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
