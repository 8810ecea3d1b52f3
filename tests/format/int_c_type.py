# The 'c' presentation type is laid out as a number: right-aligned by default, and a '0'
# before the width pads with zeros on the left.
for spec in ['5c', '05c', '>3c', '<5c', '^5c', '*=5c', '=5c', 'c', '1c', '005c', 'x<4c']:
    print(repr(spec), repr(format(65, spec)), repr(format(0x4e00, spec)))
print(repr(f'{97:>3c}'), repr(f'{97:4c}'), repr('{:03c}'.format(98)))
