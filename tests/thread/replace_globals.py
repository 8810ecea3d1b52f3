# Threads rebind module globals to new objects while other threads read them. A read is
# served by LoadGlobal's cache without locking the module dict; the value a writer replaces
# must stay alive until every reader that may have found it has counted it.
import threading

data = [0] * 10
name = "start" * 3
table = {"k": 1}
stop = False


def writer(k):
    global data, name, table
    for i in range(20000):
        data = [k, i, 0, 0, 0, 0, 0, 0, 0, 0]
        name = "w%d-%d" % (k, i) + "." * (i % 40)
        table = {"k": i}
        if i % 1000 == 0:
            del table
            table = {"k": -1}


def reader(slot):
    total = 0
    names = 0
    keys = 0
    for _ in range(40000):
        d = data
        total += len(d)
        s = name
        names += len(s) > 0
        try:
            t = table
        except NameError:  # between a writer's del and its next store
            t = {"k": 0}
        keys += "k" in t
    results[slot] = (total, names, keys)


results = [None] * 4
threads = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
threads += [threading.Thread(target=reader, args=(r,)) for r in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(len(data), data[1], name[-1] in ".0123456789", table["k"])
