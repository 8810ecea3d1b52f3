import _mod_a
import _mod_a as alias
from _mod_a import double as dbl, VALUE
print(_mod_a.VALUE, alias.double(4), dbl(5), VALUE)
print(_mod_a is alias)
print(_mod_a.__name__, _mod_a.__file__.rsplit("/", 1)[-1])
print(__name__)
