# A StopIteration raised by the function given to map() or filter() (or to an itertools
# iterator) ends the iteration for every consumer, as CPython's C iterators do.
import itertools


def stop(x):
    if x == 2:
        raise StopIteration('s', x)
    return x


print(list(map(stop, [1, 2, 3])))
print(list(filter(stop, [1, 2, 3])))
print(tuple(map(stop, [1, 2, 3])), sum(map(stop, [1, 2, 3])), max(map(stop, [1, 2, 3])))
print(min(filter(stop, [5, 2, 3])), sorted(map(stop, [3, 1, 2])))
print(list(enumerate(map(stop, [1, 2, 3]))), list(zip(map(stop, [1, 2, 3]), 'abc')))
print('-'.join(map(str, map(stop, [1, 2, 3]))), set(map(stop, [1, 2])))
print(dict.fromkeys(map(stop, [1, 2, 3])), dict(zip('ab', map(stop, [1, 2]))))
print([x for x in map(stop, [1, 2, 3])], {x for x in filter(stop, [1, 2, 3])})
print(any(map(stop, [0, 2])), all(map(stop, [1, 2, 0])))
for x in map(stop, [1, 2, 3]):
    print('for', x)
a, *b = map(stop, [1, 5, 2, 4])
print(a, b)
print([*map(stop, [1, 2])], (lambda *a: a)(*map(stop, [7, 2])))
x = [0]
x.extend(map(stop, [1, 2]))
x += filter(stop, [3, 2])
print(x)
print(list(map(lambda a, b: stop(a + b), [1, 1, 1], [0, 1, 2])))

# next() re-raises the function's StopIteration; `yield from` takes its value.
try:
    next(map(stop, [2]))
except StopIteration as e:
    print('next', repr(e), e.value)
it = map(stop, [1, 2, 3])
print(next(it), next(it, 'end'), next(it, 'end'))


def g():
    r = yield from map(stop, [1, 2, 3])
    print('r =', r)
    yield 'after'


print(list(g()))


def g2():
    for x in filter(stop, [1, 2, 3]):
        yield x
    yield 'done'


print(list(g2()))


def k(x):
    raise StopIteration('k')


print(list(itertools.accumulate([1, 2, 3], lambda a, b: k(a))), list(itertools.groupby([1, 2], k)))
print(list(itertools.takewhile(k, [1])), list(itertools.starmap(lambda a: k(a), [(1,)])))
# Outside an iteration a StopIteration is an ordinary exception.
for f in (lambda: sorted([1, 2], key=k), lambda: max([1, 2], key=k)):
    try:
        f()
    except StopIteration as e:
        print('raised', repr(e))
print(list(map(stop, [2])) or 'empty')
next(filter(stop, [2]))
