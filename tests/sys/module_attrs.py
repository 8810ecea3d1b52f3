import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.platform, sys.byteorder)
print(sys.version.startswith("3.11.7"))
print(type(sys.implementation.name).__name__)
print(sys.modules["sys"] is sys)
print(type(sys.modules).__name__)
print(callable(sys.exit), callable(sys.getrecursionlimit))
