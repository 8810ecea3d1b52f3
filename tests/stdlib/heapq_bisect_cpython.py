# heapq.merge (key, reverse), CPython's heapq errors, nlargest/nsmallest comparison order;
# bisect with hi=-1 and other odd bounds.
import heapq
import bisect


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(list(heapq.merge([1, 3], [2, 4])))
print(list(heapq.merge([1, 3, 5], [2, 4], [0, 6, 7])))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([], [1])))
print(list(heapq.merge(['bb', 'a'], ['ccc', 'dd'], key=len, reverse=True)))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge(['a', 'bb'], ['c', 'dd', 'eee'], key=len)))
print(list(heapq.merge([(1, 'x'), (2, 'a')], [(1, 'y')], key=lambda t: t[0])))
m = heapq.merge(iter([1, 2]), iter([0]))
print(next(m), list(m))
check(lambda: heapq.heappush((), 1))
check(lambda: heapq.heappop(5))
check(lambda: heapq.heapify('ab'))
check(lambda: heapq.heapreplace(None, 1))
check(lambda: heapq.heappushpop({}, 1))
check(lambda: heapq.heappop([]))
check(lambda: heapq.heapreplace([], 1))
check(lambda: heapq.heappush([]))
check(lambda: heapq.heappop())
check(lambda: heapq.heapify([], 1))
check(lambda: heapq.nlargest(2))
check(lambda: heapq.nlargest('a', [1]))
check(lambda: heapq.nsmallest(2, 5))
check(lambda: heapq.nlargest(2, [3, 1, 2], key=None))
check(lambda: heapq.nsmallest(-1, [3, 1, 2]))
check(lambda: heapq.nsmallest(1.5, [3, 1, 2]))
check(lambda: heapq.nsmallest(2, [3, 1, 2], lambda x: -x))


class V:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f'V({self.v})'


data = [V(x) for x in [5, 1, 4, 2, 3, 6, 0]]
print(heapq.nlargest(3, data))
print(heapq.nsmallest(3, data))
print(heapq.nlargest(1, data))
print(heapq.nsmallest(1, data))
print(heapq.nsmallest(2, data, key=lambda v: V(v.v * 10)))
print(heapq.nlargest(10, data[:3]))
print(heapq.nsmallest(3, iter(data)))
print(heapq.nlargest(2, iter(data), key=lambda v: V(-v.v)))

a = [1, 2, 3, 4, 5]
check(lambda: bisect.bisect_left(a, 3, hi=-1))
check(lambda: bisect.bisect_right(a, 3, 0, -1))
check(lambda: bisect.bisect(a, 3, hi=-5))
check(lambda: bisect.bisect_left(a, 3, hi=None))
check(lambda: bisect.bisect_left(a, 3, lo=-1))
check(lambda: bisect.bisect_left(a, 3, 2, 10))
check(lambda: bisect.bisect_left(a, 3, hi='a'))
check(lambda: bisect.bisect_left(a, 3, lo=2**70))
check(lambda: bisect.bisect_left(a, 3, hi=2**70))
b = [1, 2]
bisect.insort(b, 0, hi=-1)
print(b)
bisect.insort_left(b, 5, 1, -3)
print(b)
check(lambda: bisect.bisect_left(5, 3))
check(lambda: bisect.bisect_left([], 3))
check(lambda: bisect.bisect_left(a))
check(lambda: bisect.bisect([1, 'a'], 2))

# sorted() of a short list calls __lt__ on the pairs CPython's timsort compares.
print(sorted([V(x) for x in [4, 5, 6, 1]]))
print(sorted([V(x) for x in [3, 1, 2, 5, 4]], reverse=True))
print(sorted([V(x) for x in [6, 5, 4, 7]], key=lambda v: v))
