# How % parses a conversion, as CPython's unicode_format_arg_parse: only "%%" is a literal
# percent; a '%' after flags, width or precision is an unsupported conversion taking an
# argument; width and precision overflow; one h/l/L is skipped; a %(key) value is used once.
cases = [('%5%', (1,)), ('%-%', (1,)), ('%.2%', (1,)), ('%5%', ()), ('%5%', 1), ('a%5%', {'a': 1}),
         ('%%', ()), ('%.4294967297f', 1.5), ('%.2147483648f', 1.5), ('%.2147483648%', ()),
         ('%9223372036854775808d', 1), ('%99999999999999999999s', 'a'), ('%(a)s %s', {'a': 1}),
         ('%s %(a)s', {'a': 1}), ('%(a)s %(b)s', {'a': 1, 'b': 2}), ('%(a)*d', {'a': 1}),
         ('%hhd', 1), ('%ld', 1), ('%lld', 1), ('%Lf', 1.5), ('%\u00e9', 1), ('%\x01', 1), ('x%\u4e00', 1),
         ('%*d', (2**63, 1)), ('%.*f', (2**31, 1.5)), ('%.*f', (-2**31, 1.5)),
         ('%.*f', (-2**31 - 1, 1.5)), ('%5z', 1), ('%(a)z', {'a': 1}), ('%z', ()), ('%.', 1), ('%l', 1)]
for f, a in cases:
    try:
        print(repr(f), repr(f % a))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(f), type(e).__name__, e)
