def inner():
    try:
        {}["missing"]
    except:
        print("caught, re-raising")
        raise


try:
    inner()
except KeyError as e:
    print("outer got", repr(e))
