# Argument errors of str methods, with CPython's messages.
tests = [
    lambda: "a b".split(" ", 1, 2),
    lambda: "a".split(1),
    lambda: "a".split(""),
    lambda: "a".split(maxsplit="x"),
    lambda: "a".replace(1, 2),
    lambda: "a".replace("a", 2),
    lambda: "a".replace("a"),
    lambda: "a".find(1),
    lambda: "a".find(),
    lambda: "a".find("a", 1, 2, 3),
    lambda: "a".find("a", "x"),
    lambda: "a".count(1),
    lambda: "a".upper(1),
    lambda: "a".zfill(),
    lambda: "a".zfill("a"),
    lambda: "a".center(),
    lambda: "a".partition(""),
    lambda: "a".partition(1),
    lambda: "a".join(),
    lambda: "a".removeprefix(1),
    lambda: "a".expandtabs("x"),
    lambda: "a".splitlines(1.5),
    lambda: "a".strip(1, 2),
    lambda: "a".title(x=1),
    lambda: "a".startswith(),
]
for t in tests:
    try:
        t()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
