def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: 1 ** "a")
show(lambda: [1] * [1])
show(lambda: -"a")
show(lambda: ~1.5)
show(lambda: 1 < "a")
show(lambda: None >= None)
one = 1
show(lambda: one())
show(lambda: len(5))
show(lambda: iter(5))
show(lambda: 5 in 5)
show(lambda: hash([]))
show(lambda: (5).foo)
show(lambda: None.x)
show(lambda: int.nope)
x = 1
try:
    x += "a"
except TypeError as e:
    print("TypeError:", e)
try:
    x -= None
except TypeError as e:
    print("TypeError:", e)
try:
    (1).x = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.x = 2
except TypeError as e:
    print("TypeError:", e)
print(1 == "a", None == None, None != 0, "a" != "a")
