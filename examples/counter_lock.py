# The shared counter of counter_race.py, with a lock: no update is lost under any build, and
# the output is the same every time. The lock makes the read-add-write one step as far as the
# other threads can see. Under a GIL it costs little; without one it also keeps threads from
# running the increment in parallel: the counting itself is serialized again.
import threading

THREADS = 4
N = 300_000
counter = 0
lock = threading.Lock()


def bump(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=bump, args=(N,)) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{THREADS} threads x {N:,} increments under a lock: counter = {counter:,}")
print("lost updates:", "yes" if counter < THREADS * N else "no")
