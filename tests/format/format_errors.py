# Errors of the format-spec mini-language.
cases = [(1, "abc"), (1, ".2d"), (1.0, "d"), ("a", ","), ("a", "+"), ("a", "#"), ("a", "=5"), (1, ",_"),
         (65, "+c"), (65, "#c"), (1, "."), (1, ",x"), (1, ",n"), (1, "s"), (True, "s"), (5, "z"), ("a", "z"),
         (-1, "c"), (1114112, "c"), (None, "x"), ([], "d"), (1.0, "_x")]
for v, spec in cases:
    try:
        print(repr(format(v, spec)))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
