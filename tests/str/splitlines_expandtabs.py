# splitlines (all line boundaries, keepends) and expandtabs.
t = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\n\nend"
print(t.splitlines())
print(t.splitlines(True))
print("".splitlines(), "x".splitlines(), "x\n".splitlines(), "\n".splitlines(keepends=True))
print(repr("a\tbc\tdef\tg".expandtabs()))
print(repr("a\tbc\tdef\tg".expandtabs(4)))
print(repr("ab\n\tc\r\td".expandtabs(3)))
print(repr("a\tb".expandtabs(0)), repr("\u00e9\tx".expandtabs(2)))
