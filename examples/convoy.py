# The convoy effect: one CPU-bound thread slows down an I/O-bound thread that makes many short
# blocking calls.
#
# Each time the I/O thread's call returns, it needs the GIL back to run its next line. The
# CPU thread holds it and drops it only when asked: the I/O thread waits for the switch
# interval (5 ms), sets the drop request, and gets the GIL at the CPU thread's next safe
# point. So under a GIL every 1 ms call costs about 6 ms: 200 calls take about 1.2 s instead
# of 0.2 s. Without a GIL the I/O thread never waits for the CPU thread.
#
# The CPU thread spins until the I/O thread is done, so the wall time is the I/O thread's.
# Compare `build/minipy -X gilstats examples/convoy.py`: the I/O thread's waits.
import threading
import time

CALLS = 200
done = False


def spin():
    x = 0
    while not done:
        x += 1


def io_work():
    global done
    for _ in range(CALLS):
        time.sleep(0.001)
    done = True


cpu = threading.Thread(target=spin)
io = threading.Thread(target=io_work)
cpu.start()
io.start()
io.join()
cpu.join()
print(f"the I/O thread made {CALLS} blocking calls while a CPU-bound thread ran")
