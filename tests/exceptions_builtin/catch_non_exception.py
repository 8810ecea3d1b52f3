try:
    try:
        1 / 0
    except (ZeroDivisionError, 1):
        print("not reached")
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        [][0]
    except "IndexError":
        print("not reached")
except TypeError as e:
    print("TypeError:", e)
