# bool is an int subclass: arithmetic gives ints, & | ^ between bools give bools.
print(True + True, True * 3, -True, ~False, True / 2, True // 1, True & True, True | False, True ^ True)
print(True & 1, False | 0, True ^ 2, True == 1, False == 0, isinstance(True, int))
print(bool(), bool(0), bool(1), bool(""), bool("a"), bool([]), bool(0.0), bool(2 ** 100))
print(repr(True), str(False), int(True), float(False), {True: "a", 1: "b"})
