# str.join over lists, tuples, strings and other iterables.
print(",".join(["a", "b", "c"]))
print("".join(("x", "y")))
print("-".join("abc"))
print(" ".join([]))
print("+".join(["only"]))
print(", ".join(str(i) for i in range(5)))
print("\u00e9".join(["a", "b"]))
print("|".join({"k1": 1, "k2": 2}))
print("".join(["a", "", "b", ""]))
parts = []
for i in range(3):
    parts.append("p" + str(i))
print("/".join(parts))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
try:
    ",".join([None])
except TypeError as e:
    print(e)
try:
    ",".join(5)
except TypeError as e:
    print(e)
