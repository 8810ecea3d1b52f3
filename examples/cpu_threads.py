# CPU-bound threads: two threads each run a pure-Python loop, sharing nothing.
#
# Under a GIL (minipy, minipy-ft -X gil=1) only the thread holding the GIL runs bytecode. The
# other waits; after the switch interval (5 ms) it asks the holder to drop the GIL, and they
# take turns. Two threads take as long as doing the work twice in a row, using one core.
# Free-threaded (minipy-ft without its GIL) each thread runs on its own core: about twice as
# fast on a 2-core machine.
#
#   build/minipy compare --timeline build/timelines examples/cpu_threads.py
import threading

N = 20_000_000
THREADS = 2


# Small numbers on purpose: they are unboxed values, so the loop measures the interpreter, not
# the allocation of big integers.
def work(n):
    total = 0
    for i in range(n):
        total += (i * 7 + 3) % 11
    return total


results = [0] * THREADS


def worker(k):
    results[k] = work(N)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{THREADS} threads each summed {N:,} terms: {results}")
