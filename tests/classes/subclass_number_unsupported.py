# minipy's ints and floats are values, not objects, so it refuses to subclass them with a clear
# error (CPython allows it). float used to slip through and X(1.5) made a plain float, silently.
# The .err is hand-written: this is minipy's own message.
for base in (int, float):
    try:
        class X(base):
            pass
    except TypeError as e:
        print(e)
    else:
        print("subclassed", base.__name__, type(X(1)).__name__)


class Y(float):
    pass
