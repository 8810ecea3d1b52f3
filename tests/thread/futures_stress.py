# Many threads submit to one pool at once while callbacks and waiters run: every call runs
# exactly once and every result and callback arrives.
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

pool = ThreadPoolExecutor(max_workers=4)
counts = {}
lock = threading.Lock()


def work(k):
    with lock:
        counts[k] = counts.get(k, 0) + 1
    return k * 2


def submitter(base, out):
    fs = [pool.submit(work, base + i) for i in range(200)]
    callbacks = []
    for f in fs:
        f.add_done_callback(lambda f: callbacks.append(f.result()))
    out.append(sum(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs)
    out.append((len(done), len(not_done)))
    out.append(callbacks)
    out.append(sorted(f.result() for f in fs))


outs = [[] for _ in range(6)]
threads = [threading.Thread(target=submitter, args=(1000 * n, outs[n])) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Joining the workers makes sure every done callback has run.
pool.shutdown()
print([o[:2] for o in outs])
print(all(sorted(o[2]) == o[3] for o in outs))
print(len(counts), set(counts.values()))
print(sum(o[0] for o in outs) == 2 * sum(counts))
