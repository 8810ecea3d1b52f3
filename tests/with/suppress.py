class Suppress:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if t is not None:
            print("exit got", t.__name__, v, type(tb).__name__)
        return True


with Suppress():
    raise ValueError("hidden")
print("continued")
for i in range(3):
    with Suppress():
        if i == 1:
            raise KeyError(i)
        print("i", i)
