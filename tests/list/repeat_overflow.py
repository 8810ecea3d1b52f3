# Repeating a list or tuple whose size would overflow raises MemoryError (CPython checks
# len * n against the largest size before allocating); a count too large for an index
# raises OverflowError.
def attempt(name, fn):
    try:
        r = fn()
        print(name, "->", len(r))
    except (MemoryError, OverflowError) as e:
        print(name, type(e).__name__, e.args)


attempt("[0] * 2**62", lambda: [0] * 2**62)
attempt("[0] * 2**61", lambda: [0] * 2**61)
attempt("[0] * (2**62 - 1)", lambda: [0] * (2**62 - 1))
attempt("[1, 2, 3] * 2**61", lambda: [1, 2, 3] * 2**61)
attempt("[1, 2] * 2**62", lambda: [1, 2] * 2**62)
attempt("2**62 * [0]", lambda: 2**62 * [0])
attempt("[0] * 2**63", lambda: [0] * 2**63)
attempt("[] * 2**62", lambda: [] * 2**62)
attempt("[] * 2**64", lambda: [] * 2**64)
attempt("[0] * -2**62", lambda: [0] * -2**62)
attempt("(0,) * 2**62", lambda: (0,) * 2**62)
attempt("(0,) * 2**61", lambda: (0,) * 2**61)
attempt("(1, 2, 3) * 2**61", lambda: (1, 2, 3) * 2**61)
attempt("(0,) * 2**63", lambda: (0,) * 2**63)
attempt("() * 2**62", lambda: () * 2**62)

x = [1, 2]
try:
    x *= 2**62
except MemoryError as e:
    print("list *= 2**62", type(e).__name__, e.args, x)
try:
    x *= 2**61
except MemoryError as e:
    print("list *= 2**61", type(e).__name__, e.args, x)
t = (1, 2)
try:
    t *= 2**62
except MemoryError as e:
    print("tuple *= 2**62", type(e).__name__, e.args, t)
print(x * 2, t * 2)
