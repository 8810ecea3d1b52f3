import _pkg.sub
print(_pkg.PKG, _pkg.sub.SUB)
from _pkg import sub
print(sub is _pkg.sub)
import _pkg.sub as s
print(s.SUB)
