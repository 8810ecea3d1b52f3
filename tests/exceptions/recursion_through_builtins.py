# Unbounded recursion that re-enters the interpreter through built-in code (repr, ==, hash,
# sorted's key, map, property, __getattr__, ...) raises RecursionError, never overflows the C
# stack, and leaves the program able to go on.
import functools


def attempt(name, fn):
    try:
        fn()
        print(name, "returned")
    except RecursionError as e:
        print(name, type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))


class Repr:
    def __repr__(self):
        return repr(self)


class Str:
    def __str__(self):
        return str(self)


class Eq:
    def __eq__(self, other):
        return self == other


class Lt:
    def __lt__(self, other):
        return sorted([self, other])


class Hash:
    def __hash__(self):
        return hash(self)


class Len:
    def __len__(self):
        return len(self)


class Bool:
    def __bool__(self):
        return bool(self)


class GetAttr:
    def __getattr__(self, name):
        return self.missing


class GetItem:
    def __getitem__(self, i):
        return self[i]


class Contains:
    def __contains__(self, x):
        return x in self


class Iter:
    def __iter__(self):
        return iter(self)


class Call:
    def __call__(self):
        return self()


class Add:
    def __add__(self, other):
        return self + other


class Prop:
    @property
    def p(self):
        return self.p


class Init:
    def __init__(self):
        Init()


class Enter:
    def __enter__(self):
        with Enter():
            pass

    def __exit__(self, *args):
        return False


def key(x):
    return sorted([1, 2], key=key)


def through_max(x):
    return max([x], key=through_max)


def through_map(x):
    return list(map(through_map, [x]))


def through_filter(x):
    return list(filter(through_filter, [x]))


def through_reduce(x):
    return functools.reduce(lambda a, b: through_reduce(a), [1, 2])


def through_yield_from(x):
    yield from through_yield_from(x)


attempt("repr", lambda: repr(Repr()))
attempt("repr in a list", lambda: repr([Repr()]))
attempt("str", lambda: str(Str()))
attempt("f-string", lambda: f"{Str()}")
attempt("print", lambda: print(Str()))
attempt("eq", lambda: Eq() == Eq())
attempt("list eq", lambda: [Eq()] == [Eq()])
attempt("lt", lambda: sorted([Lt(), Lt()]))
attempt("hash", lambda: hash(Hash()))
attempt("dict key", lambda: {Hash(): 1})
attempt("len", lambda: len(Len()))
attempt("bool", lambda: bool(Bool()))
attempt("if", lambda: 1 if Bool() else 0)
attempt("getattr", lambda: GetAttr().x)
attempt("getitem", lambda: GetItem()[0])
attempt("contains", lambda: 1 in Contains())
attempt("iter", lambda: iter(Iter()))
attempt("for", lambda: [x for x in Iter()])
attempt("call", lambda: Call()())
attempt("add", lambda: Add() + 1)
attempt("property", lambda: Prop().p)
attempt("init", lambda: Init())
attempt("with", lambda: Enter().__enter__())
attempt("sorted key", lambda: key(0))
attempt("max key", lambda: through_max(0))
attempt("map", lambda: through_map(0))
attempt("filter", lambda: through_filter(0))
attempt("reduce", lambda: through_reduce(0))
attempt("yield from", lambda: next(through_yield_from(0)))
print("still running:", sum(range(10)))
