# A read-modify-write of a shared counter, made atomic by a Lock.
import threading

lock = threading.Lock()
box = {"n": 0}

def worker():
    for _ in range(5000):
        lock.acquire()
        box["n"] = box["n"] + 1
        lock.release()

threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(box["n"])
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
