def f(x: int y):
    pass
