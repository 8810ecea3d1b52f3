# Two CPU-bound threads both make progress: the GIL switches between them (drop requests).
import sys
import threading

sys.setswitchinterval(0.001)
progress = [0, 0]
stop = threading.Event()

def spin(k):
    while not stop.is_set():
        progress[k] += 1

threads = [threading.Thread(target=spin, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
while min(progress) < 1000:
    pass
stop.set()
for t in threads:
    t.join()
print("both ran", sys.getswitchinterval())
