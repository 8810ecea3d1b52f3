# format() with float presentation types and layout options.
for v in [0.0, 1.0, -1.5, 123.456, 1e-5, 1e16, 123456789.0, 0.000123, float("inf"), float("nan")]:
    print(format(v, ""), format(v, "e"), format(v, ".3E"), format(v, "f"), format(v, "g"), format(v, ".3G"),
          format(v, "n"), format(v, "%"), format(v, "012.3f"), format(v, "+.2"), format(v, "#.0f"), format(v, "#g"))
for v in [0, 7, -7, 255, 2 ** 70, -(2 ** 70), True]:
    print(format(v, ""), format(v, "d"), format(v, "08b"), format(v, "#o"), format(v, "x"), format(v, "#X"),
          format(v, ","), format(v, "_"), format(v, "=+10"), format(v, ".2f"), format(v, "e"), format(v, "n"))
print(format(1234, "08,"), format(1234, "010,"), format(255, "#010_b"), format(5, "05_b"), format(-1234, "012,.2f"))
print(format("é", "é^5"), format(5, "x<05"), format(-5, "<05"), format(None, ""), format([1, 2], ""))
