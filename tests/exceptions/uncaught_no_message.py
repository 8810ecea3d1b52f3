def stop():
    raise StopIteration


stop()
