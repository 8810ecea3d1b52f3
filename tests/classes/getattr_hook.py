# __getattr__ is called only for missing attributes; getattr/hasattr/setattr/delattr.
class Proxy:
    def __init__(self, target):
        self.target = target

    def __getattr__(self, name):
        if name.startswith("x"):
            raise AttributeError(f"no {name} here")
        return getattr(self.target, name)


p = Proxy([3, 1, 2])
print(p.count(1), p.index(2), p.target)
print(hasattr(p, "append"), hasattr(p, "xyz"), getattr(p, "xq", "default"))
try:
    p.xval
except AttributeError as e:
    print("AttributeError:", e)


class Obj:
    pass


o = Obj()
setattr(o, "a", 1)
print(getattr(o, "a"), hasattr(o, "a"), hasattr(o, "b"), getattr(o, "b", None))
delattr(o, "a")
print(hasattr(o, "a"))
try:
    delattr(o, "a")
except AttributeError as e:
    print("AttributeError:", e)
try:
    o.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Obj.missing
except AttributeError as e:
    print("AttributeError:", e)
