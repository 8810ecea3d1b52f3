# A doubly linked list: every node refers to the next and the previous one.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


def build(n):
    head = Node(0)
    tail = head
    for i in range(1, n):
        node = Node(i)
        tail.next = node
        node.prev = tail
        tail = node
    return head


gc.collect()
head = build(100)
total = 0
node = head
while node is not None:
    total += node.value
    node = node.next
print(total)
print(gc.collect())
del head
print(gc.collect())
