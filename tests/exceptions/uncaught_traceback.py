def inner(x):
    return x["key"]


def outer():
    data = {"other": 1}
    return inner(data)


outer()
