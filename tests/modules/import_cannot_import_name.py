try:
    from _mod_a import missing_name
except ImportError as e:
    print(str(e).replace(__file__.rsplit("/", 1)[0] + "/", ""))
try:
    from sys import missing_name
except ImportError as e:
    print(e)
