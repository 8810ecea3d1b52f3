from _circ_y import Y
X = 1
