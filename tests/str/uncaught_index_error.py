# An uncaught IndexError from indexing a string ends the program with a traceback.
s = "abc"
print(s[1])
print(s[10])
