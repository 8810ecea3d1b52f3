# Executor.map: results in the order of the inputs whatever the finishing order, several
# iterables, and a call's exception raised when the iteration reaches it.
import time
from concurrent.futures import ThreadPoolExecutor


def slow_square(x):
    time.sleep(0.002 * (10 - x))
    return x * x


def div(a, b):
    return a // b


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(slow_square, range(10))))
    print(list(ex.map(div, [10, 20, 30], [1, 2, 3, 4])))
    print(list(ex.map(div, [], [])))
    it = ex.map(div, [6, 8, 1, 9], [3, 2, 0, 3])
    print(next(it), next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    results = ex.map(str.upper, ["a", "b", "c"])
    print(type(results).__name__, list(results))
    print(sum(ex.map(lambda x: x + 1, range(1000))))
