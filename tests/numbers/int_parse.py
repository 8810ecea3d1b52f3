# int() from strings with bases, prefixes, underscores and whitespace, and its errors.
print(int("42"), int("  -17  "), int("+5"), int("1_000_000"))
print(int("ff", 16), int("0xff", 16), int("0x_ff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("11", base=2), int("123456789012345678901234567890"))
print(int(3.99), int(-3.99), int(True), int(), int(1e20))
for s, b in [("abc", 10), ("010", 0), ("1_", 10), ("_1", 10), ("", 10), ("0x", 16), ("1__0", 10), ("12", 1), ("9", 8)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print("ValueError:", e)
for v in [float("inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(e)
try:
    int(1.5, 2)
except TypeError as e:
    print(e)
