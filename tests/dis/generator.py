# flags: --dis
def gen(it):
    got = yield 1
    r = yield from it
    return got, r


total = sum(x * 2 for x in range(3))
