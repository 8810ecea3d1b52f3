# flags: --dis
def counter(start=0):
    n = start
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
