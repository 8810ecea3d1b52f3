# Counter: in-place operators keep the object and drop non-positive counts, del of a missing
# key, multiset comparisons (3.10+), fromkeys, and subclass reprs for the collections types.
from collections import Counter, OrderedDict, defaultdict, namedtuple


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


c = Counter(a=2, b=-1)
c0 = c
c |= Counter(c=1)
print(c, c is c0)
c = Counter(a=3, b=1, d=0); c0 = c; c &= Counter(a=2, b=5); print(c, c is c0)
c = Counter(a=3, b=1); c0 = c; c += Counter(a=-3, z=2); print(c, c is c0)
c = Counter(a=3, b=1); c0 = c; c -= Counter(a=1, b=4, q=-2); print(c, c is c0)
c = Counter(a=1, n=-2); c += Counter(); print(c)
c = Counter(a=1)
del c['missing']
del c['a']
print(c)
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=1) < Counter(a=1, b=1))
print(Counter(a=2) >= Counter(a=1), Counter(a=2) > Counter(a=2), Counter() <= Counter(a=-1), Counter(a=0) == Counter())
print(Counter(a=1) == {'a': 1}, Counter(a=1) != Counter(a=1, b=0), Counter(a=1) != Counter(a=2))
check(lambda: Counter(a=1) <= {'a': 1})
check(lambda: Counter(a=1) < 3)
check(lambda: Counter.fromkeys('abc'))
check(lambda: Counter.fromkeys('abc', 1))
check(lambda: Counter('abracadabra').most_common(2))
check(lambda: Counter(a=1) + 1)
check(lambda: Counter(a=2, b=1) + Counter(a=-1))
print(Counter('hello'), Counter(), Counter(a=1).copy())


class MyCounter(Counter):
    pass


class MyOD(OrderedDict):
    pass


class MyDD(defaultdict):
    pass


class Point(namedtuple('Pt', 'x y')):
    pass


print(MyCounter('aab'), MyCounter(), MyCounter('ab').copy())
print(MyOD(a=1), MyOD(), MyOD(a=1).copy(), type(MyOD(a=1).copy()).__name__)
print(MyDD(int, a=1), MyDD(list), type(MyDD(int).copy()).__name__)
print(Point(1, 2), Point(x=3, y=4)._replace(x=5), repr(Point(0, 0)))
print(type(MyOD(a=1) | {'b': 2}).__name__, type({'b': 2} | MyDD(int)).__name__)
