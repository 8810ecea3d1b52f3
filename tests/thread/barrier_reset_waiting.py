# Barrier.reset() while threads wait makes them raise BrokenBarrierError (they do not pass);
# CPython 3.11 accepts any number of parties, and a Barrier(0) never trips.
import threading
import time

barrier = threading.Barrier(3)
results = []


def wait():
    try:
        results.append(("passed", barrier.wait()))
    except threading.BrokenBarrierError:
        results.append("broken")


def stop_two_waiters(stop):
    threads = [threading.Thread(target=wait) for _ in range(2)]
    for t in threads:
        t.start()
    while barrier.n_waiting < 2:
        time.sleep(0.001)
    stop()
    for t in threads:
        t.join()
    print(results, barrier.broken, barrier.n_waiting)


stop_two_waiters(barrier.reset)

# The barrier works again after the reset.
results.clear()
threads = [threading.Thread(target=wait) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))

# Broken by abort(): n_waiting is 0 while broken, the waiters raise.
results.clear()
stop_two_waiters(barrier.abort)

for parties in [0, -1]:
    b = threading.Barrier(parties, timeout=0.01)
    print(b.parties, b.n_waiting, b.broken)
    try:
        b.wait()
    except threading.BrokenBarrierError:
        print("timed out, broken:", b.broken)
