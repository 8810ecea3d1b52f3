# float() from strings and numbers, and its errors.
print(float("1.5"), float(" -2 "), float("1_000.5"), float("1e3"), float(".5"), float("5."), float("-inf"), float("nan"))
print(float("Infinity"), float(3), float(True), float(2 ** 80), float())
for s in ["abc", "1__0", "", "0x10", "1e", " "]:
    try:
        print(float(s))
    except ValueError as e:
        print(e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
try:
    float([])
except TypeError as e:
    print(e)
print((1.5).is_integer(), (2.0).is_integer(), (0.1).as_integer_ratio(), (1.5).hex(), (-0.0).hex())
