def g():
    raise StopIteration
    yield


for x in g():
    pass
