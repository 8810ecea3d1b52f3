print(max([], default=0))
max([])
