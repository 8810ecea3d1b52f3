def inner():
    yield 1
    raise ValueError("from inner")


def outer():
    try:
        for x in inner():
            yield x
    except ValueError as e:
        yield "caught " + str(e)
    try:
        yield from inner()
    except ValueError as e:
        yield "caught again " + str(e)


print(list(outer()))
