Counter = 1
print(counter)
