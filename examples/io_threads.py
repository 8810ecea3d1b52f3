# I/O-bound threads: four threads each wait ten times for 0.1 s (time.sleep stands for a
# network or disk request).
#
# A blocking call releases the GIL (vm::GilRelease), so while one thread sleeps the others
# run: the four threads overlap and the program takes about 1 s, not 4 s, under every build.
# This is why threads help I/O-bound Python programs even with a GIL.
import threading
import time

THREADS = 4
CALLS = 10
DELAY = 0.1


def fetch(k):
    for _ in range(CALLS):
        time.sleep(DELAY)


start = time.monotonic()
threads = [threading.Thread(target=fetch, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
serial = THREADS * CALLS * DELAY
print(f"{THREADS} threads x {CALLS} calls of {DELAY} s: {serial:.0f} s of waiting in all")
print("the waits overlapped:", elapsed < serial / 2)
