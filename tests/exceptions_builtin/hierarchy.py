def check(exc, clause):
    try:
        raise exc
    except clause:
        return "caught"
    except BaseException:
        return "missed"

print(check(KeyError("a"), LookupError))
print(check(IndexError(), LookupError))
print(check(ZeroDivisionError(), ArithmeticError))
print(check(OverflowError(), ArithmeticError))
print(check(ModuleNotFoundError(), ImportError))
print(check(UnboundLocalError(), NameError))
print(check(RecursionError(), RuntimeError))
print(check(NotImplementedError(), RuntimeError))
print(check(KeyboardInterrupt(), Exception))
print(check(SystemExit(), Exception))
print(check(StopIteration(), Exception))
print(check(ValueError(), (TypeError, ValueError)))
print(check(ValueError(), (TypeError, KeyError)))
print(issubclass(KeyError, LookupError), issubclass(KeyError, Exception), issubclass(Exception, BaseException))
print(isinstance(ValueError(), Exception), isinstance(KeyboardInterrupt(), Exception))
print(ValueError.__name__, type(ValueError("x")).__name__, ValueError)
