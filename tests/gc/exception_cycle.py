# An exception instance that refers to itself through an attribute, and one kept in a list it
# holds in its args.
import gc


class E(Exception):
    pass


gc.collect()
e = E("boom")
e.me = e
del e
print(gc.collect())
box = []
err = ValueError(box)
box.append(err)
del box, err
print(gc.collect())
