# flags: --ast
import sys, os.path as osp
from . import a
from ..pkg.mod import (b as c, d,)
x = y = 0
a, *b = c
[p, q] = r
o.attr += 1
s[1:2] = t
n: int = 5
(m): float
del x, s[0]
assert x, "msg"
global g
if a:
    pass
elif b:
    x = 1
else:
    y = 2
while x:
    break
else:
    continue
for i, j in pairs:
    ...
try:
    raise ValueError("v") from None
except (TypeError, KeyError) as e:
    raise
except Exception:
    pass
else:
    x = 1
finally:
    y = 2
with open(f) as fh, lock:
    pass
with (a as b, c as d):
    pass
