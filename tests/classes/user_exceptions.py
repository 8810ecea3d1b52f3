# User exception classes: subclasses of Exception and ValueError with custom __init__ and
# __str__, raised and caught, with args and attributes.
class AppError(Exception):
    pass


class ParseError(AppError, ValueError):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line


class Quiet(Exception):
    def __init__(self, code):
        self.code = code

    def __str__(self):
        return f"quiet code {self.code}"


try:
    raise AppError("boom")
except AppError as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    raise ParseError(3, "bad token")
except ValueError as e:
    print(type(e).__name__, e, e.args, e.line, isinstance(e, AppError))
try:
    raise Quiet(7)
except Exception as e:
    print(e, e.args, e.code, repr(e))
try:
    try:
        raise Quiet(1)
    except Quiet as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(e, type(e.__cause__).__name__)
print(issubclass(ParseError, Exception), ParseError.__mro__[1].__name__)
e = AppError(1, 2)
print(e.args, str(e))
