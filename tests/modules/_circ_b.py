import _circ_a
print("_circ_a is partially initialised:", hasattr(_circ_a, "A"))
B = "b"


def get_a():
    return _circ_a.A
