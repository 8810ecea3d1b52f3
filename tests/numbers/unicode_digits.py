# int() and float() read decimal digits of any script (category Nd) and strip Unicode
# whitespace, as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII; the \x1c-\x1f
# separators str.split() treats as whitespace are not whitespace to int() and float().
cases = ['١٢٣', '１２', '\u00a015\u3000', '\x1c5\x1c', '\x1c2.5', '5\x1f', '\u2003-７\u2028', '٣.٥',
         '۱e۲', '１_０００', '𝟙𝟚', '\u0661\u0662x', '١٢٣\u00e9', '²', '½', 'Ⅷ', '\u200b1', '\u180e1',
         '\U0001fbf7', '\u0e52\u0e50', '٠x١٠', '\u00a0\u00a0', '0x１f', '-\u0039\u0660']
for s in cases:
    for f in (int, float):
        try:
            print(repr(s), f.__name__, repr(f(s)))
        except ValueError as e:
            print(repr(s), f.__name__, 'ValueError', e)
for s, base in [('ｆｆ', 16), ('١٠', 2), ('0x١٠', 16), ('0b١', 0), ('z', 36), ('٩', 8)]:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, 'ValueError', e)
