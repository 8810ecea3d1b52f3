try:
    import _circ_x
except ImportError as e:
    print(type(e).__name__, str(e).replace(__file__.rsplit("/", 1)[0] + "/", ""))
