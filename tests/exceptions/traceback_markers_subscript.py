# An uncaught error in a subscript: ~~~^^^ under the brackets; the outer call gets ^^^^.
def lookup(table, key):
    return table["rows"][key] * 2


print(lookup({"rows": [1, 2, 3]}, 1))
print(lookup({"rows": [1, 2, 3]}, 10))
