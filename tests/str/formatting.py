# % formatting and str.format as methods of str.
print("%s and %r" % ("x", "y"), "%d%%" % 50, "%5s|%-5s|" % ("ab", "cd"))
print("{} {}".format("a", 1), "{0}{1}{0}".format("x", "y"), "{name}!".format(name="hi"))
print("{:>6}|{:<6}|{:^6}".format("ab", "cd", "ef"))
print(f"{'abc':*^9}", f"{'x'!r}")
