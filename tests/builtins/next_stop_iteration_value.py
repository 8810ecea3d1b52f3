# The StopIteration a class's __next__ raises keeps its args through next() and
# `yield from`, and through iterators that pass an inner iterator's end on (zip, enumerate).
import itertools


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration('v')


class Count:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration('end', self.n)
        return self.n


try:
    next(It())
except StopIteration as e:
    print(repr(e), e.value, e.args)
print(next(It(), 'default'))


def g():
    r = yield from It()
    print('r =', r)


print(list(g()))


def first():
    x = yield from Count()
    return x


gen = first()
print(next(gen), next(gen))
try:
    next(gen)
except StopIteration as e:
    print('returned', repr(e))
print(list(Count()), list(map(str, Count())), [x for x in Count()])
for name, make in [('map', lambda: map(str, It())), ('zip', lambda: zip(It(), [1])),
                   ('enumerate', lambda: enumerate(It())), ('iter', lambda: iter(It())),
                   ('islice', lambda: itertools.islice(It(), 3)),
                   ('chain', lambda: itertools.chain(It())), ('reversed', lambda: reversed([]))]:
    try:
        next(make())
    except StopIteration as e:
        print(name, repr(e))


def pred(x):  # ends an iteration of its own, then lets filter go on
    for _ in It():
        pass
    return False


try:
    next(filter(pred, [1, 2]))
except StopIteration as e:
    print('filter', repr(e))
next(Count(), None)
next(It())
