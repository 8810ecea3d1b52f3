# str * n: OverflowError "repeated string is too long" when len * n does not fit an index
# (CPython checks the length in code points), MemoryError when it fits but cannot be
# allocated.
def attempt(name, fn):
    try:
        r = fn()
        print(name, "->", len(r))
    except (MemoryError, OverflowError) as e:
        print(name, type(e).__name__, e.args)


attempt("'a' * 2**40", lambda: 'a' * 2**40)
attempt("'a' * 2**62", lambda: 'a' * 2**62)
attempt("'a' * (2**63 - 1)", lambda: 'a' * (2**63 - 1))
attempt("'a' * 2**63", lambda: 'a' * 2**63)
attempt("'ab' * 2**61", lambda: 'ab' * 2**61)
attempt("'ab' * (2**62 - 1)", lambda: 'ab' * (2**62 - 1))
attempt("'ab' * 2**62", lambda: 'ab' * 2**62)
attempt("'abc' * 3074457345618258602", lambda: 'abc' * 3074457345618258602)
attempt("'abc' * 3074457345618258603", lambda: 'abc' * 3074457345618258603)
attempt("'\u20ac' * 2**40", lambda: '\u20ac' * 2**40)
attempt("'\u20ac' * 2**62", lambda: '\u20ac' * 2**62)
attempt("'\u20ac\u20ac' * 2**62", lambda: '\u20ac\u20ac' * 2**62)
attempt("2**40 * 'a'", lambda: 2**40 * 'a')
attempt("'' * 2**62", lambda: '' * 2**62)
attempt("'' * 2**64", lambda: '' * 2**64)
s = 'xy'
try:
    s *= 2**62
except OverflowError as e:
    print("str *= 2**62", type(e).__name__, e.args, s)
print('ab' * 3, len('\u20ac' * 1000))
