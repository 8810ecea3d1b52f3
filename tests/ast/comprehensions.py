# flags: --ast
a = [x * 2 for x in range(10) if x % 2 if x > 3]
b = {k: v for k, v in items for _ in range(2)}
c = {x for x in data}
d = (y for y in gen)
e = sum(z for z in values)
f = [(i, j) for i in range(3) for j in range(i)]
g = [w := 1, (v := 2)]
if (n := len(a)) > 3:
    pass
