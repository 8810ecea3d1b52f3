def g():
    try:
        raise KeyError("inner")
    except KeyError:
        pass


try:
    raise ValueError("outer")
except ValueError:
    g()
    try:
        raise
    except ValueError as e:
        print("still handling", e)
