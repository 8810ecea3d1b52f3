try:
    try:
        [][0]
    except IndexError:
        {}["k"]
except KeyError as e:
    print(repr(e), repr(e.__context__))
    print(e.__cause__)
