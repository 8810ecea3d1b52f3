print("executing _mod_a as", __name__)
VALUE = 42


def double(x):
    return x * 2
