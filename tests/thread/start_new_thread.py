# _thread.start_new_thread and allocate_lock: the low-level API.
import _thread

done = _thread.allocate_lock()
done.acquire()
out = []

def work(a, b, c=0):
    out.append(a + b + c)
    done.release()

ident = _thread.start_new_thread(work, (1, 2), {"c": 3})
done.acquire()
print(out, type(ident).__name__)
