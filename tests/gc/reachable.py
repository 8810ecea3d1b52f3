# Cycles that are still reachable survive a collection, contents intact.
import gc


class Tree:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


gc.collect()
root = Tree(None)
for i in range(3):
    c = Tree(root)
    for j in range(2):
        Tree(c)
del c
print(gc.collect())
print(len(root.children), [len(c.children) for c in root.children])
print(all(c.parent is root for c in root.children))
del root
print(gc.collect())
