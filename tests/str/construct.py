# str(): the empty string, str of other values, str of a str.
print(repr(str()), str(42), str(-1.5), str(None), str(True), str([1, "a"]), str((1,)))
print(str("text"), str(object="kw"), repr(str("")))
print(type(str(1)) is str, type("a") is str, isinstance("a", str))
try:
    str(1, 2, 3, 4)
except TypeError as e:
    print(e)
print(len(str(12345)), str(2 ** 70))
