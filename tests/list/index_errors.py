# Indexing errors of lists, each caught and printed with its message.
l = [10, 20, 30]
def attempt(f):
    try:
        f()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: l[3])
attempt(lambda: l[-4])
attempt(lambda: l["a"])
attempt(lambda: l.pop(7))
attempt(lambda: [].pop())
attempt(lambda: l.remove(99))
attempt(lambda: l.index(99))
attempt(lambda: l.index("x"))
def setbad():
    l[5] = 1
attempt(setbad)
def delbad():
    del l[-5]
attempt(delbad)
print(l[-1], l[-3], l[True])
