# OrderedDict: order-sensitive == and !=, | returning the subclass, odict views, recursive repr.
from collections import OrderedDict, defaultdict


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


a = OrderedDict(x=1, y=2)
b = OrderedDict(y=2, x=1)
print(a == b, a != b, a == dict(b), a != dict(b), dict(b) != a)
print(a == OrderedDict(x=1, y=2), a != OrderedDict(x=1, y=2), a != OrderedDict(x=1))
check(lambda: OrderedDict(a=1) | {'b': 2})
check(lambda: type(OrderedDict(a=1) | {'b': 2}).__name__)
check(lambda: {'b': 2} | OrderedDict(a=1))
check(lambda: type({'b': 2} | OrderedDict(a=1)).__name__)
o = OrderedDict(a=1); p = o; o |= {'c': 3}; print(o, o is p)
check(lambda: OrderedDict(a=1) | 5)
check(lambda: defaultdict(int, a=1) | {'b': 2})
check(lambda: {'b': 2} | defaultdict(int, a=1))
check(lambda: defaultdict(list, a=1) | defaultdict(int, b=2))
check(lambda: type({'b': 2} | defaultdict(int, a=1)).__name__)
dd = defaultdict(int); q = dd; dd |= {'z': 1}; print(dd, dd is q)
check(lambda: defaultdict(int) | 5)
o = OrderedDict(a=1, b=2)
print(o.keys(), o.values(), o.items())
print(repr(OrderedDict().keys()))
print(list(reversed(o.keys())), list(reversed(o.values())), list(reversed(o.items())))
o = OrderedDict(); o['self'] = o
print(o)
o2 = OrderedDict(k=[1]); o2['k'].append(o2); print(o2)
print(OrderedDict(), repr(OrderedDict(a=None)))
o = OrderedDict.fromkeys('abc'); o.move_to_end('a'); print(o); o.move_to_end('c', last=False); print(o)
print(o.popitem(), o.popitem(last=False), o)
check(lambda: OrderedDict().popitem())
check(lambda: OrderedDict().move_to_end('x'))
o = OrderedDict(a=1, b=2)
print(o.keys() == {'a', 'b'}, o.keys() & {'a'}, {'b', 'c'} - o.keys(), 'a' in o.keys(), ('a', 1) in o.items(), 2 in o.values())
print(len(o.keys()), len(o.items()), sorted(o.values()), sorted(o.keys() | ['z']), o.items() == {('a', 1), ('b', 2)})
print(type(o.keys()).__name__, type(o.values()).__name__, type(o.items()).__name__)
for k, v in o.items():
    print(k, v)
print(dict(o), list(o), OrderedDict(o.items()), o.copy(), type(o.copy()).__name__)
o['self'] = o
print(o.items())
check(lambda: hash(OrderedDict()))
check(lambda: OrderedDict().missing)
check(lambda: {1: 2} | defaultdict(None))
check(lambda: defaultdict(None, {1: 2}).copy())
