# Errors from indexing strings and from operators on them.
s = "abc"
for f in [lambda: s[3], lambda: s[-4], lambda: s[1.5], lambda: s["x"], lambda: s[None]]:
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
for f in [lambda: s + 1, lambda: 1 + s, lambda: s * "x", lambda: s * 1.5, lambda: 2.0 * s,
          lambda: s - "a", lambda: 1 in s, lambda: s < 1, lambda: s >= None, lambda: -s]:
    try:
        f()
    except TypeError as e:
        print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
