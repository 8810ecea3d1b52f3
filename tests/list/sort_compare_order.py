# A short list is sorted as CPython's timsort sorts it (leading run, then binary insertion;
# reverse=True reverses before and after), so __lt__ sees the same pairs in the same order.
class V:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f'V({self.v})'


for data in ([4, 5, 6, 1], [6, 5, 4, 7], [3, 1, 2, 5, 4], [1, 2, 3, 0], [2, 2, 1, 1]):
    print(sorted([V(x) for x in data]))
    print(sorted([V(x) for x in data], reverse=True))
    print(sorted([(V(x), 0) for x in data], reverse=True))
    lst = [V(x) for x in data]
    lst.sort(key=lambda v: V(-v.v))
    print(lst)
