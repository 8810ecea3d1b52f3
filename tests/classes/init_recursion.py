# Nested construction counts two recursion levels per instance, as CPython's C-level
# type.__call__ does: the deepest chain that fits the default limit of 1000.
class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n else None


def deepest():
    n = 400
    while True:
        try:
            Node(n)
        except RecursionError as e:
            return n, str(e)
        n += 1


print(deepest())
