# Releasing an unlocked lock raises RuntimeError.
import threading

lock = threading.Lock()
lock.release()
