# str's and other built-in types' dunder methods called directly, as CPython defines them.
cases = [
    ("'a'.__eq__('a')", lambda: 'a'.__eq__('a')),
    ("'a'.__eq__(1)", lambda: 'a'.__eq__(1)),
    ("'a'.__lt__(1)", lambda: 'a'.__lt__(1)),
    ("'a'.__add__('b')", lambda: 'a'.__add__('b')),
    ("'a'.__mul__(3)", lambda: 'a'.__mul__(3)),
    ("'a'.__mul__(1.5)", lambda: 'a'.__mul__(1.5)),
    ("'a'.__rmul__(3)", lambda: 'a'.__rmul__(3)),
    ("'%d'.__mod__(1)", lambda: '%d'.__mod__(1)),
    ("'a'.__rmod__(1)", lambda: 'a'.__rmod__(1)),
    ("hasattr('a', '__radd__')", lambda: hasattr('a', '__radd__')),
    ("hasattr('a', '__sub__')", lambda: hasattr('a', '__sub__')),
    ('[1].__mul__(1.5)', lambda: [1].__mul__(1.5)),
    ('[1].__add__([2])', lambda: [1].__add__([2])),
    ("hasattr([], '__radd__')", lambda: hasattr([], '__radd__')),
    ("hasattr([], '__iadd__')", lambda: hasattr([], '__iadd__')),
    ("hasattr([], '__sub__')", lambda: hasattr([], '__sub__')),
    ('(1,).__rmul__(2)', lambda: (1,).__rmul__(2)),
    ("hasattr((), '__iadd__')", lambda: hasattr((), '__iadd__')),
    ('{1}.__or__({2})', lambda: {1}.__or__({2})),
    ('{1}.__rsub__({1, 2})', lambda: {1}.__rsub__({1, 2})),
    ("hasattr({1}, '__add__')", lambda: hasattr({1}, '__add__')),
    ("hasattr(frozenset(), '__ior__')", lambda: hasattr(frozenset(), '__ior__')),
    ('{1: 2}.__or__({3: 4})', lambda: {1: 2}.__or__({3: 4})),
    ("hasattr({}, '__and__')", lambda: hasattr({}, '__and__')),
    ('{}.keys().__and__({1})', lambda: {}.keys().__and__({1})),
    ("hasattr({}.values(), '__or__')", lambda: hasattr({}.values(), '__or__')),
    ('object.__ne__(1, 2)', lambda: object.__ne__(1, 2)),
    ('object.__ne__(1, 1)', lambda: object.__ne__(1, 1)),
    ('object().__ne__(1)', lambda: object().__ne__(1)),
    ('None.__ne__(None)', lambda: None.__ne__(None)),
]
for text, f in cases:
    try:
        print(text, "->", repr(f()))
    except Exception as e:
        print(text, "!", type(e).__name__, e)
