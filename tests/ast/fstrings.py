# flags: --ast
name = "x"
a = f"hello {name}!"
b = f"{name!r:>10} {value:.3f} {n:,}"
c = f"{x=} {y = !s} {z=:>5}"
d = f"{{literal}} {a}{b}"
e = "plain " f"{mixed}" ' end'
f = f"{a:{width}.{precision}}"
g = f''
h = rf"\d{x}"
i = f"{'nested'}"
