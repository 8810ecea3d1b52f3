def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit raised")
        raise
    finally:
        print("finally")


g = gen()
print(next(g))
print(g.close())
print(g.close())
try:
    next(g)
except StopIteration:
    print("exhausted")
g = gen()
g.close()
print("closed before start")
