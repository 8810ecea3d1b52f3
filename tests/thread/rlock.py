# RLock: the owner may acquire it again; other threads wait until it is fully released.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire())
got = []

def other():
    got.append(r.acquire(timeout=0.05))

t = threading.Thread(target=other)
t.start()
t.join()
r.release()
r.release()

def other2():
    got.append(r.acquire(blocking=False))
    r.release()

t = threading.Thread(target=other2)
t.start()
t.join()
print(got)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
