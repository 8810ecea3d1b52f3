# flags: --dis
x = 1
y = x + 2.5
print(x, y)
