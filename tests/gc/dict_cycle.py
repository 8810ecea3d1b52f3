# Dicts referring to each other (and to themselves) are collected; a reachable cycle is not.
import gc

gc.collect()
a = {}
b = {"a": a}
a["b"] = b
a["me"] = a
del a, b
print(gc.collect())
keep = {}
keep["self"] = keep
print(gc.collect())
print(keep["self"] is keep, list(keep))
