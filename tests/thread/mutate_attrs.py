# 8 threads share one instance, a module global and a closure cell. Each thread sets and reads
# its own attributes, and all of them keep replacing shared attributes, globals and cell contents
# with fresh objects while the others read them: a reader must always see a whole object (never
# one freed under it), and what each thread wrote must be exact at the end.
import threading


class Box:
    pass


box = Box()
box.shared = [0]
current = [0]
N = 3000


def make_cell():
    value = [0]

    def get():
        return value

    def put(v):
        nonlocal value
        value = v

    return get, put


get_cell, put_cell = make_cell()


def worker(k):
    global current
    name = "attr%d" % k
    seen_bad = 0
    for i in range(N):
        setattr(box, name, i)
        box.shared = [k, i]
        current = [k, i]
        put_cell([k, i])
        for v in (box.shared, current, get_cell()):
            if len(v) != 2 and v != [0]:
                seen_bad += 1
        if getattr(box, name) != i:
            seen_bad += 1
    results[k] = seen_bad


results = [None] * 8
threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(sorted(getattr(box, "attr%d" % k) for k in range(8)))
print(len(box.shared), len(current), len(get_cell()))
