# 4 threads import the same slow module at once: its code runs once, and every thread gets it
# complete (the others wait for the first import to finish instead of seeing it half done).
import threading

start = threading.Barrier(4)
seen = []


def worker():
    start.wait()
    import _slow_module
    seen.append(_slow_module.READY)


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen, threading.slow_module_runs)
