# Changing a set's size while iterating over it raises RuntimeError.
s = {1, 2, 3}
for x in s:
    s.add(x + 10)
