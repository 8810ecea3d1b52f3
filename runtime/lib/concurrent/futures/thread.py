"""concurrent.futures.thread: ThreadPoolExecutor, after CPython's.

Work items go through a queue.SimpleQueue to worker threads, started one per submit until
max_workers unless an idle worker is waiting (an idle semaphore counts them). None in the
queue wakes a worker to check for shutdown; it passes the None on so that every worker sees
it. Workers are non-daemon threads: at exit a threading._register_atexit call wakes them and
joins them, as CPython's. minipy has no weak references: a worker holds its executor, so an
executor dropped without shutdown() keeps its idle workers until the program exits.
"""

import os
import queue
import threading

from concurrent.futures import _base

# The workers of every executor (thread -> its work queue), for _python_exit; a worker removes
# itself when it ends. Guarded by _global_shutdown_lock, as _shutdown.
_threads_queues = {}
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException as exc:
                _base._log_exception('Exception in initializer:', exc)
                executor._initializer_failed()
                return
        try:
            while True:
                work_item = work_queue.get(block=True)
                if work_item is not None:
                    work_item.run()
                    del work_item
                    executor._idle_semaphore.release()
                    continue
                # Exit if the interpreter or the executor is shutting down, passing the
                # wake-up on to the other workers.
                if _shutdown or executor._shutdown:
                    executor._shutdown = True
                    work_queue.put(None)
                    return
        except BaseException as exc:
            _base._log_exception('Exception in worker', exc)
    finally:
        with _global_shutdown_lock:
            _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


_counter_lock = threading.Lock()
_counter_next = 0


def _next_pool_number():
    global _counter_next
    with _counter_lock:
        n = _counter_next
        _counter_next += 1
    return n


class ThreadPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        """max_workers defaults to min(32, os.cpu_count() + 4); worker threads are named
        THREAD_NAME_PREFIX_N (ThreadPoolExecutor-K_N by default)."""
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _next_pool_number())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs): a Future for its result."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker takes the item: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _take_pending(self):
        """Takes the work items not started yet off the queue (not the None wake-ups)."""
        while True:
            try:
                work_item = self._work_queue.get_nowait()
            except queue.Empty:
                return
            if work_item is not None:
                yield work_item

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool is not usable anymore')
            for work_item in self._take_pending():
                work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No new calls; with [wait], returns when the pending ones have run. With
        [cancel_futures], the calls not started are cancelled."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for work_item in self._take_pending():
                    work_item.future.cancel()
            # Wakes the workers blocked in get().
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
