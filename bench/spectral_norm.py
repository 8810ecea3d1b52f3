# Many small calls and list comprehensions over floats: the spectral norm of an infinite matrix.
def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    return [sum([a(i, j) * u[j] for j in range(n)]) for i in range(n)]


def times_at(u):
    n = len(u)
    return [sum([a(j, i) * u[j] for j in range(n)]) for i in range(n)]


def norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = times_at(times_a(u))
        u = times_at(times_a(v))
    vbv = sum([x * y for x, y in zip(u, v)])
    vv = sum([y * y for y in v])
    return (vbv / vv) ** 0.5


print(f"{norm(220):.9f}")
