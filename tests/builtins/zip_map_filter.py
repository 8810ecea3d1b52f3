print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], "ab", (True, False, None))))
print(list(zip()))
print(list(zip([1])))
print(dict(zip(["a", "b"], [1, 2])))
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(len, ["", "ab", "abc"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(bool, [0, 2, 0.0, 3.5])))
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, "end"))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [3, 4], [5, 6], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1, 2], [3, 4], [5], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], [3, 4], strict=True)))
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
print(repr(zip()).startswith("<zip object"), repr(map(str, [])).startswith("<map object"))
print(repr(filter(None, [])).startswith("<filter object"))
