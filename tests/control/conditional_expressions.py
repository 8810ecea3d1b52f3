for v in [0, 1, "", "x", [], [0], None, 0.0, 2.5]:
    print(repr(v), "truthy" if v else "falsy", not v)
a = 5
print(1 < a < 10, 1 < a > 10, a and "yes", 0 or "fallback", None or 0)
