# reversed() of a dict's keys, values and items views (CPython 3.8+): the reverse iterators
# walk the entries from the newest, skipping deleted ones, and notice a size change.
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
d['d'] = 4
print(list(reversed(d.items())), list(reversed(d.keys())), list(reversed(d.values())))
for v in (d.keys(), d.values(), d.items()):
    r = reversed(v)
    print(type(r).__name__, repr(r).split(' at ')[0], next(r), list(r), list(r))
print(list(reversed({}.items())), list(reversed(dict(x=1).values())))
print(d.keys().__reversed__, type(reversed(d)).__name__)
r = reversed(d.values())
d['e'] = 5
try:
    next(r)
except RuntimeError as e:
    print(e)
r = reversed(d.items())
print(next(r))
d.pop('a')
try:
    next(r)
except RuntimeError as e:
    print(e)


class D(dict):
    pass


print(list(reversed(D(p=1, q=2).items())), [k for k in reversed(D(p=1, q=2).keys())])
