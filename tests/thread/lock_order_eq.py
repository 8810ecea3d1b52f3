# Two containers, two threads, and an __eq__ that reaches into the other container: one thread
# looks keys up in the dict (holding the dict while __eq__ appends to the list), the other
# searches the list (holding the list while __eq__ reads the dict's length). Each waits for
# the other's container while inside its own; a thread that waits for a lock releases the
# ones it holds, so this finishes instead of deadlocking.
import threading

d = {}
lst = []


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 7

    def __eq__(self, other):
        if len(lst) < 50:
            lst.append(0)
        else:
            lst.pop()
        len(d)
        return isinstance(other, Key) and other.v == self.v


for i in range(40):
    d[Key(i)] = i
    lst.append(Key(i))
start = threading.Barrier(2)
found = [0, 0]


def dict_side():
    start.wait()
    for i in range(4000):
        if Key(i % 40) in d:
            found[0] += 1


def list_side():
    start.wait()
    for i in range(4000):
        try:
            lst.index(Key(i % 40))
            found[1] += 1
        except ValueError:
            pass


threads = [threading.Thread(target=dict_side), threading.Thread(target=list_side)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(found[0], found[1] > 0)
