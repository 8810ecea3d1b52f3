for e in [ValueError(), ValueError("x"), ValueError(1, 2), KeyError("k"), KeyError(), KeyError("a", "b"),
          IndexError(3), Exception([1, 2]), TypeError("it's")]:
    print(repr(e), "|", str(e), "|", e.args)
print(repr(ZeroDivisionError("division by zero")))
print(str(OSError(2, "No such file or directory", "x.txt")))
print(f"{RuntimeError('boom')}")
