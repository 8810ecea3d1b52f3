# flags: --dis
items = []
items.append(1)
print(*items, sep="-", **{"end": "\n"})
ok = 0 < len(items) <= 3
