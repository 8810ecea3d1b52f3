# exit: 0
# An exception raised while a collected generator closes is reported as CPython's unraisable
# hook does: "Exception ignored in:", then its own traceback only, without the GeneratorExit
# it was raised while handling.
def gen():
    try:
        yield 1
    finally:
        raise ValueError("boom")


g = gen()
next(g)
g = None
print("after")
