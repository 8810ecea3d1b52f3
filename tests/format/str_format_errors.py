# Errors of str.format.
cases = [("{", (1,)), ("}", (1,)), ("{1}", (1,)), ("{}{0}", (1,)), ("{0}{}", (1, 2)), ("{x}", ()),
         ("{!x}", (1,)), ("{!}", (1,)), ("{0", (1,)), ("{0.}", (1,)), ("{0[}", (1,)), ("{0[0]x}", ([1],)),
         ("{:{:{}}}", (1, 2, 3)), ("{0!rr}", (1,)), ("{:d}", ("a",)), ("{0}", ())]
for f, args in cases:
    try:
        print(repr(f.format(*args)))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
