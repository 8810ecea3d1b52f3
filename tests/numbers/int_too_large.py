# An int result too large to allocate raises MemoryError (not an abort inside GMP); a shift
# count past CPython's largest int raises OverflowError "too many digits in integer".
def attempt(name, fn):
    try:
        r = fn()
        print(name, "->", r.bit_length())
    except (MemoryError, OverflowError) as e:
        print(name, type(e).__name__, e.args)


M = 2**61
attempt("1 << 2**40", lambda: 1 << 2**40)
attempt("1 << 2**62", lambda: 1 << 2**62)
attempt("1 << (2**63 - 1)", lambda: 1 << (2**63 - 1))
attempt("1 << 2**63", lambda: 1 << 2**63)
attempt("1 << 2**65", lambda: 1 << 2**65)
attempt("-1 << 2**64", lambda: -1 << 2**64)
attempt("(2**100) << 2**62", lambda: (2**100) << 2**62)
attempt("1 << 10**30", lambda: 1 << 10**30)
attempt("-5 << 10**30", lambda: -5 << 10**30)
attempt("True << 10**30", lambda: True << 10**30)
attempt("1 << 30 * (M - 7)", lambda: 1 << 30 * (M - 7))
attempt("1 << 30 * (M - 8)", lambda: 1 << 30 * (M - 8))
attempt("1 << 30 * (M - 8) + 1", lambda: 1 << 30 * (M - 8) + 1)
attempt("2**30 << 30 * (M - 8)", lambda: 2**30 << 30 * (M - 8))
attempt("(2**30 - 1) << 30 * (M - 8)", lambda: (2**30 - 1) << 30 * (M - 8))
attempt("0 << 10**30", lambda: 0 << 10**30)
attempt("1 >> 10**30", lambda: 1 >> 10**30)
attempt("-1 >> 10**30", lambda: -1 >> 10**30)
attempt("1 ** 2**100", lambda: 1 ** 2**100)
attempt("(-1) ** (2**100 + 1)", lambda: (-1) ** (2**100 + 1))
attempt("0 ** 2**100", lambda: 0 ** 2**100)
big = 1 << 2**20
print((1 << 100) >> 98, 3 ** 5, big.bit_length(), (big * big).bit_length())
