# The is* predicates on ASCII and non-ASCII text, including empty strings.
samples = ["", "abc", "ABC", "Abc", "abc123", "123", " \t\n", "a b", "\u00e9t\u00e9", "\u00c9T\u00c9",
           "\u0663\u0664", "\u00b2", "\u00bd", "_id1", "1id", "Hello World", "Hello world", "x\u00a0"]
names = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper",
         "islower", "istitle", "isidentifier", "isascii", "isprintable"]
for s in samples:
    row = [s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(),
           s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable()]
    print(repr(s), "".join("T" if b else "." for b in row))
