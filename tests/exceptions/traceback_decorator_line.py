# An error in a decorator call is reported on the decorator's line.
def register(fn):
    raise ValueError("cannot register " + fn.__name__)


@register
def handler():
    pass
