def f(n):
    try:
        try:
            if n == 1:
                raise TypeError("inner")
            if n == 2:
                raise ValueError("outer")
        except TypeError as e:
            print("inner handler", e)
            raise RuntimeError("converted")
    except ValueError as e:
        print("outer handler", e)
    except RuntimeError as e:
        print("runtime", e, type(e.__context__).__name__)
    print("done", n)


f(0)
f(1)
f(2)
