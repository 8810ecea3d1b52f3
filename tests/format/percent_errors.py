# Errors of the % operator.
cases = [("%d", "a"), ("%x", 1.5), ("%f", "a"), ("%c", "ab"), ("%c", 1.5), ("%c", -1), ("%z", 1), ("%", 1),
         ("%(a)s", 1), ("%s %s", 1), ("%s", (1, 2)), ("", 1), ("%*s", ("a", "b")), ("%d", float("inf")),
         ("%(a)s", {"b": 1})]
for f, args in cases:
    try:
        print(repr(f % args))
    except (ValueError, TypeError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
