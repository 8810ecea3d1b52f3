# A pool never shut down: the program still runs its queued calls and exits (the workers are
# woken at exit and joined).
import threading
from concurrent.futures import ThreadPoolExecutor

main_done = threading.Event()


def late(i):
    main_done.wait()
    print("late", i, flush=True)


ex = ThreadPoolExecutor(max_workers=1)
ex.submit(late, 1)
ex.submit(late, 2)
print("main done", flush=True)
main_done.set()
