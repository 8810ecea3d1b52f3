def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("zero")
        r = -1
    else:
        print("ok", r)
    finally:
        print("finally", x)
    return r


print(f(2))
print(f(0))
