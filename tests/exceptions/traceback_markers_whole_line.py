# No markers when the failing expression is the whole line; trailing spaces and comments
# stay in the printed source line and make the markers appear.
def check(n):
    raise ValueError(n)   # always


def run():
    check(3)


run()
