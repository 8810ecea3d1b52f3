# Freeing the head of a very long chain frees every link without overflowing the C stack:
# a linked list of instances, dicts, lists and tuples nested 200,000 deep, a chain of closures
# and a generator holding the chain.
class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next


head = None
for i in range(200000):
    head = Node(i, head)
print(head.value, head.next.value)
del head
print("linked list freed")

d = {}
for i in range(200000):
    d = {"inner": d}
d = None
print("nested dicts freed")

l = []
for i in range(200000):
    l = [l, i]
l = 0
print("nested lists freed")

t = ()
for i in range(200000):
    t = (t, i)
t = 0
print("nested tuples freed")


def chain(n):
    f = None
    for i in range(n):
        f = (lambda prev: lambda: prev)(f)
    return f


c = chain(200000)
c = None
print("closure chain freed")


def holder(x):
    yield x


head = None
for i in range(200000):
    head = Node(i, head)
g = holder(head)
head = None
next(g)
g = None
print("generator holding a chain freed")
