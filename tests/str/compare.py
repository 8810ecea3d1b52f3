# Comparison of strings: code point order, equality, and mixing with other types.
print("a" < "b", "a" < "ab", "ab" < "b", "B" < "a", "" < "a", "abc" <= "abc", "abc" > "abd")
print("z" < "\u00e9", "\u00e9" < "\u20ac", "\u20ac" < "\U0001f600", "\uffff" < "\U00010000")
print("abc" == "abc", "abc" != "abd", "a" == 1, "1" == 1, "a" != None)
print(sorted(["pear", "Apple", "banana", "\u00e9clair", "apple"]))
print(max("hello"), min("hello"), sorted("dcba"))
print("abc" == "ab" + "c", hash("abc") == hash("ab" + "c"))
d = {"key": 1}
k = "k" + "ey"
print(d[k], k in d, "ke" + "x" in d)
