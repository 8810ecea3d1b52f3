# Event: threads wait until the main thread sets it; wait with a timeout returns False.
import threading

ev = threading.Event()
woke = []

def waiter(k):
    ev.wait()
    woke.append(k)

threads = [threading.Thread(target=waiter, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
print(ev.is_set(), ev.wait(0.01), len(woke))
ev.set()
for t in threads:
    t.join()
print(ev.is_set(), sorted(woke), ev.wait())
ev.clear()
print(ev.is_set())
