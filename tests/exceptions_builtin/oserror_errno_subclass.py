# OSError(errno, strerror) builds the subclass that the errno names, and keeps a filename
# out of args.
for errno in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 5, 99999):
    e = OSError(errno, "message")
    print(errno, type(e).__name__, e, e.errno, e.strerror, e.args)
e = OSError(2, "No such file", "a.txt")
print(type(e).__name__, repr(e), e, e.args, e.filename, e.filename2)
e = OSError(2, "No such file", "a.txt", None, "b.txt")
print(e, e.filename2)
e = OSError(2, "No such file", None)
print(repr(e), e, e.filename)
print(repr(OSError("plain")), OSError(2), OSError(), OSError("a", "b"))
print(type(OSError(2.0, "x")).__name__, type(OSError(True, "x")).__name__)


class MyError(OSError):
    pass


e = MyError(2, "x", "f")
print(type(e).__name__, repr(e), e)
print(type(FileNotFoundError(13, "x")).__name__)
e = OSError(2, "x")
e.filename = "late"
print(e)
for cls in (BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
            ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, FileExistsError,
            FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError,
            PermissionError, ProcessLookupError, TimeoutError):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
try:
    raise OSError(17, "File exists", "x")
except FileExistsError as e:
    print("caught", e)
