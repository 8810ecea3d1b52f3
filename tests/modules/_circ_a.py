import _circ_b
A = "a"


def get_b():
    return _circ_b.B
