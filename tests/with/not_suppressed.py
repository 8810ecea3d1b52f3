class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit", t.__name__, v)
        return None


with CM():
    raise ValueError("propagates")
