print("starting")
raise ValueError("bad module")
