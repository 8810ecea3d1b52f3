class CM:
    def __enter__(self):
        return 1

    def __exit__(self, *args):
        print(args)
        return True


with CM() as v:
    print(v)
