# An uncaught error in a binary operation: ~~~^~~~ under it, parentheses included.
def mean(values):
    total = sum(values)
    return (total + 0) / (len(values) - len(values))


print("mean of", [1, 2])
mean([1, 2])
