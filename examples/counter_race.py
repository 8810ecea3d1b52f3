# A shared counter without a lock. `counter += 1` is three steps (read, add, write); when two
# threads interleave them, one thread's update is lost.
#
# Under minipy's GIL a thread switch happens only at a safe point (a backward jump or a call),
# so `counter += 1` alone in a loop never loses an update here: the switch comes after the
# write. That is an accident of the implementation, not a guarantee: put a call between the
# read and the write, as `counter = plus_one(counter)` does, and updates are lost even with
# the GIL. Without a GIL (free-threaded) both lose updates, often many.
#
# The fix is a lock: see counter_lock.py. The output says only whether updates were lost: the
# count itself changes from run to run.
import threading

THREADS = 4
N = 1_500_000
counter = 0


def plus_one(n):
    return n + 1


def bump_inline(n):
    global counter
    for _ in range(n):
        counter += 1


def bump_with_call(n):
    global counter
    for _ in range(n):
        counter = plus_one(counter)


def run(target):
    global counter
    counter = 0
    threads = [threading.Thread(target=target, args=(N,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


print(f"{THREADS} threads each add 1 to a shared counter {N:,} times, without a lock:")
for name, target in [("counter += 1", bump_inline), ("counter = plus_one(counter)", bump_with_call)]:
    total = run(target)
    print(f"  {name:28} lost updates: {'yes' if total < THREADS * N else 'no'}")
