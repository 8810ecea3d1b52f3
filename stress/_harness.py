# The common part of the stress programs (stress/*.py). Called as
#   PROGRAM [THREADS [ROUNDS [SEED]]]
# a program's run(step, ops, xs) starts THREADS threads together; each calls step(op, x, k)
# ROUNDS times, with op drawn from range(ops) and x from range(xs) by the random module
# (seeded per thread from SEED), and ignores the errors an operation may meet when another
# thread changed the data under it. Then it prints ok: the check is that nothing crashed,
# hung or printed anything else.
import random
import sys
import threading

IGNORED = (ValueError, KeyError, IndexError, AttributeError, RuntimeError, TypeError, StopIteration,
           ZeroDivisionError)


def run(step, ops, xs=100):
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    start = threading.Barrier(nthreads)

    def worker(thread_seed):
        random.seed(thread_seed)
        start.wait()
        for k in range(rounds):
            op = random.randrange(ops)
            x = random.randrange(xs)
            try:
                step(op, x, k)
            except IGNORED:
                pass

    threads = [threading.Thread(target=worker, args=(i + seed * 100,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("ok")
