def f():
    try:
        return "try"
    finally:
        print("cleanup")


def g():
    for i in range(5):
        try:
            if i == 2:
                break
            if i == 0:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return i


def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "from except"
    finally:
        print("h finally")


print(f())
print(g())
print(h())
