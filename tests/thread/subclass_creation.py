# 4 threads create 500 subclasses each of one base class at once, then the base gains an
# attribute and a method: every subclass must see both (a class registers with its bases,
# which tell it when they change; no registration may be lost).
import threading


class Base:
    def who(self):
        return "base"


made = [[] for _ in range(4)]
start = threading.Barrier(4)


def worker(k):
    start.wait()
    for i in range(500):
        cls = type("C%d_%d" % (k, i), (Base,), {})
        cls().who()  # fills the method cache for the subclass
        made[k].append(cls)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
Base.tag = 7
Base.who = lambda self: "changed"
classes = [c for cs in made for c in cs]
print(len(classes), sum(c.tag == 7 for c in classes), sum(c().who() == "changed" for c in classes))
