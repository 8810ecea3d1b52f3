# An AttributeError raised by a class's __getattr__ carries no name, but CPython 3.11 gives
# it the attribute's name and object on the way out, so the traceback still suggests one.
class Config:
    def __init__(self):
        self.value = 1

    def __getattr__(self, name):
        raise AttributeError(f"no setting {name}")


c = Config()
try:
    c.valeu
except AttributeError as e:
    print(e, e.name, e.obj is c)
c.valeu
