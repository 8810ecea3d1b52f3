# __repr__ and __str__: print, str(), repr(), f-strings, containers, and the fallbacks.
class R:
    def __repr__(self):
        return "R()"


class S:
    def __str__(self):
        return "an S"


class Both:
    def __repr__(self):
        return "Both<repr>"

    def __str__(self):
        return "Both<str>"


print(R(), str(R()), repr(R()), [R(), R()], f"{R()}", f"{R()!r}")
print(S(), str(S()), repr(S()).startswith("<__main__.S object"))
print(Both(), repr(Both()), [Both()], (Both(),), {1: Both()}, f"{Both()!s} {Both()!r}")


class Bad:
    def __repr__(self):
        return 42


try:
    repr(Bad())
except TypeError as e:
    print("TypeError:", e)
