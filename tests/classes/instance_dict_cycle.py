# Instances referring to each other and to themselves; attribute deletion; __dict__ access.
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


a, b = Node(1), Node(2)
a.next, b.next = b, a
print(a.next.next.v, b.next.v)
a.me = a
print(a.me.me.me.v)
total = 0
for i in range(1000):
    n = Node(i)
    n.next = n
    total += n.next.v
print(total)
print(sorted(a.__dict__))
