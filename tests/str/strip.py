# strip, lstrip, rstrip with and without a set of characters.
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print(repr("\t\n hi \r\x0b\x0c".strip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".lstrip("xy")), repr("xyhiyx".rstrip("yx")))
print(repr("hi".strip("")), repr("".strip()), repr("   ".strip()))
print(repr("\u00e9\u00e9h\u00e9\u00e9".strip("\u00e9")))
print(repr("\u3000 wide \u2028".strip()))
print(repr("abc".strip(None)))
print(repr("www.example.com".strip("cmowz.")))
print(repr("www.example.com".removeprefix("www.")), repr("www.example.com".removesuffix(".com")))
print(repr("abc".removeprefix("x")), repr("abc".removesuffix("")))
try:
    "a".strip(1)
except TypeError as e:
    print(e)
