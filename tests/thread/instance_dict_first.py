# 4 threads store the first attributes of the same fresh instances at once: the instance dict
# is created by whichever thread comes first, and no thread's attribute is lost.
import threading


class Obj:
    pass


objs = [Obj() for _ in range(3000)]
start = threading.Barrier(4)


def worker(k):
    name = "a%d" % k
    start.wait()
    for o in objs:
        setattr(o, name, k)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
complete = sum(1 for o in objs if len(vars(o)) == 4)
print(complete, sorted(vars(objs[0]).items()))
