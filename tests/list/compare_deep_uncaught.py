# An uncaught RecursionError from comparing lists nested 50000 deep: a traceback and status
# 1, as CPython, not a crash.
a = b = []
for i in range(50000):
    a = [a]
    b = [b]
print(a == b)
