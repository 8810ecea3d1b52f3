print("before")
len([1], [2])
