# exit: 0
# Thread(args=..., kwargs=...) are passed as target(*args, **kwargs): any iterable and any
# mapping work, others fail in the thread with CPython's errors (kwargs=5 crashed minipy).
import threading
class M:
    def keys(self): return ['sep']
    def __getitem__(self, k): return '-'
for kw in (5, [('a', 1)], M(), {'sep': '+'}):
    t = threading.Thread(target=print, args=(1, 2), kwargs=kw)
    t.start(); t.join()
t = threading.Thread(target=print, args=range(3)); t.start(); t.join()
t = threading.Thread(target=print, args="ab"); t.start(); t.join()
t = threading.Thread(target=print, args=5); t.start(); t.join()
