# A class without __class_getitem__ is not subscriptable (CPython's message names the type), and
# a lambda or def inside a comprehension has the comprehension in its qualname, without
# <locals> (CPython's compiler_set_qualname).
class C: pass
try: C[0]
except TypeError as e: print(e)
print([lambda: 0 for _ in [1]][0].__qualname__)
def f():
    return [lambda: 0 for _ in [1]][0].__qualname__, (lambda: 0).__qualname__, [[lambda: 1 for _ in [1]] for _ in [1]][0][0].__qualname__
print(f())
g = (lambda: 0 for _ in [1])
print(next(g).__qualname__, {k: (lambda: 0) for k in [1]}[1].__qualname__)
class K:
    fs = [lambda: 0 for _ in [1]]
print(K.fs[0].__qualname__)
