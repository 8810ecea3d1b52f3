# Integer arguments of str methods that do not fit: OverflowError with the message of
# CPython's argument clinic, "C ssize_t" for counts and widths, "C int" for expandtabs'
# tabsize and splitlines' keepends.
big = 2**70
tests = [
    lambda: 'a b'.split(None, big), lambda: 'a b'.rsplit(None, big), lambda: 'a b'.split(' ', -big),
    lambda: 'a'.replace('a', 'b', big), lambda: 'a'.replace('a', 'b', -big), lambda: 'a'.zfill(big),
    lambda: 'a'.zfill(-big), lambda: 'a'.rjust(big), lambda: 'a'.ljust(big, 'x'), lambda: 'a'.center(-big),
    lambda: 'a'.rjust(2**63), lambda: 'a\tb'.expandtabs(big), lambda: 'a\tb'.expandtabs(2**31),
    lambda: 'a\nb'.splitlines(big), lambda: 'a\nb'.splitlines(2**31), lambda: 'a\nb'.splitlines(2**31 - 1),
    lambda: 'a b'.split(None, 1.5), lambda: 'a'.zfill('3'), lambda: 'a' * big, lambda: 'a'[big],
]
for t in tests:
    try:
        print(repr(t()))
    except (OverflowError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
