# Imported by tests/thread/import_race.py from 4 threads at once; counts its runs in an
# attribute of the threading module.
import threading
import time

threading.slow_module_runs = getattr(threading, "slow_module_runs", 0) + 1
time.sleep(0.05)
READY = "ready"
