def gen():
    try:
        yield 1
        return "early"
    finally:
        print("finally runs")


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print([x for x in gen()])
