# Augmented assignment: the target's load is underlined, the operation is the statement's.
counts = {}
counts["a"] = 1
counts["a"] += 1
print(counts)
counts["b"] += 1
