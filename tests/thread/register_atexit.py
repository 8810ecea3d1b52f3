# threading._register_atexit: the calls run at exit, last registered first, with their
# arguments, before the non-daemon threads are joined; registering then is an error.
import threading

stop = threading.Event()


def bye(who, punct="!"):
    print("bye", who + punct)
    try:
        threading._register_atexit(print, "too late")
    except RuntimeError as e:
        print("RuntimeError:", e)


def worker():
    stop.wait()
    print("worker stopped")


threading.Thread(target=worker).start()
threading._register_atexit(stop.set)
threading._register_atexit(bye, "first")
threading._register_atexit(bye, "second", punct="?")
print("main done")
