# An exception in a done callback is reported on stderr and the program goes on.
# exit: 0
from concurrent.futures import ThreadPoolExecutor


def bad_callback(f):
    raise ValueError("callback failed")


with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(pow, 2, 8)
    print(f.result())
    f.add_done_callback(bad_callback)
print("after")
