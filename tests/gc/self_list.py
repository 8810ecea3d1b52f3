# A list that contains itself is garbage once unnamed: gc.collect() finds exactly it.
import gc

gc.collect()
l = [1, 2]
l.append(l)
print(len(l), l[2] is l)
del l
print(gc.collect())
print(gc.collect())
