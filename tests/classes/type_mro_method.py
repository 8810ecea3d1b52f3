# type.mro(): the C3 order as a list, the same as list(C.__mro__).
class X: pass
class Y(X): pass
class Z(X): pass
class W(Y, Z): pass
print([k.__name__ for k in W.mro()])
print(W.mro() == list(W.__mro__), type(W.mro()).__name__)
print(type.mro(W) == W.mro())
print(bool.mro())
print(X.mro())
