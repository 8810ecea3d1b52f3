from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle("abc"), 7)), list(islice(cycle([]), 3)))
print(list(repeat("x", 3)), list(islice(repeat(1), 4)), list(repeat(0, -1)))
print(repr(count(5)), repr(count(1, 2)), repr(repeat("a", 2)))
print(list(islice(range(10), 2, 8, 2)), list(islice("abcdef", 3)), list(islice("abc", None)))
print(list(islice(range(10), 8, None)), list(islice(range(5), 1, 3)))
print(list(zip(count(1), "ab")))
try:
    islice("abc", -1)
except ValueError as e:
    print(e)
