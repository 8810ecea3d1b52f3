import sys
print(getattr("abc", "upper")())
print(getattr(1, "missing", "dflt"))
print(hasattr("s", "join"), hasattr("s", "nope"), hasattr(sys, "argv"))
try:
    getattr(1, "nope")
except AttributeError as e:
    print("AttributeError:", e)
setattr(sys, "custom_value", 5)
print(sys.custom_value, getattr(sys, "custom_value"))
delattr(sys, "custom_value")
print(hasattr(sys, "custom_value"))
g = globals()
print(g["__name__"], "sys" in g, vars() is g)
print(vars(sys) is sys.__dict__)
counter = 1
globals()["counter"] = 2
print(counter)
