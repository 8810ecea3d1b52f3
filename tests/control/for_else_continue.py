for i in range(6):
    if i % 2 == 0:
        continue
    print("odd", i)
else:
    print("loop done")
for ch in "abc":
    if ch == "b":
        print("found b")
        break
else:
    print("no b")
