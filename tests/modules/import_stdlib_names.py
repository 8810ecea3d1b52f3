import os.path
import math as m
from itertools import count as c
print(os.path.join("a", "b"), m.floor(2.5), next(c(3)))
print(type(m).__name__, m.__name__)
