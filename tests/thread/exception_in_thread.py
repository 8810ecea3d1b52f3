# An uncaught exception in a thread is reported on stderr and the program goes on.
# exit: 0
import threading

def boom():
    raise ValueError("boom")

t = threading.Thread(target=boom, name="worker-1")
t.start()
t.join()
print("main continues", t.is_alive())
