import sys


class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit sees", sys.exc_info()[0])
        return True


with CM():
    raise ValueError
print("after", sys.exc_info())
