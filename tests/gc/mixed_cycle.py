# A cycle through several kinds of containers: list -> tuple -> dict -> set-held tuple ->
# function attribute -> list. Only the mutable ones break it; everything is freed.
import gc


def f():
    pass


gc.collect()
l = []
t = (l, 1, "x")
d = {"t": t}
f.d = d
l.append(f)
s = {(1, 2)}
d["s"] = s
del l, t, d, s
print(gc.collect())
del f
print(gc.collect())
