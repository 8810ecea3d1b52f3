import sys
print(sys._is_gil_enabled())
print(type(sys._is_gil_enabled()).__name__)
print(sys.implementation.name)
