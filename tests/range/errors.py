# range argument and index errors.
def attempt(f):
    try:
        f()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: range(1.0))
attempt(lambda: range(1, "2"))
attempt(lambda: range())
attempt(lambda: range(1, 2, 3, 4))
attempt(lambda: range(1, 2, 0))
attempt(lambda: range(3)[3])
attempt(lambda: range(3)["a"])
attempt(lambda: range(3).index(5))
print(range(3)[-3])
