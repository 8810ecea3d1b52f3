print("sub init", __name__)
SUB = "sub"
