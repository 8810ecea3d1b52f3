def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for sub in tree(depth - 1):
        yield sub
    yield from tree(depth - 1)


print(len(list(tree(8))))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4]], 5]])))
