# Class attributes shared by instances, shadowing by instance attributes, class attributes
# added and removed after creation, __dict__ and vars().
class Config:
    items = []
    level = 1

    def add(self, x):
        self.items.append(x)


a, b = Config(), Config()
a.add(1)
b.add(2)
print(Config.items, a.items is b.items)
a.level = 5
print(a.level, b.level, Config.level)
Config.level = 9
print(a.level, b.level)
Config.extra = "new"
print(a.extra, hasattr(Config, "extra"))
del Config.extra
print(hasattr(a, "extra"))
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
print(vars(a), a.__dict__)
Config.add = lambda self, x: self.items.insert(0, x)
a.add(0)
print(Config.items)
try:
    del Config.nothing
except AttributeError as e:
    print("AttributeError:", e)
