# Condition: a consumer waits for items a producer appends, and wait_for with a predicate.
import threading

cond = threading.Condition()
items = []
consumed = []

def consumer():
    for _ in range(100):
        cond.acquire()
        while not items:
            cond.wait()
        consumed.append(items.pop(0))
        cond.release()

def producer():
    for i in range(100):
        cond.acquire()
        items.append(i)
        cond.notify()
        cond.release()

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed == list(range(100)))
cond.acquire()
print(cond.wait(0.01))
print(cond.wait_for(lambda: len(consumed) == 100, timeout=1))
cond.release()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
