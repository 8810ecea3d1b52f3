it = iter([1, 2])
print(next(it), next(it))
print(next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
print(iter(it) is it)
calls = [3, 2, 1, 0, 5]
def pop():
    return calls.pop(0)
print(list(iter(pop, 0)))
print(calls)
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
