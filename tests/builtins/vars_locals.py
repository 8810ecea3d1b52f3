# vars() without an argument and locals(): a function's bound local, cell and free
# variables (a new dict), a class body's namespace, the globals at module level.
def f(x):
    y = 2
    return vars()


print(f(1))


def g(a, b=3, *args, k=4, **kw):
    c = 1

    def inner():
        z = 5
        print('inner', locals(), vars())
        return a + c
    d = [n for n in range(2) if print('comp', sorted(locals())) is None]
    inner()
    print('g', sorted(locals().items(), key=lambda kv: kv[0])[:4], list(locals()))
    del c
    print('g2', list(vars()))


g(1, 2, 9, q=1)


class C:
    x = 1
    print(sorted(vars()), sorted(locals()))
    print(vars() is locals())

    def m(self):
        return locals()


print(C().m().keys(), vars(C)['x'])
print(vars() is globals(), locals() is globals())
print(sorted(k for k in vars() if not k.startswith('__')))


def h():
    u = 1
    snap = locals()
    snap['u'] = 99  # a copy: the variable keeps its value
    return u, snap


print(h())


def gen():
    q = 1
    yield sorted(locals())


print(list(gen()))


def unbound():
    print(locals())
    w = 1


unbound()


class B:
    def m(self):
        super()
        return locals()


print(list(B().m()))
