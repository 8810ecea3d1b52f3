# Thread names, idents, is_alive, join with a timeout, current_thread and enumerate.
import threading
import _thread

print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.get_ident() == _thread.get_ident() == threading.main_thread().ident)
stop = threading.Event()
info = {}

def work():
    me = threading.current_thread()
    info["name"] = me.name
    info["ident"] = me.ident == threading.get_ident()
    info["native"] = me.native_id == threading.get_native_id()
    stop.wait()

t = threading.Thread(target=work)
print(t.ident, t.is_alive())
t.start()
t.join(0.01)
print(t.is_alive(), threading.active_count(), t in threading.enumerate())
stop.set()
t.join()
print(t.is_alive(), threading.active_count(), info)
n = threading.Thread(target=len, args=([],), name="custom")
print(n.name, n.daemon)
n.start()
n.join()
try:
    n.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.Thread(target=print, kwargs={"sep": "-"}).name.startswith("Thread-"))
