try:
    try:
        int("x")
    except ValueError as e:
        raise KeyError("wrapped") from e
except KeyError as k:
    print(type(k.__cause__).__name__, k.__cause__)
    print(k.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("none") from None
except TypeError as t:
    print(t.__cause__, t.__suppress_context__, type(t.__context__).__name__)
