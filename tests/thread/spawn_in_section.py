# A thread started from Python code that runs inside a container operation: list.index calls
# __eq__, which starts a thread that empties and refills the very list being searched. While
# a program has one thread, minipy-ft takes no per-object locks; starting the second thread
# must lock what the first one holds open, or the search would read freed memory.
import threading

started = []


def churn():
    for i in range(2000):
        items.clear()
        items.extend([Item(j) for j in range(20)])


class Item:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if not started:
            t = threading.Thread(target=churn)
            started.append(t)
            t.start()
        return False


items = [Item(i) for i in range(5000)]
try:
    items.index(Item(-1))
except ValueError as e:
    print("ValueError")
started[0].join()
print(len(items), [x.n for x in items[:3]])

# The same through sorted()'s key function and a dict built by a comprehension.
d = {i: i for i in range(3000)}
seen = []


def fill():
    for i in range(3000, 4000):
        d[i] = i


def key(k):
    if not seen:
        t = threading.Thread(target=fill)
        seen.append(t)
        t.start()
    return -k


order = sorted(d, key=key)
seen[0].join()
print(order[:3], len(d))
