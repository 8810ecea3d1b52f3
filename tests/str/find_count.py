# find, rfind, index, rindex and count with start and end.
s = "hello world, hello"
print(s.find("o"), s.rfind("o"), s.find("hello", 1), s.rfind("hello", 0, 10))
print(s.find("z"), s.find(""), s.rfind(""), s.find("", 100), s.find("", 18))
print(s.find("o", -5), s.find("o", 5, -3), s.find("l", None, None))
print(s.index("world"), s.rindex("l"))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 5), s.count("l", 3, 10))
print("aaaa".count("aa"), "".count(""), "abc".count("", 5))
u = "\u00e9t\u00e9 \u00e0 l'\u00e9cole"
print(u.find("\u00e0"), u.rfind("\u00e9"), u.count("\u00e9"), u.index("cole"), u.find("\u00e9", 1))
try:
    s.index("zzz")
except ValueError as e:
    print(e)
try:
    s.rindex("zzz")
except ValueError as e:
    print(e)
print("o" in s, "xyz" in s, "" in s, "\u00e0 l" in u)
