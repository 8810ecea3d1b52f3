def alpha(x, y=1):
    return x


print(alpha.__name__, alpha.__qualname__, alpha.__defaults__)
alpha.tag = "t"
print(alpha.tag)
print(repr(alpha).startswith("<function alpha at 0x"))
print(callable(alpha), type(alpha).__name__)
