# ljust, rjust, center, zfill with fill characters.
print("[" + "ab".ljust(5) + "]", "[" + "ab".rjust(5) + "]", "[" + "ab".center(5) + "]")
print("[" + "abc".center(6) + "]", "[" + "abc".center(6, "*") + "]", "[" + "ab".center(5, "*") + "]")
print("[" + "abcdef".center(3) + "]", "[" + "x".ljust(4, "\u00e9") + "]", "[" + "\u00e9".rjust(3, "-") + "]")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print("[" + "ab".ljust(-1) + "]")
try:
    "a".ljust(3, "ab")
except TypeError as e:
    print(e)
try:
    "a".center(3, 1)
except TypeError as e:
    print(e)
