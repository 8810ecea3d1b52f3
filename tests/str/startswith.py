# startswith and endswith: tuples of affixes, start and end.
s = "filename.py"
print(s.startswith("file"), s.startswith("name"), s.endswith(".py"), s.endswith(".c"))
print(s.startswith(("x", "fi")), s.endswith((".c", ".h")), s.startswith(()))
print(s.startswith("name", 4), s.startswith("name", 4, 7), s.endswith("name", 0, 8))
print(s.startswith(""), s.startswith("", 11), s.startswith("", 12), s.endswith("", -1))
print(s.endswith("py", -2), s.startswith("f", -100))
print("\u00e9t\u00e9".startswith("\u00e9"), "\u00e9t\u00e9".endswith("t\u00e9"), "\u00e9t\u00e9".startswith("t", 1))
try:
    s.startswith(1)
except TypeError as e:
    print(e)
try:
    s.endswith(("a", 2))
except TypeError as e:
    print(e)
