# Comparing deeply nested lists, tuples and dicts counts one level of recursion per nested
# comparison, as CPython's PyObject_RichCompare: RecursionError "in comparison" past
# sys.getrecursionlimit(), never a C stack overflow, and the same deepest nesting that works.
import sys


def lists(n, leaf):
    a = leaf
    for _ in range(n):
        a = [a]
    return a


def tuples(n, leaf):
    a = leaf
    for _ in range(n):
        a = (a,)
    return a


def dicts(n, leaf):
    a = leaf
    for _ in range(n):
        a = {0: a}
    return a


def attempt(name, fn):
    try:
        print(name, fn())
    except RecursionError as e:
        print(name, type(e).__name__, e)


shared = []
for make in (lists, tuples, dicts):
    for n in (10, 2000, 10000, 50000):
        a, b = make(n, shared), make(n, shared)
        attempt(f"{make.__name__} {n} ==", lambda: a == b)
        attempt(f"{make.__name__} {n} !=", lambda: a != b)
    a, b = make(50000, 1), make(50000, 2)
    attempt(f"{make.__name__} leaves differ ==", lambda: a == b)

for n in (10, 5000, 50000):
    a, b = lists(n, 1), lists(n, 2)
    attempt(f"lists {n} <", lambda: a < b)
    attempt(f"lists {n} >=", lambda: a >= b)
    a, b = tuples(n, 1), tuples(n, 2)
    attempt(f"tuples {n} <", lambda: a < b)

a, b = lists(50000, shared), lists(50000, shared)
attempt("in", lambda: a in [b])
attempt("index", lambda: [b].index(a))
attempt("count", lambda: [b, b].count(a))


# The deepest nesting that still compares: one level per container, one for the leaves.
def deepest(make, leaf_a, leaf_b, op):
    for n in range(sys.getrecursionlimit(), 0, -1):
        a, b = make(n, leaf_a), make(n, leaf_b)
        try:
            op(a, b)
            return n
        except RecursionError:
            pass


print(deepest(lists, shared, shared, lambda a, b: a == b))
print(deepest(lists, 1, 2, lambda a, b: a == b))
print(deepest(lists, "x", "y", lambda a, b: a < b))
print(deepest(tuples, 1, 1, lambda a, b: a == b))
print(deepest(dicts, 1, 2, lambda a, b: a != b))
sys.setrecursionlimit(200)
print(deepest(lists, 1, 2, lambda a, b: a == b))
