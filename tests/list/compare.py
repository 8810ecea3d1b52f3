# List comparisons: lexicographic, all six operators, and == with other types.
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
print([2] > [1, 9], [1, 2] <= [1, 2], [] >= [], [1] == (1,), [1.0] == [1])
print([[1, 2], [3]] < [[1, 2], [4]], [1, "a"] == [1, "a"])
try:
    print([1, 2] < [1, "x"])
except TypeError as e:
    print(e)
