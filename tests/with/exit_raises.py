class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise KeyError("from exit")


try:
    with CM():
        raise ValueError("body")
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))
try:
    with CM():
        pass
except KeyError as e:
    print("caught", repr(e), e.__context__)
