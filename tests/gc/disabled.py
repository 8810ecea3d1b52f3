# With automatic collection disabled, cycles accumulate until gc.collect(); enabled, they are
# collected as allocations grow.
import gc

gc.disable()
print(gc.isenabled())
gc.collect()
for i in range(5000):
    l = []
    l.append(l)
del l
print(gc.collect())
gc.enable()
print(gc.isenabled())
for i in range(5000):
    l = []
    l.append(l)
del l
print(gc.collect() < 1000)
