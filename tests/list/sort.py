# list.sort and sorted-like behaviour: keys, reverse, stability, mixed int/float keys.
words = ["pear", "fig", "apple", "kiwi", "banana", "date"]
w = words[:]
w.sort()
print(w)
w.sort(key=len)
print(w)
w.sort(key=len, reverse=True)
print(w)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
nums = [3, 1.5, -2, 10, 2.25, 0]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
big = [(i * 7919) % 1000 for i in range(1000)]
big.sort()
print(big[:5], big[-5:], big == list(range(1000)))
try:
    [3, "a", 1].sort()
except TypeError as e:
    print(e)
try:
    [1].sort(1)
except TypeError as e:
    print(e)
