# A subclass of dict, list, tuple, set or str whose dunder methods call the base's
# (super().__getitem__(k), dict.__setitem__(self, k, v)) gets the base's own behaviour, not
# its own override again; dict(d) of a dict subclass that overrides __iter__ goes through
# keys() and [] as CPython's dict_merge does.
class D(dict):
    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k) * 10
    def __setitem__(self, k, v):
        print('set', k, v)
        dict.__setitem__(self, k, v + 1)
    def __delitem__(self, k):
        print('del', k)
        super().__delitem__(k)
    def __contains__(self, k):
        print('contains', k)
        return super().__contains__(k)
    def __len__(self):
        return super().__len__() + 100
    def __iter__(self):
        return iter(list(super().__iter__()) + ['extra'])
    def get(self, k, d=None):
        print('getm', k)
        return super().get(k, d)
    def __repr__(self):
        return 'D' + super().__repr__()
    def __eq__(self, o):
        return super().__eq__(o)
    def keys(self):
        return super().keys()
d = D(a=1)
print(d['a'], dict.__getitem__(d, 'a'))
d['b'] = 2
print('b' in d, 'z' in d, len(d), list(d), d.get('a'), d.get('q', 5), d)
del d['b']
print(d == {'a': 1}, d.keys(), dict(d))
try:
    d['zz']
except KeyError as e:
    print('KeyError', e)
class M(dict):
    def __missing__(self, k):
        return 'missing ' + k
    def __getitem__(self, k):
        return super().__getitem__(k).upper()
m = M(x='y')
print(m['x'], m['nope'], dict.__getitem__(m, 'q'), m.get('nope'))
class L(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 2
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 3)
    def __len__(self):
        return super().__len__() + 1
    def __contains__(self, x):
        return super().__contains__(x) or x == 'yes'
    def __iter__(self):
        return super().__iter__()
    def __delitem__(self, i):
        print('ldel', i)
        super().__delitem__(i)
l = L([1, 2, 3])
l[0] = 5
print(l[0], l[1:], len(l), 'yes' in l, 2 in l, list(l), l.index(2), l.count(15))
del l[0]
print(l, list.__getitem__(l, 0), list.__len__(l))
class T(tuple):
    def __getitem__(self, i):
        return super().__getitem__(i) + 1
    def __len__(self):
        return super().__len__() * 10
    def __contains__(self, x):
        return super().__contains__(x)
t = T((1, 2))
print(t[0], len(t), 2 in t, t.index(2), t.count(1), tuple.__getitem__(t, 1))
class S(set):
    def __contains__(self, x):
        return super().__contains__(x)
    def __len__(self):
        return super().__len__() + 1
    def __iter__(self):
        return super().__iter__()
s = S({1})
print(1 in s, len(s), list(s))
class St(str):
    def __getitem__(self, i):
        return super().__getitem__(i) * 2
    def __len__(self):
        return super().__len__() + 1
    def __contains__(self, x):
        return super().__contains__(x)
st = St('ab')
print(st[0], len(st), 'a' in st, st.upper())


def kw(**k):
    return k


print({**d}, kw(**d))
d2 = D(c=3)
d2.update(d)
x = {}
x.update(d)
print(x, dict.__repr__(d2))
