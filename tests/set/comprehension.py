# Set displays and comprehensions, membership tests and len.
squares = {x * x for x in range(-5, 6)}
print(squares, len(squares), 16 in squares, 15 in squares)
words = {w for w in "a bb a ccc bb".split()}
print(sorted(words), set(), set([]), {()})
print({True, 1, 1.0}, {0, False}, {"a", "b"} == {"b", "a"})
