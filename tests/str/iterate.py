# Iterating over strings yields one-character strings (code points).
for ch in "abc":
    print(ch, end=" ")
print()
print(list("h\u00e9\u20ac\U0001f600"))
print([c for c in "hello" if c != "l"])
it = iter("xy")
print(next(it), next(it), next(it, "done"))
n = 0
for c in "\u00e9" * 10:
    n += 1
print(n)
print(tuple("ab"), "".join(reversed("abc")))
