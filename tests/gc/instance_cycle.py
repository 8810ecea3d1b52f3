# A class instance that refers to itself, and two instances referring to each other.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.collect()
n = Node("a")
n.other = n
del n
print(gc.collect())
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect())
