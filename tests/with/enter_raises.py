class CM:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *args):
        print("exit must not run")


try:
    with CM():
        print("body must not run")
except RuntimeError as e:
    print("caught", e)
