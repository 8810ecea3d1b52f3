import time
t0 = time.time()
p0 = time.perf_counter()
n0 = time.perf_counter_ns()
m0 = time.monotonic()
c0 = time.process_time()
time.sleep(0.05)
print(type(t0).__name__, t0 > 1.6e9)
print(time.perf_counter() - p0 >= 0.04, time.monotonic() - m0 >= 0.04)
print(type(n0).__name__, time.perf_counter_ns() - n0 >= 40_000_000)
print(time.process_time() >= c0)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    time.sleep("1")
except TypeError as e:
    print(e)
