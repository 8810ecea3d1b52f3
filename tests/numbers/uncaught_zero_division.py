# An uncaught integer division by zero ends the program with CPython's message.
print("before")
x = 10
print(x // (x - 10))
