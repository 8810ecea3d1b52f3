# A call over several lines: the markers run to the end of its first line.
def divide(a, b):
    return a / b


result = divide(
    1,
    0,
)
