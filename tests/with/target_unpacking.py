class CM:
    def __enter__(self):
        return (1, [2, 3])

    def __exit__(self, *a):
        return False


with CM() as (a, [b, c]):
    print(a, b, c)
d = {}
with CM() as d["k"]:
    pass
print(d)
