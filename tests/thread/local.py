# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
seen = {}

def worker(k):
    print_missing = not hasattr(data, "x")
    data.x = k
    for _ in range(1000):
        data.x = data.x + 0
    seen[k] = (print_missing, data.x)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(data.x)
print(sorted(seen.items()))
