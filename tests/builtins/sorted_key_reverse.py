words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted((3, 1, 2)))
print(sorted({"b": 1, "a": 2}))
print(sorted("hello"))
print(sorted([]))
print(sorted(range(5), key=lambda x: -x))
print(sorted([3.5, 1, 2.25, -1], key=None))
data = [5, 3, 8]
result = sorted(data)
print(data, result, result is data)
