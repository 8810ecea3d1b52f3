try:
    g = (x for x in 5)
except TypeError as e:
    print(e)
g = (x + y for x in range(2) for y in range(undefined_later))
try:
    list(g)
except NameError as e:
    print(e)
