# A property's __doc__: the doc argument, else its getter's docstring; copies made by
# getter/setter/deleter keep an explicit doc and take a new getter's docstring.
def getter(self):
    "getter doc"
    return 1


class C:
    plain = property(getter)
    explicit = property(getter, doc="explicit doc")
    positional = property(None, None, None, "positional doc")
    nodoc = property(lambda self: 2)

    @property
    def decorated(self):
        """decorated doc"""
        return 3

    @decorated.setter
    def decorated(self, value):
        pass


print(C.plain.__doc__)
print(C.explicit.__doc__)
print(C.positional.__doc__)
print(C.nodoc.__doc__)
print(C.decorated.__doc__)
print(property().__doc__)
print(C().plain, C().decorated)
print(C.plain.getter(lambda self: 5).__doc__)
print(C.explicit.setter(lambda self, v: None).__doc__)
print(C.plain.deleter(lambda self: None).__doc__)
