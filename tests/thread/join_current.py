# A thread can not join itself.
import threading

threading.current_thread().join()
