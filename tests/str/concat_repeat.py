# + and * on strings, augmented assignment, empty and non-ASCII operands.
a = "ab"
b = "\u00e9"
print(a + b, b + a, a + "", "" + a, len(a + b))
print(a * 3, 3 * a, a * 0, a * -2, repr("" * 5), b * 4, len(b * 4))
print(a * True, a * False)
s = ""
for i in range(5):
    s += str(i)
s *= 2
print(s)
t = "x"
t += "\u20ac"
print(t, len(t))
print("-" * 20)
