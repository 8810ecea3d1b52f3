# Ranges whose bounds do not fit 64 bits: slicing and indexing in int arithmetic; len()
# raises CPython's OverflowError only when the length itself does not fit.
r = range(10**20)
print(r[::-1][0])
print(r[5:8], r[::-1], r[-3:], r[::10**19], r[10**19::-3], r[:-10**20 - 5], r[-1], r[-10**20])
print(r[5:8][1], list(r[5:8]), r[2:1], r[::-1][::-1] == r, r[::-1][-1], len(r[5:10**19:2 * 10**18]))
big = range(-10**30, 10**30, 7 * 10**28)
print(big[1:5], big[::-2], list(big[3:6]), big[len(big[::2]) :] if False else '')
print(range(2**62, 2**63 - 1, 2**61)[::-1], range(0, 2**63 - 1)[::-1][0])
print(range(10)[10**20:], range(10)[-10**20:3], range(10)[::10**20])
try:
    r[::0]
except ValueError as e:
    print('ValueError', e)
try:
    r['a':]
except TypeError as e:
    print('TypeError', e)
try:
    r[10**20]
except IndexError as e:
    print('IndexError', e)
try:
    print(len(r))
except OverflowError as e:
    print('OverflowError', e)
print(10**19 in r, -1 in r, r.index(10**19), r.count(5))
len(r[::-1])
