# flags: --ast
x = -2 ** -3 * 4 + 5 // 6 % 7 - 8 @ m
y = a | b ^ c & d << 1 >> 2
z = not a or b and not c
w = a < b <= c == d != e > f >= g is h is not i in j not in k
v = ~x + +y
