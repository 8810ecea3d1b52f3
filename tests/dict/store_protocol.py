# Dict stores and lookups around Python code: a replaced value's cleanup may use the dict,
# and a stored key of a user class with the same hash as a str or int is compared through
# its __eq__, as CPython does.
def watcher(d, name):
    try:
        yield
    finally:
        print("closed", name, sorted(d, key=repr))
        d["from_" + name] = len(d)


def started(d, name):
    g = watcher(d, name)
    next(g)
    return g


d = {}
d["k"] = started(d, "first")
d["k"] = 1                      # the generator is closed: its finally block stores into d
print(sorted(d.items()))
d[(1, 2)] = started(d, "second")
d[(1.0, 2)] = "tuple"           # an equal key: replaces the value, closing it
print(sorted(d, key=repr))


class SameHash:
    def __init__(self, like):
        self.like = like

    def __hash__(self):
        return hash(self.like)

    def __eq__(self, other):
        print("eq called with", repr(other))
        return other == self.like


e = {SameHash("a"): "user", SameHash(7): "user7"}
print(e.get("a"), e.get(7), e.get("b"), e.get(8))
e["a"] = "replaced"             # equal to the stored SameHash("a"): replaces its value
e[7] = "replaced7"
print(len(e), sorted(e.values()))
print("a" in e, 7 in e, (7,) in e)
