# Case mapping: upper, lower, title, capitalize, swapcase, casefold.
s = "hello World, it's 2024! \u00e9t\u00e9"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print(s.casefold())
print("they're bill's friends".title())
print("a1b2 c3d".title())
print("stra\u00dfe".upper(), "STRASSE".lower(), "stra\u00dfe".casefold())
print("\u0394\u03b5\u03bb\u03c4\u03b1".upper(), "\u0416\u0423\u041a".lower())
print("".upper() == "", "x".upper(), "X".lower())
