# exit: 0
# Generators still suspended in module globals when the program ends are closed then, as
# CPython's finalize_modules does: in the order the names were bound, and what lists and tuples
# hold after every other global. An exception raised while closing is reported, without the
# source line, and the exit status stays 0.
def gen(name):
    try:
        yield 1
    finally:
        print("cleanup", name)


def raising():
    try:
        yield 1
    finally:
        raise ValueError("boom")


a = gen("a"); next(a)
held = [gen("in a list")]; next(held[0])
b = gen("b"); next(b)
_u = gen("_u"); next(_u)
pair = (gen("in a tuple"),); next(pair[0])
__d = gen("__d"); next(__d)


class Box:
    pass


box = Box()
box.g = gen("attribute"); next(box.g)
r = raising(); next(r)
print("end")
