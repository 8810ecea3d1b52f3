# The ZeroDivisionError messages of each operator and type.
tests = [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0, lambda: 1.0 / 0,
         lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1.0, 0), lambda: 0 ** -1, lambda: 0.0 ** -1,
         lambda: 2 ** 100 // 0, lambda: 2 ** 100 % 0]
for t in tests:
    try:
        t()
    except ZeroDivisionError as e:
        print(e)
