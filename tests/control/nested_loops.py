found = []
for i in range(1, 5):
    for j in range(1, 5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        found.append((i, j))
print(found)
total = 0
i = 0
while i < 100:
    i += 1
    if i % 3 == 0:
        continue
    total += i
print(total)
