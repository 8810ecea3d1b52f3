import os
import os.path
print(type(os.getpid()).__name__, os.getpid() > 0)
print(os.cpu_count() >= 1)
print(hasattr(os.environ, "get"), "PATH" in os.environ)
print(os.path.join("a", "b", "c"), os.path.join("/x", "/y", "z"), os.path.join("a/", "b"), os.path.join("a", ""))
print(os.path.exists(__file__), os.path.exists("/no/such/file/here"))
print(os.path.basename("/a/b/c.py"), os.path.dirname("/a/b/c.py"), os.path.splitext("x/y.tar.gz"))
print(os.sep, os.path is os.path)
