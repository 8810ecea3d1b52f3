try:
    raise ValueError("v")
except ValueError as err:
    print(err)
try:
    print(err)
except NameError as e:
    print(e)
