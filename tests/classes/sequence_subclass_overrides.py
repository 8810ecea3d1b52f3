# list and tuple subclasses that override __iter__ or __len__: every consumer uses the
# overrides (CPython's fast paths take exact lists and tuples only), and bool() of a
# container subclass goes by its __len__.
class L(list):
    def __len__(self):
        return 5

    def __iter__(self):
        return iter("xy")


l = L([1])
print(list(l), tuple(l), [*l], sorted(l), bool(L()), bool(l), len(l))
print((lambda *a: a)(*l), set(l) == {'x', 'y'}, '-'.join(l), min(l), list(reversed(l)))
a, b = l
print(a, b)
first, *rest = l
print(first, rest)
x = [0]
x.extend(l)
x += l
x[1:2] = l
print(x)
print(dict([L([1, 2])]), dict.fromkeys(l), list(enumerate(l)), [c for c in l])
if L():
    print('L() is true: __len__ says 5')


class Empty(list):
    def __len__(self):
        return 0


print(bool(Empty([1, 2])), not Empty([1]), 'yes' if Empty([3]) else 'no', list(Empty([3])))


class T(tuple):
    def __iter__(self):
        return iter(("tt",))


t = T((1, 2))
print(list(t), [x for x in t], tuple(t), t, len(t), (lambda *a: a)(*t), [*t], sorted(t))
y = []
y.extend(t)
y += t
print(y, '+'.join(T(('a', 'b'))), dict([T(('k', 'v'))]) if False else '')


class G(list):
    def __iter__(self):
        yield "it"
        yield from super().__iter__()


g = G([1, 2])
print(list(g), tuple(g), [*g], sorted(g, key=str), '-'.join(G(['a', 'b'])))
try:
    a, b, c = g
    print('unpack', a, b, c)
except ValueError as e:
    print('unpack', e)
z = []
z += g
z.extend(g)
print(z, g + [3], len(g))
g.extend(g)
print(list.__len__(g), list.__repr__(g))


class D(dict):
    def __len__(self):
        return 0


class S(set):
    def __len__(self):
        return 0


class Str(str):
    def __len__(self):
        return 0


print(bool(D(a=1)), bool(S({1})), bool(Str('a')))
g2 = G([1])
g2 += g2
print(list.__repr__(g2))
