# Semaphore bounds how many threads are inside at once; BoundedSemaphore rejects extra releases.
import threading

sem = threading.Semaphore(3)
guard = threading.Lock()
state = {"inside": 0, "max": 0}

def worker():
    for _ in range(200):
        sem.acquire()
        guard.acquire()
        state["inside"] += 1
        state["max"] = max(state["max"], state["inside"])
        guard.release()
        guard.acquire()
        state["inside"] -= 1
        guard.release()
        sem.release()

threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(state["inside"], state["max"] <= 3)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(blocking=False))
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(False))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
