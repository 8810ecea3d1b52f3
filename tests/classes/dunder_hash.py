# __hash__: custom hashes in dicts and sets, __eq__ without __hash__ makes a class
# unhashable, and the default identity hash.
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, len({Key(1), Key(1), Key(3)}))


class NoHash:
    def __eq__(self, other):
        return True


print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)


class Ident:
    pass


i = Ident()
print(hash(i) == hash(i), {i: 1}[i])


class BadHash:
    def __hash__(self):
        return "x"


try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
