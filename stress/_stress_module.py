# Imported by stress/modules.py from several threads at once.
import time
VALUE = 42
def f(x):
    return x + VALUE
