# The standard package concurrent.futures (embedded): every import form, its submodules,
# and a missing submodule.
import concurrent.futures
print(concurrent.futures.__name__, type(concurrent.futures.Future).__name__)
import concurrent.futures as cf
print(cf is concurrent.futures)
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, Future
print(Future is cf.Future, ThreadPoolExecutor.__module__, Future.__module__)
from concurrent import futures
print(futures is cf)
import concurrent
print(concurrent.futures is cf, hasattr(concurrent, "__path__"))
import sys
print("concurrent.futures._base" in sys.modules, "concurrent.futures.thread" in sys.modules)
try:
    import concurrent.nothing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from concurrent.futures import nothing
except ImportError as e:
    print(type(e).__name__ + ":", str(e).split(" (")[0])
