import _circ_a
print(_circ_a.get_b(), _circ_a._circ_b.get_a())
