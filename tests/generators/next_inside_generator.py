def firsts(iterables):
    for it in iterables:
        yield next(iter(it))


print(list(firsts([[1], [2], []])))
