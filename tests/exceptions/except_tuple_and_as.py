def check(v):
    try:
        if v == 0:
            raise ValueError("bad value", v)
        elif v == 1:
            raise KeyError("k")
        return [1, 2][v]
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e.args, str(e))
    except IndexError as e:
        print("index:", e)
    return None


for i in range(4):
    print(check(i))
