# Attribute and global lookups look str names up in dicts; a key of another type with the same
# hash must still be compared with its own __eq__, as CPython does.
class Name:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        print("Name.__eq__", self.text, other)
        return other == self.text


class Box:
    pass


b = Box()
b.__dict__[Name("colour")] = "blue"
print(b.colour)
print(getattr(b, "size", "no size"))

g = globals()
g[Name("answer")] = 42
print(answer)
d = {Name("k"): 1}
print(d["k"], "k" in d, d.get("z"))
