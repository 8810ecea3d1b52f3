# Stress: threads share a Lock, RLock, Condition, Semaphores, an Event and queues, and wait
# on them with short timeouts.
# Usage: PROGRAM [THREADS [ROUNDS [SEED]]] (stress/_harness.py); run by scripts/stress.
import _harness
import queue
import threading
import time

lock = threading.Lock()
rlock = threading.RLock()
cond = threading.Condition()
sem = threading.Semaphore(2)
bsem = threading.BoundedSemaphore(3)
ev = threading.Event()
q = queue.Queue(maxsize=5)
lq = queue.LifoQueue()
counter = [0]
items = []


def step(op, x, k):
    try:
        if op == 0:
            if lock.acquire(timeout=0.001):
                counter[0] += 1
                lock.release()
        elif op == 1:
            with rlock:
                with rlock:
                    counter[0] += 0
        elif op == 2:
            with cond:
                items.append(k)
                cond.notify()
        elif op == 3:
            with cond:
                cond.wait_for(lambda: items, timeout=0.001)
                if items:
                    items.pop()
        elif op == 4:
            if sem.acquire(timeout=0.001):
                sem.release()
        elif op == 5:
            with bsem:
                pass
        elif op == 6: ev.set() if k % 2 else ev.clear()
        elif op == 7: ev.wait(0.0005)
        elif op == 8: q.put(k, timeout=0.001)
        elif op == 9: q.get(timeout=0.001)
        elif op == 10: lq.put_nowait(k) if lq.qsize() < 50 else lq.get_nowait()
        elif op == 11: lock.locked()
        elif op == 12:
            with cond:
                cond.notify_all()
        elif op == 13: time.sleep(0)
    except (queue.Empty, queue.Full):
        pass


_harness.run(step, 14)
