# str.format: automatic and manual numbering, names, attributes, items, conversions, nesting.
print("{} and {}".format("a", "b"), "{1} {0} {1}".format(1, 2), "{x}-{y}".format(x=1, y=2))
print("{0.real} {0.imag} {a.real}".format(5, a=7), "{0[1]} {1[a]} {0[0]}".format([1, 2], {"a": 3}))
print("{:{w}.{p}f}|{:>{}}|".format(3.14159, "r", 4, w=10, p=2), "{{}} {{{}}}".format(1))
print("{0!r:>5}|{0!s}|{0!a}".format("é"), "{:=^10}".format("hi"), "{:,d}".format(-1234567))
print("{0:{1}}".format(3.14159, ".3"), "{:%}".format(0.25), "{:>10.3f}|".format(-2.5), "{}".format(2 ** 80))
print("{0[-1]}".format({"-1": 5}), "{0}{0}".format("ab"), "{:}".format(1), "x{}y{}z".format(1, 2))
