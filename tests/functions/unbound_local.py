x = 10


def f():
    print(x)
    x = 5


try:
    f()
except UnboundLocalError as e:
    print(e)
try:
    print(undefined_name)
except NameError as e:
    print(e)
