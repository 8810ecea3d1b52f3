# A size the machine cannot allocate (terabytes) raises MemoryError, which the program can
# catch and go on: list and tuple repetition, list(range), tuple(range), widths of format,
# f-strings and %-formatting, str methods that pad.
def attempt(name, fn):
    try:
        r = fn()
        print(name, "->", len(r))
    except MemoryError as e:
        print(name, type(e).__name__, e.args)


big = 2**40
attempt("[0] * 2**40", lambda: [0] * big)
attempt("[1, 2] * 2**39", lambda: [1, 2] * 2**39)
attempt("(0,) * 2**40", lambda: (0,) * big)
attempt("list(range(2**40))", lambda: list(range(big)))
attempt("tuple(range(2**40))", lambda: tuple(range(big)))
attempt("list(range(2**62))", lambda: list(range(2**62)))
attempt("format(1, '1099511627776')", lambda: format(1, '1099511627776'))
attempt("format('a', '>1099511627776')", lambda: format('a', '>1099511627776'))
attempt("format(1.5, '1099511627776')", lambda: format(1.5, '1099511627776'))
attempt("f-string width", lambda: f'{"a":>1099511627776}')
attempt("f-string nested width", lambda: f'{"a":>{big}}')
attempt("'{:1099511627776}'.format", lambda: '{:1099511627776}'.format(7))
attempt("'%1099511627776d' % 1", lambda: '%1099511627776d' % 1)
attempt("'%1099511627776s' % 'a'", lambda: '%1099511627776s' % 'a')
attempt("'%*d' % (2**40, 1)", lambda: '%*d' % (big, 1))
attempt("'a'.ljust(2**40)", lambda: 'a'.ljust(big))
attempt("'a'.center(2**40)", lambda: 'a'.center(big))
attempt("'a'.zfill(2**40)", lambda: 'a'.zfill(big))
x = [1, 2]
try:
    x *= 2**39
except MemoryError as e:
    print("list *= 2**39", type(e).__name__, x)
print("still running:", sum(range(10)))
