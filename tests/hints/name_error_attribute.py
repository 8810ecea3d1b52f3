try:
    undefined_thing
except NameError as e:
    print(e.name, repr(e))
e = AttributeError("plain")
print(e.name, e.obj)
try:
    [].nope
except AttributeError as e:
    print(e.name, e.obj)
