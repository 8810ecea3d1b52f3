# Adding keys while iterating raises RuntimeError.
d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 10
print(d)
for k in d:
    d[k + 100] = 0
