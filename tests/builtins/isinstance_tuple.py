print(isinstance(1, int), isinstance(True, int), isinstance(1, bool))
print(isinstance("s", (int, str)), isinstance(1.5, (int, (str, float))))
print(isinstance([], ()), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(1, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, (IndexError, LookupError)))
print(isinstance(ValueError("x"), Exception), isinstance(KeyboardInterrupt(), Exception))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
