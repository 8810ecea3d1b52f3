# A daemon thread blocked forever does not keep the process alive; a non-daemon thread does.
import threading
import time

forever = threading.Event()
d = threading.Thread(target=forever.wait, daemon=True)
d.start()
done = []

def slow():
    time.sleep(0.05)
    done.append(1)
    print("non-daemon finished")

threading.Thread(target=slow).start()
print("main done", d.daemon, d.is_alive())
