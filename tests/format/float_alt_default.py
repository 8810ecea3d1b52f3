# The '#' flag with no presentation type: repr-style digits, but a number in exponent form
# keeps its decimal point even with a single digit ("1.e+16").
for v in [1e16, 1e-5, 1e100, 1.5e16, 1.25e-5, 100.0, 1.5, 0.0, -0.0, -1e16, 1e22, 2e-7,
          123456789012345678.0, float('inf'), float('nan')]:
    print(repr(v), repr(format(v, '#')), repr(format(v, '#12')), repr(format(v, '#.3')), repr(format(v, '#.0')))
print(f'{1e-5:#}', f'{1e16:#>10}', f'{-1e16:#010}', '{:#}'.format(3e20))
