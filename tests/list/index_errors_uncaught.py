# An uncaught IndexError prints a traceback and exits with status 1.
l = [1, 2, 3]
print(l[2])
print(l[3])
