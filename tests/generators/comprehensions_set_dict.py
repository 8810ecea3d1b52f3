print(sorted({x % 5 for x in range(20)}))
print({k: k * k for k in range(5) if k != 2})
print({(a, b) for a in range(2) for b in "xy"} == {(0, "x"), (0, "y"), (1, "x"), (1, "y")})
x = "outer"
print({x: len(x) for x in ["ab", "c"]}, x)
