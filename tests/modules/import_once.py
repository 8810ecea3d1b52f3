import sys
import _mod_a
import _mod_a
from _mod_a import VALUE
print("_mod_a" in sys.modules, sys.modules["_mod_a"] is _mod_a)
_mod_a.VALUE = 7
import _mod_a as again
print(again.VALUE)
