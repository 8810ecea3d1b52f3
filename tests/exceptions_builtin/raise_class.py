try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise KeyError("missing")
except Exception as e:
    print(type(e).__name__, e)
try:
    raise 1
except TypeError as e:
    print("TypeError:", e)
try:
    raise int
except TypeError as e:
    print("TypeError:", e)
