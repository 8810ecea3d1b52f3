class OnlyEnter:
    def __enter__(self):
        return self


class OnlyExit:
    def __exit__(self, *a):
        pass


for obj in (1, OnlyExit(), OnlyEnter()):
    try:
        with obj:
            pass
    except TypeError as e:
        print(e)
