# float's dunder methods called directly: ints are its peers, bitwise operators do not
# exist, and the numeric protocol methods (__abs__, __divmod__, __round__...) exist.
cases = [
    ('(1.5).__eq__(1.5)', lambda: (1.5).__eq__(1.5)),
    ('(1.0).__eq__(1)', lambda: (1.0).__eq__(1)),
    ("(1.5).__eq__('a')", lambda: (1.5).__eq__('a')),
    ('(1.5).__add__(1)', lambda: (1.5).__add__(1)),
    ("(1.5).__add__('a')", lambda: (1.5).__add__('a')),
    ('(1.5).__lt__(2)', lambda: (1.5).__lt__(2)),
    ('(1.5).__rsub__(1)', lambda: (1.5).__rsub__(1)),
    ('(1.5).__pow__(2)', lambda: (1.5).__pow__(2)),
    ('(2.0).__pow__(2, 5)', lambda: (2.0).__pow__(2, 5)),
    ('(1.5).__and__(1)', lambda: (1.5).__and__(1)),
    ('(1.5).__lshift__(1)', lambda: (1.5).__lshift__(1)),
    ('(1.5).__invert__()', lambda: (1.5).__invert__()),
    ('(-1.5).__abs__()', lambda: (-1.5).__abs__()),
    ('(1.5).__int__()', lambda: (1.5).__int__()),
    ('(1.5).__float__()', lambda: (1.5).__float__()),
    ('(7.5).__divmod__(2)', lambda: (7.5).__divmod__(2)),
    ("(7.5).__divmod__('a')", lambda: (7.5).__divmod__('a')),
    ('(7.5).__rdivmod__(20)', lambda: (7.5).__rdivmod__(20)),
    ('(2.5).__round__()', lambda: (2.5).__round__()),
    ('(2.675).__round__(2)', lambda: (2.675).__round__(2)),
    ('(-2.5).__trunc__()', lambda: (-2.5).__trunc__()),
    ('(-2.5).__floor__()', lambda: (-2.5).__floor__()),
    ('(-2.5).__ceil__()', lambda: (-2.5).__ceil__()),
    ("float('inf').__int__()", lambda: float('inf').__int__()),
    ("float('nan').__floor__()", lambda: float('nan').__floor__()),
    ("hasattr(1.5, '__index__')", lambda: hasattr(1.5, '__index__')),
    ('float.__add__(1.0, 2)', lambda: float.__add__(1.0, 2)),
]
for text, f in cases:
    try:
        print(text, "->", repr(f()))
    except Exception as e:
        print(text, "!", type(e).__name__, e)
