e = ValueError("x")
e.extra = 42
print(e.extra, e.args)
e.args = ("a", "b")
print(e.args, repr(e), str(e))
try:
    e.missing
except AttributeError as err:
    print("AttributeError:", err)
try:
    e.__cause__ = 1
except TypeError as err:
    print("TypeError:", err)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(StopIteration().value, StopIteration(7).value)
try:
    ValueError(x=1)
except TypeError as err:
    print("TypeError:", err)
