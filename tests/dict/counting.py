# The common counting idioms: get with default, setdefault with lists, `in`, len.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
nums = {i: i % 3 for i in range(10)}
print(sum(nums.values()), max(nums), "the" in counts, "cat" in counts)
