# The iterator protocol: __iter__ and __next__ with StopIteration, used by for, list(), sum(),
# unpacking and `in`.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)


for i in Countdown(3):
    print(i)
print(list(Countdown(4)), sum(Countdown(5)), 2 in Countdown(3))
a, b = Bag(1, 2)
print(a, b, sorted(Bag(3, 1, 2)), [x * 2 for x in Bag(1, 2, 3)])
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))


class NotIter:
    def __iter__(self):
        return 5


try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in object():
        pass
except TypeError as e:
    print("TypeError:", e)
