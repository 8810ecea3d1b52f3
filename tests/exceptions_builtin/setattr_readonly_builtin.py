# Setting or deleting attributes of built-in objects: CPython's AttributeError (and
# TypeError for __class__) wording for read-only descriptors, methods and missing names.
class C:
    def m(self):
        pass


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except (AttributeError, TypeError) as e:
        print(label, type(e).__name__, e)


def set_attr(obj, name):
    return lambda: setattr(obj, name, 2)


def del_attr(obj, name):
    return lambda: delattr(obj, name)


attempt("int.real", set_attr(1, "real"))
attempt("int.imag", set_attr(1, "imag"))
attempt("int.numerator", set_attr(5, "numerator"))
attempt("int.denominator", set_attr(5, "denominator"))
attempt("bool.real", set_attr(True, "real"))
attempt("float.real", set_attr(1.5, "real"))
attempt("int.x", set_attr(1, "x"))
attempt("int.__doc__", set_attr(1, "__doc__"))
attempt("int.__add__", set_attr(1, "__add__"))
attempt("int.bit_length", set_attr(1, "bit_length"))
attempt("int.__class__", set_attr(1, "__class__"))
attempt("int.__class__ = int", lambda: setattr(1, "__class__", int))
attempt("del int.real", del_attr(1, "real"))
attempt("del list.x", del_attr([], "x"))
attempt("str.x", set_attr("s", "x"))
attempt("list.__doc__", set_attr([], "__doc__"))
attempt("None.x", set_attr(None, "x"))
attempt("method.x", set_attr(C().m, "x"))
attempt("method.__func__", set_attr(C().m, "__func__"))
attempt("method.__self__", set_attr(C().m, "__self__"))
attempt("method.__doc__", set_attr(C().m, "__doc__"))
attempt("builtin.x", set_attr(len, "x"))
attempt("builtin.__name__", set_attr(len, "__name__"))
attempt("bound builtin.__name__", set_attr([].append, "__name__"))
attempt("method_descriptor.__name__", set_attr(list.append, "__name__"))
attempt("method_descriptor.__doc__", set_attr(list.append, "__doc__"))
attempt("property.fget", set_attr(property(), "fget"))
attempt("range.start", set_attr(range(3), "start"))
attempt("del range.stop", del_attr(range(3), "stop"))
attempt("slice.step", set_attr(slice(1), "step"))
attempt("object.x", set_attr(object(), "x"))
attempt("function.x", set_attr(C.m, "x"))
